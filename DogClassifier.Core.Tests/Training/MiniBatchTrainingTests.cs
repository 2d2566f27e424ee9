using DogClassifier.Data;
using DogClassifier.Prediction;
using DogClassifier.Tests.Support;
using DogClassifier.Training;

namespace DogClassifier.Tests.Training;

/// <summary>Trains once on a few real photos with the mini-batch head and mirror augmentation.</summary>
public sealed class MiniBatchTrainingTests
{
    private readonly List<EpochMetrics> _reported = [];
    private TempFolder _folder = null!;
    private DatasetSplit _split = null!;
    private TrainingOptions _options = null!;
    private TrainingResult _result = null!;

    [OneTimeSetUp]
    public async Task TrainOnce()
    {
        _split = RealData.PetsSubset(10).Split();
        _folder = new TempFolder();
        _options = new TrainingOptions
        {
            Heads = HeadTrainers.MiniBatchSoftmax,
            MirrorAugmentation = true,
            Epochs = 30,
            FeatureCacheDirectory = _folder.Combine("cache"),
            EpochProgress = new SoftmaxHeadTrainerTests.Collect(_reported),
        };
        _result = await new ImageClassifierTrainer(_options).TrainAsync(_split);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _result?.Dispose();
        _folder?.Dispose();
    }

    [Test]
    public void TrainAsync_MiniBatchHead_ReportsEveryEpochToTheCallback()
    {
        var epochs = _result.Epochs;

        Assert.Multiple(() =>
        {
            Assert.That(epochs, Is.Not.Empty);
            Assert.That(_reported, Is.EqualTo(epochs));
            Assert.That(epochs.Select(e => e.Epoch), Is.EqualTo(Enumerable.Range(1, epochs.Count)));
            Assert.That(_result.Candidates.Single().Selected, Is.True);
        });
    }

    [Test]
    public void TrainAsync_MirrorAugmentation_CachesMirroredFeaturesApartFromPlainOnes()
    {
        var (train, validation, test) = _result.Counts;

        Assert.Multiple(() =>
        {
            Assert.That(_result.CacheHits, Is.Zero, "a fresh cache holds neither plain nor mirrored features");
            Assert.That(CacheEntries(), Is.EqualTo((2 * train) + validation + test));
        });
    }

    [Test]
    public void SaveLoad_MiniBatchHead_GivesIdenticalPredictions()
    {
        var path = _folder.Combine("model.dcm");
        _result.Model.Save(path);

        using var loaded = ImageClassifier.Load(path);

        Assert.That(loaded.Head, Is.EqualTo(_result.Model.Head));
        foreach (var image in _split.Test.Images)
        {
            Assert.That(loaded.Predict(image.Path).Scores, Is.EqualTo(_result.Model.Predict(image.Path).Scores));
        }
    }

    [Test]
    public void Predict_TestTimeAugmentation_AveragesTheImageAndItsMirror()
    {
        var model = _result.Model;
        var path = _split.Test.Images[0].Path;
        var bytes = File.ReadAllBytes(path);

        var prediction = model.Predict(path, new PredictionOptions { TestTimeAugmentation = true });

        var plain = model.ScoreOne(model.Extractor.ExtractOne(bytes, path));
        var mirrored = model.ScoreOne(model.Extractor.ExtractOne(bytes, path, mirror: true));
        var expected = plain.Zip(mirrored, (a, b) => (a + b) / 2).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(model.ClassNames.Select(c => prediction.Scores[c]), Is.EqualTo(expected).Within(1e-6));
            Assert.That(plain, Is.Not.EqualTo(mirrored));
        });
    }

    [Test]
    public void Predict_ConfidenceThreshold_MarksOnlyAnswersBelowItUnsure()
    {
        var model = _result.Model;
        var path = _split.Test.Images[0].Path;
        var confidence = model.Predict(path).Confidence;

        var at = model.Predict(path, new PredictionOptions { ConfidenceThreshold = confidence });
        var justAbove = Math.BitIncrement((double)confidence);
        var above = model.Predict(path, new PredictionOptions { ConfidenceThreshold = justAbove });

        Assert.Multiple(() =>
        {
            Assert.That(model.Predict(path).IsUnsure, Is.False);
            Assert.That(at.IsUnsure, Is.False);
            Assert.That(above.IsUnsure, Is.True);
            Assert.That(above.Label, Is.EqualTo(at.Label));
        });
    }

    [Test]
    public void Evaluate_TestTimeAugmentation_ScoresEachImageAsPredictDoes()
    {
        var options = new PredictionOptions { TestTimeAugmentation = true };

        var report = _result.Model.Evaluate(_split.Test, options);

        foreach (var result in report.Results)
        {
            var scores = _result.Model.Predict(result.Path, options).Scores;
            Assert.That(result.Scores, Is.EqualTo(_result.Model.ClassNames.Select(c => scores[c])).Within(1e-6));
        }
    }

    [Test]
    public async Task TrainAsync_SplitWithoutValidation_HoldsOutTheValidationFraction()
    {
        var noValidation = ImageDataset.FromImages([], _split.ClassNames, _split.PositiveClass);
        var split = new DatasetSplit(_split.Train, noValidation, _split.Test);
        var options = _options with { ValidationFraction = 0.3, EpochProgress = null };

        using var result = await new ImageClassifierTrainer(options).TrainAsync(split);

        var expected = _split.Train.CountByClass.Values
            .Sum(n => Math.Max(1, (int)Math.Round(n * 0.3, MidpointRounding.AwayFromZero)));
        Assert.Multiple(() =>
        {
            Assert.That(result.Counts.Validation, Is.EqualTo(expected));
            Assert.That(result.Counts.Train, Is.EqualTo(_split.Train.Images.Count - expected));
        });
    }

    private int CacheEntries() =>
        Directory.GetFiles(_folder.Combine("cache"), "*.bin", SearchOption.AllDirectories).Length;
}
