using DogClassifier.Evaluation.Reporting;

namespace DogClassifier.Cli.Reporting;

/// <summary>
/// Writes a run's metrics as the library's self-contained HTML evaluation report, titled with
/// the set the metrics are about and naming the model and the data folder.
/// </summary>
internal static class HtmlReportFile
{
    /// <summary>Writes the page to <paramref name="path"/> atomically, creating its folder.</summary>
    /// <returns>The file's full path.</returns>
    public static string Write(string path, RunReport report)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(report);

        var full = Path.GetFullPath(path);
        var options = new HtmlReportOptions
        {
            Title = $"{report.Set}: {Path.GetFileName(report.ModelPath)}",
            Description = $"Model {report.ModelPath}, evaluated on {report.DataFolder}",
        };
        report.Metrics.WriteHtml(full, options);
        return full;
    }
}
