using DogClassifier.Data;
using DogClassifier.Tests.Support;
using SkiaSharp;

namespace DogClassifier.Tests.Data;

public sealed class ImageDatasetTests
{
    [Test]
    public void FromFolder_NestedFoldersAndMixedCase_ReadsEveryImageAndCountsTheRest()
    {
        using var temp = new TempFolder();
        TestImages.Write(temp.Combine("cat"), "a.jpg", SKColors.Red);
        TestImages.Write(temp.Combine("cat", "nested"), "b.PNG", SKColors.Red, format: SKEncodedImageFormat.Png);
        TestImages.Write(temp.Combine("dog"), "c.JPEG", SKColors.Blue);
        File.WriteAllText(temp.Combine("dog", "notes.txt"), "not an image");
        File.WriteAllText(temp.Combine("dog", ".DS_Store"), "hidden");

        var dataset = ImageDataset.FromFolder(temp.Path);

        Assert.That(dataset.ClassNames, Is.EqualTo(new[] { "cat", "dog" }));
        Assert.That(dataset.CountByClass["cat"], Is.EqualTo(2));
        Assert.That(dataset.CountByClass["dog"], Is.EqualTo(1));
        Assert.That(dataset.IgnoredFiles.Select(f => Path.GetFileName(f.Path)), Is.EquivalentTo(new[] { "notes.txt", ".DS_Store" }));
    }

    [Test]
    public void FromFolder_PositiveClass_FoldsEveryOtherClassIntoTheNegative()
    {
        using var temp = new TempFolder();
        TestImages.Write(temp.Combine("dog"), "d.jpg", SKColors.Blue);
        TestImages.Write(temp.Combine("cat"), "c.jpg", SKColors.Red);
        TestImages.Write(temp.Combine("other"), "o.jpg", SKColors.Green);

        var dataset = ImageDataset.FromFolder(temp.Path, new DatasetOptions { PositiveClass = "dog" });

        Assert.That(dataset.ClassNames, Is.EqualTo(new[] { "dog", "not-dog" }));
        Assert.That(dataset.PositiveClass, Is.EqualTo("dog"));
        var bySource = dataset.Images.ToDictionary(i => i.SourceClass, i => i.Label);
        Assert.That(bySource, Is.EqualTo(new Dictionary<string, string>
        {
            ["cat"] = "not-dog",
            ["dog"] = "dog",
            ["other"] = "not-dog",
        }));
    }

    [Test]
    public void FromFolder_PositiveClassMissing_ThrowsNamingTheClassAndTheFolders()
    {
        using var temp = new TempFolder();
        TestImages.Write(temp.Combine("cat"), "c.jpg", SKColors.Red);

        var ex = Assert.Throws<DogClassifierException>(
            () => ImageDataset.FromFolder(temp.Path, new DatasetOptions { PositiveClass = "dog" }));

        Assert.That(ex!.Message, Does.Contain("'dog'").And.Contain("cat"));
    }

    [Test]
    public void FromFolder_MissingFolder_ThrowsNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dataset-" + Guid.NewGuid().ToString("N"));

        var ex = Assert.Throws<DogClassifierException>(() => ImageDataset.FromFolder(missing));

        Assert.That(ex!.Message, Does.Contain(missing));
    }
}
