using DogClassifier.Data;
using DogClassifier.Prediction;
using DogClassifier.Tests.Support;
using DogClassifier.Training;

namespace DogClassifier.Tests.Integration;

/// <summary>Trains, evaluates and predicts on a small subset of the real photos.</summary>
[Category("RealPhotos")]
public sealed class RealPhotosTests
{
    private const int PhotosPerClass = 50;

    private TempFolder _temp = null!;
    private TrainingResult _result = null!;
    private ImageDataset _subset = null!;

    [OneTimeSetUp]
    public async Task TrainOnSubset()
    {
        _temp = new TempFolder();
        _subset = RealData.PetsSubset(PhotosPerClass);
        var options = new TrainingOptions { FeatureCacheDirectory = _temp.Combine("cache") };
        _result = await new ImageClassifierTrainer(options).TrainAsync(_subset.Split());
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        _result?.Dispose();
        _temp?.Dispose();
    }

    [Test]
    public void Train_DogOrNotDog_ReachesAccuracyBarOnHeldOutPhotos()
    {
        var test = _result.Test!;

        Assert.That(test.Count, Is.EqualTo(Math.Round(PhotosPerClass * 0.15) + Math.Round(2 * PhotosPerClass * 0.15)).Within(2));
        Assert.That(test.MicroAccuracy, Is.GreaterThanOrEqualTo(0.85));
        Assert.That(test.Binary!.F1, Is.GreaterThanOrEqualTo(0.8));
        Assert.That(test.Binary.Auc, Is.GreaterThanOrEqualTo(0.9));
    }

    [Test]
    public void Evaluate_TestSet_ConfusionMatrixAddsUpAndScoresSumToOne()
    {
        var test = _result.Test!;

        var total = test.ConfusionMatrix.Counts.Sum(row => row.Sum());
        Assert.That(total, Is.EqualTo(test.Count));
        Assert.That(test.Results.Count(r => r.IsCorrect), Is.EqualTo(test.ConfusionMatrix["dog", "dog"] + test.ConfusionMatrix["not-dog", "not-dog"]));
        Assert.That(test.Results.Select(r => r.Scores.Sum()), Is.All.EqualTo(1f).Within(1e-4f));
        Assert.That(test.Misclassified, Has.All.Matches<DogClassifier.Evaluation.ImageResult>(r => r.Actual != r.Predicted));
    }

    [Test]
    public void Predict_DogPhotosNotUsedInTraining_MostlySayDog()
    {
        var seen = _subset.Images.Select(i => i.Path).ToHashSet();
        var unseen = Directory.GetFiles(Path.Combine(RealData.PetsFolder, "dog"))
            .Where(p => !seen.Contains(p))
            .Order(StringComparer.Ordinal)
            .Take(20)
            .ToList();

        var predictions = unseen.Select(path => _result.Model.Predict(path)).ToList();

        Assert.That(predictions.Count(p => p.Label == "dog"), Is.GreaterThanOrEqualTo(17));
        Assert.That(predictions.Select(p => p.Input), Is.EqualTo(unseen.Select(Path.GetFileName)));
    }

    [Test]
    public void Evaluate_ThreeClassFolderOnBinaryModel_FoldsTheClassesAsInTraining()
    {
        var unfolded = ImageDataset.FromImages(_result.Model.ClassNames.Count == 2
            ? _subset.Images.Take(30).Select(i => i with { Label = i.SourceClass })
            : []);

        var report = _result.Model.Evaluate(unfolded);

        Assert.That(report.ConfusionMatrix.ClassNames, Is.EqualTo(new[] { "dog", "not-dog" }));
        Assert.That(report.Count, Is.EqualTo(30));
    }
}
