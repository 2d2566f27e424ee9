namespace DogClassifier.Training;

/// <summary>The validation metric that early stopping watches.</summary>
public enum EarlyStoppingMetric
{
    /// <summary>The validation cross-entropy (log-loss); lower is better.</summary>
    ValidationLoss,

    /// <summary>The validation accuracy; higher is better.</summary>
    ValidationAccuracy,
}

/// <summary>
/// When the mini-batch softmax head stops before its last epoch: after <see cref="Patience"/>
/// epochs in a row in which the watched metric did not improve on its best by more than
/// <see cref="MinDelta"/>. The weights of the best epoch are kept, not those of the last.
/// </summary>
public sealed record EarlyStoppingOptions
{
    /// <summary>The default settings: watch the validation loss with a patience of 10 epochs.</summary>
    public static EarlyStoppingOptions Default { get; } = new();

    /// <summary>The metric watched. Default: <see cref="EarlyStoppingMetric.ValidationLoss"/>.</summary>
    public EarlyStoppingMetric Metric { get; init; } = EarlyStoppingMetric.ValidationLoss;

    /// <summary>Epochs without improvement tolerated before training stops. Default: 10.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>
    /// The smallest change of the metric that counts as an improvement: a loss must fall, or an
    /// accuracy rise, by more than this. Default: 0.0001.
    /// </summary>
    public double MinDelta { get; init; } = 1e-4;

    /// <summary>Throws when a value is out of range, naming every bad value at once.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Metric))
        {
            errors.Add($"{nameof(Metric)} has no such value ({(int)Metric})");
        }

        if (Patience < 1)
        {
            errors.Add($"{nameof(Patience)} must be at least 1 (was {Patience})");
        }

        if (!double.IsFinite(MinDelta) || MinDelta < 0)
        {
            errors.Add($"{nameof(MinDelta)} must be a finite value of 0 or more (was {MinDelta})");
        }

        OptionsValidation.ThrowIfAny(nameof(EarlyStoppingOptions), errors);
    }
}
