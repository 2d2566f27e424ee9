using DogClassifier.Evaluation;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DogClassifier.Cli.Reporting;

/// <summary>The tables of an <see cref="EvaluationReport"/>'s metrics.</summary>
internal static class MetricTables
{
    public static IRenderable Summary(EvaluationReport report) => new Table()
        .Title("Overall")
        .AddColumn("Metric")
        .AddColumn(new TableColumn("Value").RightAligned())
        .AddRow("Micro accuracy", Numbers.Metric(report.MicroAccuracy))
        .AddRow("Macro accuracy", Numbers.Metric(report.MacroAccuracy))
        .AddRow("Log-loss", Numbers.Metric(report.LogLoss))
        .AddRow("Log-loss reduction", Numbers.Metric(report.LogLossReduction));

    public static IRenderable PerClass(EvaluationReport report)
    {
        var table = new Table()
            .Title("Per class")
            .AddColumn("Class")
            .AddColumns(Right("Precision"), Right("Recall"), Right("F1"), Right("Support"));
        foreach (var c in report.PerClass)
        {
            table.AddRow(Markup.Escape(c.ClassName), Numbers.Metric(c.Precision),
                Numbers.Metric(c.Recall), Numbers.Metric(c.F1), Numbers.Count(c.Support));
        }

        return table;
    }

    /// <summary>Rows are the actual classes, columns the predicted ones; the diagonal is right.</summary>
    public static IRenderable Confusion(ConfusionMatrix matrix)
    {
        var names = matrix.ClassNames;
        var table = new Table()
            .Title("Confusion matrix")
            .AddColumn("actual \\ predicted")
            .AddColumns([.. names.Select(n => Right(Markup.Escape(n)))]);
        for (int actual = 0; actual < names.Count; actual++)
        {
            var cells = new List<string> { Markup.Escape(names[actual]) };
            for (int predicted = 0; predicted < names.Count; predicted++)
            {
                var count = Numbers.Count(matrix.Counts[actual][predicted]);
                cells.Add(actual == predicted ? $"[green]{count}[/]" : count);
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    public static IRenderable Binary(BinaryMetrics binary) => new Table()
        .Title($"Positive class: {Markup.Escape(binary.PositiveClass)}")
        .AddColumns(Right("Precision"), Right("Recall"), Right("F1"), Right("AUC"))
        .AddRow(Numbers.Metric(binary.Precision), Numbers.Metric(binary.Recall),
            Numbers.Metric(binary.F1), Numbers.Metric(binary.Auc));

    /// <summary>The most confident mistakes, at most <paramref name="limit"/>.</summary>
    public static IRenderable Mistakes(EvaluationReport report, string dataFolder, int limit)
    {
        var mistakes = report.Misclassified;
        var table = new Table()
            .Title($"Most confident mistakes ({Numbers.Count(mistakes.Count)} in all)")
            .AddColumns("Image", "Actual", "Predicted")
            .AddColumn(Right("Confidence"));
        foreach (var m in mistakes.Take(limit))
        {
            table.AddRow(Markup.Escape(Path.GetRelativePath(dataFolder, m.Path)),
                Markup.Escape(m.Actual), Markup.Escape(m.Predicted), Numbers.Percent(m.Confidence));
        }

        return table;
    }

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();
}
