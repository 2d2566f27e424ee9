using System.Text;
using DogClassifier.Data;
using DogClassifier.Evaluation.Reporting;

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

    /// <summary>
    /// The expected calibration error over 10 equal-width bins of confidence: the mean, weighted
    /// by bin size, of the gap between each bin's accuracy and its mean confidence. 0 is perfect.
    /// </summary>
    public double ExpectedCalibrationError => Calibration.ExpectedError(Calibration.Bins(Results, 10));

    /// <summary>
    /// Writes the report as one self-contained HTML page that opens offline: the metrics, the
    /// confusion matrix as a heat map, per-class precision, recall and F1, for a binary question
    /// the ROC and precision-recall curves with a threshold table, a reliability diagram with the
    /// expected calibration error, and thumbnails of the misclassified images, worst first. The
    /// file is written atomically: a crash never leaves a half-written page.
    /// </summary>
    /// <param name="path">The file to write; its folder is created when missing.</param>
    /// <param name="options">What to show; <see cref="HtmlReportOptions.Default"/> when <c>null</c>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void WriteHtml(string path, HtmlReportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var html = RenderHtml(options);
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(html));
    }

    /// <summary>Writes the report as one self-contained HTML page (UTF-8) to a stream.</summary>
    /// <param name="destination">A writable stream; it is left open.</param>
    /// <param name="options">What to show; <see cref="HtmlReportOptions.Default"/> when <c>null</c>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void WriteHtml(Stream destination, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(Encoding.UTF8.GetBytes(RenderHtml(options)));
    }

    private string RenderHtml(HtmlReportOptions? options)
    {
        options ??= HtmlReportOptions.Default;
        options.Validate();
        return new HtmlReportWriter(this, options).Render();
    }
}
