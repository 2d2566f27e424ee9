using System.Globalization;
using System.Text.Json;
using DogClassifier.Cli;
using DogClassifier.Data;
using DogClassifier.Evaluation;

namespace DogClassifier.Tests.Cli.Commands;

public sealed class EvaluateCommandTests
{
    private string _folder = string.Empty;
    private EvaluationReport _expected = null!;

    [OneTimeSetUp]
    public void LayOutPhotos()
    {
        _folder = TrainedModel.NewFolder("holdout");
        TrainedModel.CopyPhotos(_folder, skip: 20, perClass: 5);
        File.WriteAllText(Path.Combine(_folder, "cat", "readme.txt"), "not an image");
        _expected = TrainedModel.Model.Evaluate(ImageDataset.FromFolder(_folder));
    }

    [Test]
    [SetCulture("de-DE")]
    public async Task Evaluate_WithJson_WritesTheNumbersOfTheEvaluationReport()
    {
        var path = Path.Combine(TrainedModel.NewFolder("evaluate-json"), "report.json");

        var result = await CliHarness.RunAsync(
            "evaluate", "--model", TrainedModel.ModelPath, "--data", _folder, "--json", path);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        var counts = root.GetProperty("counts");
        var metrics = root.GetProperty("metrics");
        var binary = root.GetProperty("binary");
        Assert.Multiple(() =>
        {
            Assert.That(counts.GetProperty("evaluated").GetInt32(), Is.EqualTo(_expected.Count));
            Assert.That(counts.GetProperty("ignored").GetInt32(), Is.EqualTo(1));
            Assert.That(Number(metrics, "microAccuracy"), Is.EqualTo(_expected.MicroAccuracy));
            Assert.That(Number(metrics, "macroAccuracy"), Is.EqualTo(_expected.MacroAccuracy));
            Assert.That(Number(metrics, "logLoss"), Is.EqualTo(_expected.LogLoss));
            Assert.That(Number(metrics, "logLossReduction"), Is.EqualTo(_expected.LogLossReduction));
            Assert.That(binary.GetProperty("positiveClass").GetString(), Is.EqualTo("dog"));
            Assert.That(Number(binary, "f1"), Is.EqualTo(_expected.Binary!.F1));
            Assert.That(Number(binary, "auc"), Is.EqualTo(_expected.Binary.Auc));
            Assert.That(PerClass(root), Is.EqualTo(_expected.PerClass));
            Assert.That(Confusion(root), Is.EqualTo(_expected.ConfusionMatrix.Counts));
            Assert.That(Strings(root.GetProperty("confusionMatrix").GetProperty("classNames")),
                Is.EqualTo(_expected.ConfusionMatrix.ClassNames));
            Assert.That(Strings(root.GetProperty("misclassified"), "path"),
                Is.EqualTo(_expected.Misclassified.Select(m => m.Path)));
        });
    }

    [Test]
    public async Task Evaluate_Tables_ShowTheReportsFiguresAndClassNames()
    {
        var result = await CliHarness.RunAsync(
            "evaluate", "--model", TrainedModel.ModelPath, "--data", _folder);

        var accuracy = _expected.MicroAccuracy.ToString("0.0000", CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Output, Does.Contain($"All images in the folder: {_expected.Count} images"));
            Assert.That(result.Output, Does.Contain("Micro accuracy").And.Contain(accuracy));
            Assert.That(result.Output, Does.Contain("Confusion matrix").And.Contain("not-dog"));
            Assert.That(result.Output, Does.Contain("Positive class: dog"));
            Assert.That(result.Output, Does.Contain("cat/readme.txt"));
        });
    }

    [Test]
    public async Task Evaluate_WithReport_WritesAnOfflineHtmlPageWithTheAccuracy()
    {
        var path = Path.Combine(TrainedModel.NewFolder("evaluate-html"), "pages", "report.html");

        var result = await CliHarness.RunAsync(
            "evaluate", "--model", TrainedModel.ModelPath, "--data", _folder, "--report", path);

        var html = File.ReadAllText(path);
        var accuracy = (_expected.MicroAccuracy * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Output);
            Assert.That(html, Does.Contain("<html").And.Contain(accuracy));
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"));
            Assert.That(result.Output, Does.Contain($"HTML report written to {path}"));
        });
    }

    [Test]
    public async Task Evaluate_JsonAndReportTheSameFile_ExitsOneNamingBoth()
    {
        var path = Path.Combine(TrainedModel.NewFolder("evaluate-same"), "report");

        var result = await CliHarness.RunAsync(
            "evaluate", "--model", TrainedModel.ModelPath, "--data", _folder, "--json", path, "--report", path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain("--json and --report must name different files"));
            Assert.That(File.Exists(path), Is.False);
        });
    }

    private static double Number(JsonElement element, string name) => element.GetProperty(name).GetDouble();

    private static List<ClassMetrics> PerClass(JsonElement root) =>
        [.. root.GetProperty("perClass").EnumerateArray().Select(c => new ClassMetrics(
            c.GetProperty("className").GetString()!, Number(c, "precision"), Number(c, "recall"),
            Number(c, "f1"), c.GetProperty("support").GetInt32()))];

    private static List<List<int>> Confusion(JsonElement root) =>
        [.. root.GetProperty("confusionMatrix").GetProperty("counts").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(c => c.GetInt32()).ToList())];

    private static List<string> Strings(JsonElement array, string? property = null) =>
        [.. array.EnumerateArray()
            .Select(e => (property is null ? e : e.GetProperty(property)).GetString()!)];
}
