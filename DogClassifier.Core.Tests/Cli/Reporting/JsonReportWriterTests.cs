using System.Text.Json;
using DogClassifier.Cli.Reporting;
using DogClassifier.Tests.Support;

namespace DogClassifier.Tests.Cli.Reporting;

public sealed class JsonReportWriterTests
{
    [Test]
    public void Write_ExistingFile_ReplacesItAndLeavesNoTemporaryFile()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("report.json");
        File.WriteAllText(path, "old");

        JsonReportWriter.Write(path, SampleReports.Evaluation());

        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(temp.Path), Is.EqualTo(new[] { path }));
            Assert.That(() => JsonDocument.Parse(File.ReadAllText(path)).Dispose(), Throws.Nothing);
        });
    }

    [Test]
    public void Write_MissingFolder_CreatesIt()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("reports", "nested", "report.json");

        var written = JsonReportWriter.Write(path, SampleReports.Evaluation());

        Assert.That(File.Exists(written), Is.True);
    }

    [Test]
    public void Serialize_Report_UsesCamelCaseNamesAndTheReportsNumbers()
    {
        var bytes = JsonReportWriter.Serialize(SampleReports.Evaluation());

        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        var metrics = root.GetProperty("metrics");
        var counts = root.GetProperty("counts");
        Assert.Multiple(() =>
        {
            Assert.That(metrics.GetProperty("microAccuracy").GetDouble(), Is.EqualTo(2 / 3.0));
            Assert.That(metrics.GetProperty("logLossReduction").GetDouble(), Is.EqualTo(0.25));
            Assert.That(root.GetProperty("perClass")[1].GetProperty("className").GetString(),
                Is.EqualTo("not-dog"));
            Assert.That(root.GetProperty("confusionMatrix").GetProperty("counts")[1][0].GetInt32(),
                Is.EqualTo(1));
            Assert.That(root.GetProperty("binary").GetProperty("auc").GetDouble(), Is.EqualTo(0.5));
            Assert.That(counts.GetProperty("unusable").GetInt32(), Is.EqualTo(1));
            Assert.That(counts.TryGetProperty("train", out _), Is.False);
            Assert.That(root.GetProperty("timings").GetProperty("evaluationSeconds").GetDouble(),
                Is.EqualTo(1.25));
        });
    }

    [Test]
    public void Serialize_Report_ListsMisclassifiedWithPredictionAndConfidence()
    {
        var bytes = JsonReportWriter.Serialize(SampleReports.Evaluation());

        using var json = JsonDocument.Parse(bytes);
        var mistakes = json.RootElement.GetProperty("misclassified");
        Assert.Multiple(() =>
        {
            Assert.That(mistakes.GetArrayLength(), Is.EqualTo(1));
            Assert.That(mistakes[0].GetProperty("path").GetString(), Is.EqualTo("/data/pets/cat/c.jpg"));
            Assert.That(mistakes[0].GetProperty("actual").GetString(), Is.EqualTo("not-dog"));
            Assert.That(mistakes[0].GetProperty("predicted").GetString(), Is.EqualTo("dog"));
            Assert.That(mistakes[0].GetProperty("confidence").GetDouble(), Is.EqualTo(0.625));
        });
    }

    [Test]
    public void Serialize_UndefinedAuc_WritesNull()
    {
        var bytes = JsonReportWriter.Serialize(SampleReports.Evaluation(auc: double.NaN));

        using var json = JsonDocument.Parse(bytes);
        var auc = json.RootElement.GetProperty("binary").GetProperty("auc");
        Assert.That(auc.ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    [SetCulture("de-DE")]
    public void Serialize_CommaDecimalCulture_WritesInvariantNumbers()
    {
        var bytes = JsonReportWriter.Serialize(SampleReports.Evaluation());

        var text = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.That(text, Does.Contain("\"logLoss\": 0.5,"));
    }
}
