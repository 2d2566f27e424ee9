using DogClassifier.Data;
using DogClassifier.Evaluation;
using DogClassifier.Prediction;

namespace DogClassifier.Training;

/// <summary>The outcome of a training run. Dispose it, or its <see cref="Model"/>, when done.</summary>
public sealed class TrainingResult : IDisposable
{
    /// <summary>The trained classifier.</summary>
    public required ImageClassifier Model { get; init; }

    /// <summary>The chosen model's metrics on the validation set.</summary>
    public required EvaluationReport Validation { get; init; }

    /// <summary>The chosen model's metrics on the held-out test set, or <c>null</c> when the split has none.</summary>
    public EvaluationReport? Test { get; init; }

    /// <summary>
    /// Every head candidate in the order tried, with its validation score; the kept one is
    /// marked, and skipped ones say so.
    /// </summary>
    public required IReadOnlyList<HeadCandidate> Candidates { get; init; }

    /// <summary>
    /// The mini-batch softmax head's metrics after each epoch it ran, whether or not it was kept;
    /// empty when it did not run. The same figures went to <see cref="TrainingOptions.EpochProgress"/>.
    /// </summary>
    public IReadOnlyList<EpochMetrics> Epochs { get; init; } = [];

    /// <summary>Every image that could not be used, in any set, and why.</summary>
    public required IReadOnlyList<SkippedFile> Skipped { get; init; }

    /// <summary>How many images were used for training, validation and test (mirrored copies not counted).</summary>
    public required SplitCounts Counts { get; init; }

    /// <summary>How many feature vectors came from the cache instead of the network.</summary>
    public int CacheHits { get; init; }

    /// <summary>Time spent turning images into features.</summary>
    public TimeSpan FeaturizationTime { get; init; }

    /// <summary>Time spent training and choosing the head.</summary>
    public TimeSpan HeadTrainingTime { get; init; }

    /// <summary>The whole run's time.</summary>
    public TimeSpan TotalTime { get; init; }

    /// <summary>Disposes the model.</summary>
    public void Dispose() => Model.Dispose();
}
