using DogClassifier.Data;
using DogClassifier.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DogClassifier.Tests.Data;

/// <summary>Byte-identical files are found by content, kept on one side of a split, and reported.</summary>
[TestFixture]
public sealed class ImageDatasetDuplicateTests
{
    private const int DuplicateEventId = 4;
    private const int ConflictingLabelsEventId = 30;

    private TempFolder _root = null!;

    [SetUp]
    public void SetUp() => _root = new TempFolder();

    [TearDown]
    public void TearDown() => _root.Dispose();

    [Test]
    public void FromFolder_IdenticalFilesInOneClass_AreGroupedAndLogged()
    {
        DatasetFolder.WriteImages(_root.Combine("dog"), 4);
        DatasetFolder.WriteImages(_root.Combine("cat"), 4);
        var original = _root.Combine("dog", "image-1.jpg");
        var copy = Copy(original, _root.Combine("dog", "holiday", "IMG_0001 (copy).jpg"));
        using var logs = new ListLoggerFactory();

        var dataset = ImageDataset.FromFolder(_root.Path, logger: logs.CreateLogger("test"));

        Assert.That(dataset.DuplicateGroups, Has.Count.EqualTo(1));
        Assert.That(dataset.DuplicateGroups[0].Select(i => i.Path), Is.EquivalentTo(new[] { original, copy }));
        var warning = logs.Warnings.Single(w => w.EventId.Id == DuplicateEventId);
        Assert.That(warning.Message, Does.Contain(original).And.Contain(copy));
    }

    [Test]
    public void FromFolder_IdenticalFilesAcrossClasses_AreGroupedAndLoggedAsConflictingLabels()
    {
        DatasetFolder.WriteImages(_root.Combine("dog"), 4);
        DatasetFolder.WriteImages(_root.Combine("cat"), 4);
        var original = _root.Combine("cat", "image-2.jpg");
        var copy = Copy(original, _root.Combine("dog", "mislabelled.jpg"));
        using var logs = new ListLoggerFactory();

        var dataset = ImageDataset.FromFolder(_root.Path, logger: logs.CreateLogger("test"));

        var group = dataset.DuplicateGroups.Single();
        Assert.That(group.Select(i => (i.Path, i.Label)), Is.EquivalentTo(new[] { (original, "cat"), (copy, "dog") }));
        var warning = logs.Warnings.Single(w => w.EventId.Id == ConflictingLabelsEventId);
        Assert.That(
            warning.Message, Does.Contain("different labels (cat, dog)").And.Contain(original).And.Contain(copy));
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(42)]
    public void Split_IdenticalFiles_LandTogetherOnOneSide(int seed)
    {
        DatasetFolder.WriteImages(_root.Combine("dog"), 20);
        DatasetFolder.WriteImages(_root.Combine("cat"), 20);
        for (int n = 1; n <= 5; n++)
        {
            Copy(_root.Combine("dog", $"image-{n}.jpg"), _root.Combine("dog", $"copy-{n}.jpg"));
            Copy(_root.Combine("cat", $"image-{n}.jpg"), _root.Combine("cat", "again", $"copy-{n}.jpg"));
        }

        Copy(_root.Combine("cat", "image-9.jpg"), _root.Combine("dog", "from-cat.jpg"));
        var dataset = ImageDataset.FromFolder(_root.Path);

        var split = dataset.Split(SplitOptions.Default with { Seed = seed });

        Assert.That(dataset.DuplicateGroups, Has.Count.EqualTo(11));
        var side = new Dictionary<string, string>();
        var parts = new[] { ("train", split.Train), ("validation", split.Validation), ("test", split.Test) };
        foreach (var (name, part) in parts)
        {
            foreach (var image in part.Images)
            {
                side[image.Path] = name;
            }
        }

        Assert.That(side, Has.Count.EqualTo(dataset.Images.Count), "every image is in exactly one part");
        foreach (var group in dataset.DuplicateGroups)
        {
            Assert.That(group.Select(i => side[i.Path]).Distinct().Count(), Is.EqualTo(1), group[0].Path);
        }
    }

    [Test]
    public void FromFolder_StrongImbalance_IsMeasuredAndLogged()
    {
        DatasetFolder.WriteImages(_root.Combine("dog"), 12);
        DatasetFolder.WriteImages(_root.Combine("cat"), 3);
        using var logs = new ListLoggerFactory();

        var dataset = ImageDataset.FromFolder(_root.Path, logger: logs.CreateLogger("test"));

        Assert.That(dataset.ImbalanceRatio, Is.EqualTo(4.0));
        var warning = logs.Warnings.Single(w => w.Message.Contains("imbalanced"));
        Assert.That(warning.Message, Does.Contain("cat=3").And.Contain("dog=12"));
    }

    [Test]
    public void FromFolder_BalancedClasses_LogNoImbalanceWarning()
    {
        DatasetFolder.WriteImages(_root.Combine("dog"), 6);
        DatasetFolder.WriteImages(_root.Combine("cat"), 5);
        using var logs = new ListLoggerFactory();

        var dataset = ImageDataset.FromFolder(_root.Path, logger: logs.CreateLogger("test"));

        Assert.That(dataset.ImbalanceRatio, Is.EqualTo(1.2).Within(1e-9));
        Assert.That(logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty);
    }

    private static string Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
        return to;
    }
}
