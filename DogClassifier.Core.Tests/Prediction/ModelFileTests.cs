using DogClassifier.Data;
using DogClassifier.Prediction;
using DogClassifier.Tests.Support;
using DogClassifier.Training;

namespace DogClassifier.Tests.Prediction;

public sealed class ModelFileTests
{
    private TempFolder _temp = null!;
    private TrainingResult _result = null!;
    private ImageDataset _dataset = null!;

    [OneTimeSetUp]
    public async Task TrainOnDrawnImages()
    {
        _temp = new TempFolder();
        DrawnDataset.Write(_temp.Combine("data"), perClass: 12);
        _dataset = ImageDataset.FromFolder(_temp.Combine("data"));
        var options = new TrainingOptions { FeatureCacheDirectory = _temp.Combine("cache") };
        _result = await new ImageClassifierTrainer(options).TrainAsync(_dataset.Split());
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        _result.Dispose();
        _temp.Dispose();
    }

    [Test]
    public void Load_AfterSave_GivesIdenticalPredictions()
    {
        var path = _temp.Combine("models", "round-trip.zip");

        _result.Model.Save(path);
        using var loaded = ImageClassifier.Load(path);

        Assert.That(loaded.ClassNames, Is.EqualTo(_result.Model.ClassNames));
        foreach (var image in _dataset.Images)
        {
            var before = _result.Model.Predict(image.Path);
            var after = loaded.Predict(image.Path);
            Assert.That(after.Label, Is.EqualTo(before.Label), image.Path);
            foreach (var (name, score) in before.Scores)
            {
                Assert.That(after.Scores[name], Is.EqualTo(score).Within(1e-6f), image.Path);
            }
        }
    }

    [Test]
    public void Predict_DrawnImages_ScoresSumToOneAndMostlyNameTheRightColour()
    {
        var correct = 0;
        foreach (var image in _dataset.Images)
        {
            var prediction = _result.Model.Predict(image.Path);

            Assert.That(prediction.Scores.Values.Sum(), Is.EqualTo(1f).Within(1e-4f));
            Assert.That(prediction.Confidence, Is.EqualTo(prediction.Scores.Values.Max()));
            Assert.That(prediction.Confidence, Is.EqualTo(prediction.Scores[prediction.Label]));
            correct += prediction.Label == image.Label ? 1 : 0;
        }

        Assert.That(correct, Is.GreaterThanOrEqualTo(_dataset.Images.Count * 9 / 10));
    }

    [Test]
    public void Save_OverExistingFile_ReplacesItAndLeavesNoTemporaryFiles()
    {
        var folder = _temp.Combine("atomic");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "model.zip");
        File.WriteAllText(path, "an older file");

        _result.Model.Save(path);

        Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }));
        using var loaded = ImageClassifier.Load(path);
        Assert.That(loaded.ClassNames, Is.EqualTo(new[] { "blue", "red" }));
    }

    [Test]
    public void Load_FileThatIsNotAModel_ThrowsNamingTheFile()
    {
        var path = _temp.Combine("not-a-model.zip");
        File.WriteAllText(path, "hello");

        var ex = Assert.Throws<DogClassifierException>(() => ImageClassifier.Load(path));

        Assert.That(ex!.Message, Does.Contain("not-a-model.zip"));
    }

    [Test]
    public void Load_MissingFile_ThrowsNamingTheFile()
    {
        var path = _temp.Combine("missing.zip");

        var ex = Assert.Throws<DogClassifierException>(() => ImageClassifier.Load(path));

        Assert.That(ex!.Message, Does.Contain("missing.zip").And.Contain("does not exist"));
    }

    [Test]
    public void Predict_Stream_MatchesPredictFromPath()
    {
        var image = _dataset.Images[0];

        using var stream = File.OpenRead(image.Path);
        var fromStream = _result.Model.Predict(stream, "upload.jpg");
        var fromPath = _result.Model.Predict(image.Path);

        Assert.That(fromStream.Input, Is.EqualTo("upload.jpg"));
        Assert.That(fromStream.Scores, Is.EqualTo(fromPath.Scores));
    }
}
