using System.Text.Json;
using DogClassifier.Cli;
using DogClassifier.Prediction;

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

        var result = await CliHarness.RunAsync(
            "train", "--data", data, "--positive", "dog", "--out", modelPath, "--json", jsonPath,
            "--cache", TrainedModel.CacheDirectory, "--seed", "7");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Output);
        using var model = ImageClassifier.Load(modelPath);
        using var json = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        var counts = json.RootElement.GetProperty("counts");
        var confusion = json.RootElement.GetProperty("confusionMatrix").GetProperty("counts");
        var candidates = json.RootElement.GetProperty("candidates");
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
        });
    }
}
