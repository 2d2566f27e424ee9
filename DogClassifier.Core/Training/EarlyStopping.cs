namespace DogClassifier.Training;

/// <summary>
/// Tracks the best value of the watched metric and counts the epochs since it last improved.
/// The best value starts at +∞ for a loss and at −∞ for an accuracy, so the first finite value
/// always counts as an improvement; a value that is not a number never does.
/// </summary>
internal sealed class EarlyStopping(EarlyStoppingOptions options)
{
    private int _sinceBest;

    public double Best { get; private set; } =
        options.Metric == EarlyStoppingMetric.ValidationLoss ? double.PositiveInfinity : double.NegativeInfinity;

    /// <summary>The epoch that gave <see cref="Best"/>; 0 before any improvement.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Whether the metric has failed to improve for the patience's number of epochs.</summary>
    public bool ShouldStop => _sinceBest >= options.Patience;

    /// <summary>The value of the watched metric among an epoch's metrics.</summary>
    public double Watched(EpochMetrics metrics) => options.Metric == EarlyStoppingMetric.ValidationLoss
        ? metrics.ValidationCrossEntropy
        : metrics.ValidationAccuracy;

    /// <summary>Records an epoch's value; returns whether it is the new best.</summary>
    public bool Observe(int epoch, double value)
    {
        var improved = options.Metric == EarlyStoppingMetric.ValidationLoss
            ? value < Best - options.MinDelta
            : value > Best + options.MinDelta;
        if (!improved)
        {
            _sinceBest++;
            return false;
        }

        Best = value;
        BestEpoch = epoch;
        _sinceBest = 0;
        return true;
    }
}
