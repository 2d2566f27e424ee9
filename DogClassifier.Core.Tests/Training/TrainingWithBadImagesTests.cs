using DogClassifier.Data;
using DogClassifier.Tests.Support;
using DogClassifier.Training;

namespace DogClassifier.Tests.Training;

/// <summary>
/// A training run salted with one file of every bad kind finishes, lists each bad file with its
/// reason and warns about each; it fails only when too little usable data remains.
/// </summary>
[TestFixture]
public sealed class TrainingWithBadImagesTests
{
    private const int PerClass = 12;
    private const int ImageSkippedEventId = 12;

    private TempFolder _root = null!;
    private ListLoggerFactory _logs = null!;
    private List<(string Path, BadImage Bad)> _salt = null!;
    private TrainingResult _result = null!;

    [OneTimeSetUp]
    public async Task TrainOnceOnSaltedData()
    {
        _root = new TempFolder();
        DrawnDataset.Write(_root.Path, PerClass);
        _salt = DrawnDataset.Salt(_root.Path);
        _logs = new ListLoggerFactory();
        var split = ImageDataset.FromFolder(_root.Path).Split();

        _result = await new ImageClassifierTrainer(Options(), _logs).TrainAsync(split);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _result?.Dispose();
        _logs?.Dispose();
        _root?.Dispose();
    }

    [Test]
    public void TrainAsync_OneBadFileOfEachKind_ListsEveryBadFileWithItsReason()
    {
        var skipped = _result.Skipped.ToDictionary(s => s.Path, s => s.Reason);

        Assert.That(skipped.Keys, Is.EquivalentTo(_salt.Select(s => s.Path)));
        Assert.Multiple(() =>
        {
            foreach (var (path, bad) in _salt)
            {
                Assert.That(skipped[path], Does.Contain(bad.Reason), bad.Kind);
            }
        });
    }

    [Test]
    public void TrainAsync_OneBadFileOfEachKind_LogsAWarningForEach()
    {
        var warnings = _logs.Warnings.Where(w => w.EventId.Id == ImageSkippedEventId).Select(w => w.Message).ToList();

        Assert.That(warnings, Has.Count.EqualTo(_salt.Count));
        Assert.Multiple(() =>
        {
            foreach (var (path, bad) in _salt)
            {
                Assert.That(warnings, Has.One.Contains(path).And.Contains(bad.Reason), bad.Kind);
            }
        });
    }

    [Test]
    public void TrainAsync_OneBadFileOfEachKind_UsesEveryGoodImageAndLearnsTheClasses()
    {
        var (train, validation, test) = _result.Counts;

        Assert.That(train + validation + test, Is.EqualTo(2 * PerClass));
        Assert.That(_result.Validation.MicroAccuracy, Is.EqualTo(1.0));
        Assert.That(_result.Test!.MicroAccuracy, Is.EqualTo(1.0));
    }

    [Test]
    public void TrainAsync_AClassWithOnlyBadFiles_ThrowsSayingWhichClassLacksData()
    {
        using var root = new TempFolder();
        DrawnDataset.Write(root.Path, PerClass, DrawnDataset.Blue);
        DrawnDataset.Salt(root.Path, DrawnDataset.Red);
        var split = ImageDataset.FromFolder(root.Path).Split();
        var trainer = new ImageClassifierTrainer(Options());

        var ex = Assert.ThrowsAsync<DogClassifierException>(() => trainer.TrainAsync(split));

        Assert.That(ex.Message, Does.StartWith("Too little usable data remains after skipping"));
        Assert.That(ex.Message, Does.Contain("'red' has 0 usable training and 0 usable validation images"));
    }

    private static TrainingOptions Options() => new() { UseFeatureCache = false };
}
