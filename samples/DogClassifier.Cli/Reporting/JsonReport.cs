namespace DogClassifier.Cli.Reporting;

/// <summary>
/// The shape of the JSON report. Numbers are written as computed (not rounded); a metric that is
/// undefined, such as the AUC of a set with one class, is <c>null</c>.
/// </summary>
internal sealed record JsonReport(
    string Command,
    string Set,
    string Data,
    string Model,
    IReadOnlyList<string> ClassNames,
    string? PositiveClass,
    JsonCounts Counts,
    JsonMetrics Metrics,
    IReadOnlyList<JsonClassMetrics> PerClass,
    JsonConfusionMatrix ConfusionMatrix,
    JsonBinaryMetrics? Binary,
    IReadOnlyList<JsonMisclassified> Misclassified,
    IReadOnlyList<JsonSkipped> Skipped,
    IReadOnlyList<JsonCandidate> Candidates,
    JsonTimings Timings)
{
    public static JsonReport From(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var metrics = report.Metrics;
        var matrix = metrics.ConfusionMatrix;
        return new JsonReport(
            report.Command,
            report.Set,
            report.DataFolder,
            report.ModelPath,
            matrix.ClassNames,
            metrics.Binary?.PositiveClass,
            JsonCounts.From(report.Counts),
            new JsonMetrics(metrics.MicroAccuracy, metrics.MacroAccuracy, metrics.LogLoss,
                metrics.LogLossReduction),
            [.. metrics.PerClass.Select(JsonClassMetrics.From)],
            new JsonConfusionMatrix(matrix.ClassNames, matrix.Counts),
            metrics.Binary is { } binary ? JsonBinaryMetrics.From(binary) : null,
            [.. metrics.Misclassified.Select(JsonMisclassified.From)],
            [.. report.Skipped.Select(s => new JsonSkipped(s.Path, s.Reason))],
            [.. report.Candidates.Select(JsonCandidate.From)],
            JsonTimings.From(report.Timings));
    }
}
