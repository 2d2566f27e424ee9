using DogClassifier.Prediction;
using DogClassifier.Tests.Support;
using SkiaSharp;

namespace DogClassifier.Tests.Prediction;

[TestFixture]
public sealed class BatchPredictionTests
{
    private TempFolder _temp = null!;
    private PetModels _models = null!;
    private ImageClassifier _classifier = null!;

    [OneTimeSetUp]
    public async Task TrainModels()
    {
        _temp = new TempFolder();
        _models = await PetModels.SharedAsync();
        _classifier = ImageClassifier.Load(_models.ThreeClassPath);
    }

    [OneTimeTearDown]
    public void DeleteModels()
    {
        _classifier.Dispose();
        _temp.Dispose();
    }

    [Test]
    public void PredictBatch_GoodAndBadFiles_PredictsTheGoodOnesAndReportsTheOthers()
    {
        var photos = PetModels.UnseenMix(perClass: 1);
        var text = WriteBytes("notes.jpg", "these are not pixels\n"u8.ToArray());
        var empty = WriteBytes("empty.png", []);
        var missing = _temp.Combine("absent.jpg");
        string[] paths = [photos[0], text, photos[1], empty, missing, photos[2]];

        var batch = _classifier.PredictBatch(paths);

        Assert.That(batch.Count, Is.EqualTo(paths.Length));
        Assert.That(batch.Predictions.Select(p => p.Input), Is.EqualTo(photos));
        Assert.That(batch.Failures.Select(f => f.Path), Is.EquivalentTo(new[] { text, empty, missing }));
        Assert.That(Reason(batch, text), Does.Contain("text"));
        Assert.That(Reason(batch, empty), Does.Contain("empty"));
        Assert.That(Reason(batch, missing), Does.Contain("does not exist"));
    }

    [Test]
    public void PredictBatch_RealPhotos_AnswerAsOneByOne()
    {
        var photos = PetModels.UnseenMix(perClass: 2);

        var batch = _classifier.PredictBatch(photos);

        Assert.That(batch.Failures, Is.Empty);
        Assert.Multiple(() =>
        {
            for (int i = 0; i < photos.Count; i++)
            {
                var single = _classifier.Predict(photos[i]);
                Assert.That(batch.Predictions[i].Label, Is.EqualTo(single.Label), photos[i]);
                foreach (var (name, score) in single.Scores)
                {
                    Assert.That(batch.Predictions[i].Scores[name], Is.EqualTo(score).Within(1e-5), photos[i]);
                }
            }
        });
    }

    [Test]
    public void PredictBatch_Empty_ReturnsAnEmptyResult()
    {
        var batch = _classifier.PredictBatch([]);

        Assert.That(batch.Count, Is.Zero);
    }

    [Test]
    public void PredictBatch_BlankPath_ThrowsNamingItsIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => _classifier.PredictBatch(["a.jpg", " "]));

        Assert.That(ex!.Message, Does.Contain("index 1"));
    }

    [Test]
    public void PredictFolder_NestedFolder_PredictsEveryImageAndReadsNoOtherFile()
    {
        var folder = _temp.Combine("folder-" + Guid.NewGuid().ToString("N"));
        var top = TestImages.Write(folder, "b.jpg", SKColors.Orange);
        var nested = TestImages.Write(Path.Combine(folder, "sub"), "a.png", SKColors.Teal, format: SKEncodedImageFormat.Png);
        var broken = Path.Combine(folder, "sub", "broken.jpg");
        File.WriteAllBytes(broken, [0xFF, 0xD8, 0xFF, 0xE0, 0x00]);
        File.WriteAllText(Path.Combine(folder, "readme.txt"), "not an image");
        TestImages.Write(folder, ".hidden.jpg", SKColors.Red);

        var batch = _classifier.PredictFolder(folder);

        Assert.That(batch.Predictions.Select(p => p.Input), Is.EquivalentTo(new[] { top, nested }));
        Assert.That(batch.Failures.Select(f => f.Path), Is.EqualTo(new[] { broken }));
    }

    [Test]
    public void PredictFolder_MissingFolder_ThrowsNamingIt()
    {
        var folder = _temp.Combine("no-such-folder");

        var ex = Assert.Throws<DogClassifierException>(() => _classifier.PredictFolder(folder));

        Assert.That(ex!.Message, Does.Contain(folder));
    }

    [Test]
    public void PoolPredictBatch_NamedModel_UsesThatModel()
    {
        using var pool = new ImageClassifierPool(new ImageClassifierPoolOptions()
            .AddModel("binary", _models.BinaryPath)
            .AddModel("three", _models.ThreeClassPath));
        var photos = PetModels.UnseenMix(perClass: 1);

        var binary = pool.PredictBatch("binary", photos);
        var three = pool.PredictBatch("three", photos);

        Assert.That(binary.Predictions.Select(p => p.Scores.Count), Is.All.EqualTo(2));
        Assert.That(three.Predictions.Select(p => p.Scores.Count), Is.All.EqualTo(3));
        Assert.That(pool.LiveModelCount, Is.EqualTo(2));
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = _temp.Combine(Guid.NewGuid().ToString("N") + "-" + name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Reason(BatchPrediction batch, string path) =>
        batch.Failures.Single(f => f.Path == path).Reason;
}
