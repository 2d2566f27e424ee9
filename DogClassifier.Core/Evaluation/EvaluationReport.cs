using DogClassifier.Data;

namespace DogClassifier.Evaluation;

/// <summary>How well a model did on a labelled set of images.</summary>
public sealed class EvaluationReport
{
    /// <summary>The number of images evaluated (skipped files excluded).</summary>
    public required int Count { get; init; }

    /// <summary>The share of images classified correctly.</summary>
    public required double MicroAccuracy { get; init; }

    /// <summary>The mean over classes of each class's recall, so every class weighs the same.</summary>
    public required double MacroAccuracy { get; init; }

    /// <summary>The mean of −ln(score of the true class), scores clamped at 1e-15.</summary>
    public required double LogLoss { get; init; }

    /// <summary>
    /// 1 − LogLoss / (the log-loss of always answering the class frequencies of this set):
    /// 1 is perfect, 0 no better than the prior, below 0 worse.
    /// </summary>
    public required double LogLossReduction { get; init; }

    /// <summary>Precision, recall, F1 and support of each class, in class-name order.</summary>
    public required IReadOnlyList<ClassMetrics> PerClass { get; init; }

    /// <summary>Actual against predicted classes.</summary>
    public required ConfusionMatrix ConfusionMatrix { get; init; }

    /// <summary>For a binary question, the positive class's metrics and AUC; otherwise <c>null</c>.</summary>
    public BinaryMetrics? Binary { get; init; }

    /// <summary>Every evaluated image with its prediction.</summary>
    public required IReadOnlyList<ImageResult> Results { get; init; }

    /// <summary>The images the model got wrong, most confident mistakes first.</summary>
    public IReadOnlyList<ImageResult> Misclassified =>
        [.. Results.Where(r => !r.IsCorrect).OrderByDescending(r => r.Confidence).ThenBy(r => r.Path, StringComparer.Ordinal)];

    /// <summary>Images that could not be read or decoded, with the reason; they are not counted.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];
}
