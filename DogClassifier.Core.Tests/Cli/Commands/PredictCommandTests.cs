using System.Text.Json;
using System.Text.RegularExpressions;
using DogClassifier.Cli;

namespace DogClassifier.Tests.Cli.Commands;

public sealed partial class PredictCommandTests
{
    [Test]
    public async Task Predict_RealPhotos_PrintsOneJsonLinePerImageInTheDocumentedShape()
    {
        var photos = TrainedModel.UnseenPhotos();

        var result = await CliHarness.RunAsync(["predict", "--model", TrainedModel.ModelPath, .. photos]);

        var lines = Lines(result.Output);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(lines, Has.Length.EqualTo(photos.Count));
        for (int i = 0; i < photos.Count; i++)
        {
            var expected = TrainedModel.Model.Predict(photos[i]);
            using var json = JsonDocument.Parse(lines[i]);
            var input = json.RootElement.GetProperty("input").GetString();
            var output = json.RootElement.GetProperty("output");
            Assert.Multiple(() =>
            {
                Assert.That(lines[i], Does.Match(PredictionShape()));
                Assert.That(input, Is.EqualTo(Path.GetFileName(photos[i])));
                Assert.That(output.GetProperty("class").GetString(), Is.EqualTo(expected.Label));
                Assert.That(output.GetProperty("confidence").GetDouble(),
                    Is.EqualTo(Math.Round(expected.Confidence, 4)).Within(1e-12));
            });
        }
    }

    [Test]
    public async Task Predict_BadImagesAmongGoodOnes_PrintsErrorLinesPredictsTheRestAndExitsOne()
    {
        var folder = TrainedModel.NewFolder("bad-images");
        var empty = Path.Combine(folder, "empty.jpg");
        File.WriteAllBytes(empty, []);
        var missing = Path.Combine(folder, "missing.jpg");
        var good = TrainedModel.UnseenPhotos()[0];

        var result = await CliHarness.RunAsync(
            "predict", "--model", TrainedModel.ModelPath, empty, missing, good);

        var lines = Lines(result.Output);
        Assert.That(lines, Has.Length.EqualTo(3));
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        using var third = JsonDocument.Parse(lines[2]);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(lines[0], Is.EqualTo("{\"input\": \"empty.jpg\", \"error\": \"the file is empty\"}"));
            Assert.That(second.RootElement.GetProperty("input").GetString(), Is.EqualTo("missing.jpg"));
            Assert.That(second.RootElement.GetProperty("error").GetString(), Does.Contain("does not exist"));
            Assert.That(second.RootElement.TryGetProperty("output", out _), Is.False);
            Assert.That(third.RootElement.GetProperty("output").GetProperty("class").GetString(),
                Is.EqualTo(TrainedModel.Model.Predict(good).Label));
        });
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(
        """^\{"input": "[^"]+", "output": \{"class": "[^"]+", "confidence": (0|1)(\.\d{1,4})?\}\}$""")]
    private static partial Regex PredictionShape();
}
