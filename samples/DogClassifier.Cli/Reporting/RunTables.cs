using DogClassifier.Data;
using DogClassifier.Training;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DogClassifier.Cli.Reporting;

/// <summary>The tables about a run: head candidates, skipped files, counts and timings.</summary>
internal static class RunTables
{
    public static IRenderable Candidates(IReadOnlyList<HeadCandidate> candidates)
    {
        var table = new Table()
            .Title("Head candidates (scored on the validation split)")
            .AddColumn("Head")
            .AddColumns(Right("Accuracy"), Right("Log-loss"), Right("Time"))
            .AddColumn("Kept");
        foreach (var c in candidates)
        {
            table.AddRow(Markup.Escape(c.Name), Numbers.Metric(c.ValidationAccuracy),
                Numbers.Metric(c.ValidationLogLoss), Numbers.Seconds(c.TrainingTime),
                c.Selected ? "[green]yes[/]" : "");
        }

        return table;
    }

    /// <summary>
    /// The skipped files, at most <paramref name="limit"/>, their paths relative to the data folder.
    /// </summary>
    public static IRenderable Skipped(IReadOnlyList<SkippedFile> skipped, string dataFolder, int limit)
    {
        var table = new Table()
            .Title($"Skipped files ({Numbers.Count(skipped.Count)})")
            .AddColumns("File", "Reason");
        foreach (var file in skipped.Take(limit))
        {
            table.AddRow(Markup.Escape(Path.GetRelativePath(dataFolder, file.Path)),
                Markup.Escape(file.Reason));
        }

        if (skipped.Count > limit)
        {
            table.AddRow($"… and {Numbers.Count(skipped.Count - limit)} more", "see the JSON report");
        }

        return table;
    }

    public static IRenderable CountsAndTimings(RunCounts counts, RunTimings timings)
    {
        var table = new Table()
            .Title("Counts and timings")
            .HideHeaders()
            .AddColumn("What")
            .AddColumn(Right("Value"));
        table.AddRow("Images found", Numbers.Count(counts.Images));
        Add(table, "Training split (usable)", counts.Train);
        Add(table, "Validation split (usable)", counts.Validation);
        Add(table, "Test split (usable)", counts.Test);
        table.AddRow("Evaluated in this report", Numbers.Count(counts.Evaluated));
        table.AddRow("Unusable images", Numbers.Count(counts.Unusable));
        table.AddRow("Ignored files", Numbers.Count(counts.Ignored));
        Add(table, "Features from the cache", counts.CacheHits);
        Add(table, "Featurization", timings.Featurization);
        Add(table, "Head training", timings.Head);
        Add(table, "Training in all", timings.Training);
        Add(table, "Evaluation", timings.Evaluation);
        table.AddRow("Total", Numbers.Seconds(timings.Total));
        return table;
    }

    private static void Add(Table table, string label, int? count)
    {
        if (count is { } value)
        {
            table.AddRow(label, Numbers.Count(value));
        }
    }

    private static void Add(Table table, string label, TimeSpan? time)
    {
        if (time is { } value)
        {
            table.AddRow(label, Numbers.Seconds(value));
        }
    }

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();
}
