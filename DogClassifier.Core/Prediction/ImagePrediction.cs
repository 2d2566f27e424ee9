namespace DogClassifier.Prediction;

/// <summary>What the model says about one image.</summary>
/// <param name="Input">The file name or upload name the image came from, when known.</param>
/// <param name="Label">The class with the highest score, even when <see cref="IsUnsure"/> is set.</param>
/// <param name="Confidence">That class's score, between 0 and 1.</param>
/// <param name="Scores">Every class's score, keyed by class name; they sum to one.</param>
public sealed record ImagePrediction(
    string? Input, string Label, float Confidence, IReadOnlyDictionary<string, float> Scores)
{
    /// <summary>
    /// Whether <see cref="Confidence"/> fell below <see cref="PredictionOptions.ConfidenceThreshold"/>:
    /// the model abstains, and a caller should answer "unsure" rather than <see cref="Label"/>.
    /// Always <c>false</c> when no threshold was given.
    /// </summary>
    public bool IsUnsure { get; init; }
}
