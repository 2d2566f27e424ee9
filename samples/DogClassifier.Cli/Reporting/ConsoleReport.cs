using Spectre.Console;

namespace DogClassifier.Cli.Reporting;

/// <summary>Writes a <see cref="RunReport"/> as readable tables.</summary>
internal static class ConsoleReport
{
    private const int MistakeLimit = 10;
    private const int SkippedLimit = 20;

    public static void Write(IAnsiConsole console, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);

        var metrics = report.Metrics;
        var title = $"{report.Set}: {Numbers.Count(metrics.Count)} images";
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
        console.Write(MetricTables.Summary(metrics));
        console.Write(MetricTables.PerClass(metrics));
        console.Write(MetricTables.Confusion(metrics.ConfusionMatrix));
        if (metrics.Binary is { } binary)
        {
            console.Write(MetricTables.Binary(binary));
        }

        if (report.Candidates.Count > 0)
        {
            console.Write(RunTables.Candidates(report.Candidates));
        }

        if (metrics.Misclassified.Count > 0)
        {
            console.Write(MetricTables.Mistakes(metrics, report.DataFolder, MistakeLimit));
        }

        if (report.Skipped.Count > 0)
        {
            console.Write(RunTables.Skipped(report.Skipped, report.DataFolder, SkippedLimit));
        }

        console.Write(RunTables.CountsAndTimings(report.Counts, report.Timings));
    }
}
