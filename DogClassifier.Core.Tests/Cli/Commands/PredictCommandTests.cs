using System.Text.Json;
using System.Text.RegularExpressions;
using DogClassifier.Cli;
using DogClassifier.Prediction;

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

    [Test]
    public async Task Predict_ThresholdAboveEveryScore_PrintsUnsureWithTheBestClass()
    {
        var photos = TrainedModel.UnseenPhotos();
        var expected = photos.Select(p => TrainedModel.Model.Predict(p)).ToList();
        Assume.That(expected.Max(p => p.Confidence), Is.LessThan(1f), "a threshold of 1 is above every score");

        var result = await CliHarness.RunAsync(
            ["predict", "--model", TrainedModel.ModelPath, "--threshold", "1", .. photos]);

        var lines = Lines(result.Output);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(lines, Has.Length.EqualTo(photos.Count));
        for (int i = 0; i < photos.Count; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var output = json.RootElement.GetProperty("output");
            Assert.Multiple(() =>
            {
                Assert.That(lines[i], Does.Match(UnsureShape()));
                Assert.That(output.GetProperty("class").GetString(), Is.EqualTo("unsure"));
                Assert.That(output.GetProperty("best").GetString(), Is.EqualTo(expected[i].Label));
                Assert.That(output.GetProperty("confidence").GetDouble(),
                    Is.EqualTo(Math.Round(expected[i].Confidence, 4)).Within(1e-12));
            });
        }
    }

    [Test]
    [SetCulture("de-DE")]
    public async Task Predict_ThresholdAtOrBelowEveryScore_PrintsTheClassWithoutBest()
    {
        var photos = TrainedModel.UnseenPhotos();

        var result = await CliHarness.RunAsync(
            ["predict", "--model", TrainedModel.ModelPath, "--threshold", "0.5", "--tta", .. photos]);

        var lines = Lines(result.Output);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(lines, Has.Length.EqualTo(photos.Count));
        var options = new PredictionOptions { TestTimeAugmentation = true };
        for (int i = 0; i < photos.Count; i++)
        {
            var expected = TrainedModel.Model.Predict(photos[i], options);
            using var json = JsonDocument.Parse(lines[i]);
            var output = json.RootElement.GetProperty("output");
            Assert.Multiple(() =>
            {
                Assert.That(lines[i], Does.Match(PredictionShape()));
                Assert.That(output.GetProperty("class").GetString(), Is.EqualTo(expected.Label));
                Assert.That(output.GetProperty("confidence").GetDouble(),
                    Is.EqualTo(Math.Round(expected.Confidence, 4)).Within(1e-12));
            });
        }
    }

    [TestCase("0")]
    [TestCase("-0.2")]
    [TestCase("1.01")]
    [TestCase("NaN")]
    public async Task Predict_ThresholdOutOfRange_ExitsOneNamingTheOption(string threshold)
    {
        var photo = TrainedModel.UnseenPhotos()[0];

        var result = await CliHarness.RunAsync(
            "predict", "--model", TrainedModel.ModelPath, "--threshold", threshold, photo);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain("--threshold must be above 0 and at most 1"));
            Assert.That(result.Output, Does.Not.Contain("\"input\""));
        });
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(
        """^\{"input": "[^"]+", "output": \{"class": "[^"]+", "confidence": (0|1)(\.\d{1,4})?\}\}$""")]
    private static partial Regex PredictionShape();

    [GeneratedRegex(
        """^\{"input": "[^"]+", "output": \{"class": "unsure", "confidence": (0|1)(\.\d{1,4})?, "best": "[^"]+"\}\}$""")]
    private static partial Regex UnsureShape();
}
