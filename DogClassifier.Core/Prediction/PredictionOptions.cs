namespace DogClassifier.Prediction;

/// <summary>How an <see cref="ImageClassifier"/> turns an image into an answer.</summary>
public sealed record PredictionOptions
{
    /// <summary>The default settings: no abstention, no test-time augmentation.</summary>
    public static PredictionOptions Default { get; } = new();

    /// <summary>
    /// The confidence below which an answer is marked unsure (<see cref="ImagePrediction.IsUnsure"/>),
    /// between 0 and 1. The label is still the most likely class; a caller that prefers no answer
    /// to a doubtful one shows "unsure" instead. For a question of two classes the top score is
    /// never below 0.5, so useful values lie between 0.5 and 1. Default: <c>null</c> (never unsure).
    /// </summary>
    /// <remarks>
    /// The evaluation HTML report's threshold table and reliability diagram show, on a labelled set,
    /// how accurate the model is at each confidence, which is how to choose this value.
    /// </remarks>
    public double? ConfidenceThreshold { get; init; }

    /// <summary>
    /// Whether each image is also classified mirrored left to right and the two sets of scores
    /// averaged. It costs a second pass through the network. Default: <c>false</c>.
    /// </summary>
    public bool TestTimeAugmentation { get; init; }

    /// <summary>Throws when a value is out of range, naming every bad value at once.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (ConfidenceThreshold is { } threshold && !(threshold >= 0 && threshold <= 1))
        {
            errors.Add($"{nameof(ConfidenceThreshold)} must be between 0 and 1 (was {threshold})");
        }

        OptionsValidation.ThrowIfAny(nameof(PredictionOptions), errors);
    }
}
