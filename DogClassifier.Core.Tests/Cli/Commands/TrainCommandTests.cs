using System.Globalization;
using System.Text.Json;
using DogClassifier.Cli;
using DogClassifier.Cli.Commands.Train;
using DogClassifier.Prediction;
using DogClassifier.Training;

namespace DogClassifier.Tests.Cli.Commands;

public sealed class TrainCommandTests
{
    [Test]
    public async Task Train_FolderOfCachedPhotos_SavesAModelAndReportsTheTestSplit()
    {
        var folder = TrainedModel.NewFolder("train");
        var data = Path.Combine(folder, "data");
        TrainedModel.CopyPhotos(data, skip: 0, perClass: 8);
        var modelPath = Path.Combine(folder, "out", "model.zip");
        var jsonPath = Path.Combine(folder, "report.json");
        var htmlPath = Path.Combine(folder, "report.html");

        var result = await CliHarness.RunAsync(
            "train", "--data", data, "--positive", "dog", "--out", modelPath, "--json", jsonPath,
            "--report", htmlPath, "--cache", TrainedModel.CacheDirectory, "--seed", "7");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Output);
        using var model = ImageClassifier.Load(modelPath);
        using var json = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        var counts = json.RootElement.GetProperty("counts");
        var confusion = json.RootElement.GetProperty("confusionMatrix").GetProperty("counts");
        var candidates = json.RootElement.GetProperty("candidates");
        var accuracy = json.RootElement.GetProperty("metrics").GetProperty("microAccuracy").GetDouble();
        var html = File.ReadAllText(htmlPath);
        Assert.Multiple(() =>
        {
            Assert.That(model.ClassNames, Is.EqualTo(new[] { "dog", "not-dog" }));
            Assert.That(counts.GetProperty("images").GetInt32(), Is.EqualTo(24));
            Assert.That(counts.GetProperty("cacheHits").GetInt32(), Is.EqualTo(24), "every photo is cached");
            Assert.That(
                counts.GetProperty("train").GetInt32() + counts.GetProperty("validation").GetInt32()
                + counts.GetProperty("test").GetInt32(), Is.EqualTo(24));
            Assert.That(confusion.EnumerateArray().Sum(row => row.EnumerateArray().Sum(c => c.GetInt32())),
                Is.EqualTo(counts.GetProperty("test").GetInt32()));
            Assert.That(candidates.EnumerateArray().Count(c => c.GetProperty("selected").GetBoolean()),
                Is.EqualTo(1));
            Assert.That(result.Output, Does.Contain("Test split:").And.Contain("Head candidates"));
            Assert.That(result.Output, Does.Contain($"Model saved to {modelPath}"));
            Assert.That(result.Output, Does.Contain($"HTML report written to {htmlPath}"));
            Assert.That(html, Does.Contain("<html").And.Contain("Test split")
                .And.Contain((accuracy * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %"));
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"));
        });
    }

    [Test]
    public void ToTrainingOptions_MirrorAndHeadBudget_ReachTheLibrarysOptions()
    {
        var settings = new TrainSettings { Mirror = true, HeadBudget = 12.5 };

        var options = settings.ToTrainingOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.MirrorAugmentation, Is.True);
            Assert.That(options.HeadSearchBudget, Is.EqualTo(TimeSpan.FromMilliseconds(12_500)));
        });
    }

    [Test]
    public void ToTrainingOptions_Defaults_MatchTheLibrarysDefaults()
    {
        var options = new TrainSettings().ToTrainingOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.MirrorAugmentation, Is.EqualTo(TrainingOptions.Default.MirrorAugmentation));
            Assert.That(options.HeadSearchBudget, Is.EqualTo(TrainingOptions.Default.HeadSearchBudget));
        });
    }
}
