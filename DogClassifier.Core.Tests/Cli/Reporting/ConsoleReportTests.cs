using DogClassifier.Cli.Reporting;
using Spectre.Console.Testing;

namespace DogClassifier.Tests.Cli.Reporting;

public sealed class ConsoleReportTests
{
    [Test]
    [SetCulture("de-DE")]
    public void Write_Report_ShowsMetricsWithInvariantDecimals()
    {
        var console = new TestConsole().Width(160);

        ConsoleReport.Write(console, SampleReports.Evaluation());

        Assert.Multiple(() =>
        {
            Assert.That(console.Output, Does.Contain("Micro accuracy").And.Contain("0.6667"));
            Assert.That(console.Output, Does.Contain("Log-loss reduction").And.Contain("0.2500"));
            Assert.That(console.Output, Does.Not.Contain("0,6667"));
        });
    }

    [Test]
    public void Write_Report_LabelsTheConfusionMatrixWithClassNames()
    {
        var console = new TestConsole().Width(160);

        ConsoleReport.Write(console, SampleReports.Evaluation());

        var lines = console.Lines.SkipWhile(l => !l.Contains("Confusion matrix")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Cells(lines, "actual \\ predicted")[1..], Is.EqualTo(new[] { "dog", "not-dog" }));
            Assert.That(Cells(lines, "dog"), Is.EqualTo(new[] { "dog", "1", "0" }));
            Assert.That(Cells(lines, "not-dog"), Is.EqualTo(new[] { "not-dog", "1", "1" }));
        });
    }

    [Test]
    public void Write_Report_ListsSkippedFilesRelativeToTheDataFolder()
    {
        var console = new TestConsole().Width(160);

        ConsoleReport.Write(console, SampleReports.Evaluation());

        Assert.That(console.Output, Does.Contain("cat/d.jpg").And.Contain("the file is empty"));
    }

    [Test]
    public void Write_UndefinedAuc_ShowsNotAvailable()
    {
        var console = new TestConsole().Width(160);

        ConsoleReport.Write(console, SampleReports.Evaluation(auc: double.NaN));

        Assert.That(console.Output, Does.Contain("n/a"));
    }

    /// <summary>The cells of the first table row whose first cell is <paramref name="first"/>.</summary>
    private static string[] Cells(List<string> lines, string first) => lines
        .Select(l => l.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        .First(cells => cells.Length > 0 && cells[0] == first);
}
