using DogClassifier.Data;
using DogClassifier.Tests.Support;

namespace DogClassifier.Tests.Data;

/// <summary>A split that cannot be made says which class is short and what it needs.</summary>
[TestFixture]
public sealed class ImageDatasetSplitTests
{
    [Test]
    public void Split_ClassWithTooFewImages_ThrowsNamingTheClass()
    {
        using var root = new TempFolder();
        DatasetFolder.WriteImages(root.Combine("dog"), 10);
        DatasetFolder.WriteImages(root.Combine("rare breed"), 2);
        var dataset = ImageDataset.FromFolder(root.Path);

        var ex = Assert.Throws<DogClassifierException>(() => dataset.Split());

        Assert.That(ex.Message, Does.Contain("'rare breed' has 2 image(s)").And.Contain("at least 3 distinct images"));
    }

    [Test]
    public void Split_ClassWhoseImagesAreAllCopies_ThrowsCountingDistinctImages()
    {
        using var root = new TempFolder();
        DatasetFolder.WriteImages(root.Combine("dog"), 10);
        var single = DatasetFolder.WriteImage(root.Combine("cat"), "cat.jpg");
        for (int n = 1; n <= 5; n++)
        {
            File.Copy(single, root.Combine("cat", $"cat-copy-{n}.jpg"));
        }

        var dataset = ImageDataset.FromFolder(root.Path);

        var ex = Assert.Throws<DogClassifierException>(() => dataset.Split());

        Assert.That(ex.Message, Does.Contain("'cat' has 6 image(s) (1 distinct)"));
    }
}
