using DogClassifier.Data;

namespace DogClassifier.Tests.Data;

public sealed class SplitTests
{
    [Test]
    public void Split_DefaultFractions_KeepsEachClassInProportion()
    {
        var dataset = Fake(("a", 100), ("b", 60));

        var split = dataset.Split();

        Assert.That(Count(split.Train, "a"), Is.EqualTo(70));
        Assert.That(Count(split.Validation, "a"), Is.EqualTo(15));
        Assert.That(Count(split.Test, "a"), Is.EqualTo(15));
        Assert.That(Count(split.Train, "b"), Is.EqualTo(42));
        Assert.That(Count(split.Validation, "b"), Is.EqualTo(9));
        Assert.That(Count(split.Test, "b"), Is.EqualTo(9));
    }

    [Test]
    public void Split_Always_PartitionsTheImagesWithoutOverlap()
    {
        var dataset = Fake(("a", 37), ("b", 23));

        var split = dataset.Split();

        var all = split.Train.Images.Concat(split.Validation.Images).Concat(split.Test.Images).Select(i => i.Path).ToList();
        Assert.That(all, Is.Unique);
        Assert.That(all, Is.EquivalentTo(dataset.Images.Select(i => i.Path)));
    }

    [Test]
    public void Split_SameSeed_GivesTheSameSplitAndAnotherSeedADifferentOne()
    {
        var dataset = Fake(("a", 50), ("b", 50));

        var first = dataset.Split(new SplitOptions { Seed = 7 });
        var again = dataset.Split(new SplitOptions { Seed = 7 });
        var other = dataset.Split(new SplitOptions { Seed = 8 });

        Assert.That(Paths(again.Test), Is.EqualTo(Paths(first.Test)));
        Assert.That(Paths(again.Validation), Is.EqualTo(Paths(first.Validation)));
        Assert.That(Paths(other.Test), Is.Not.EqualTo(Paths(first.Test)));
    }

    [Test]
    public void Split_ByteIdenticalFiles_LandOnTheSameSide()
    {
        var images = Fake(("a", 40), ("b", 40)).Images.ToList();
        images[0] = images[0] with { ContentHash = "same" };
        images[1] = images[1] with { ContentHash = "same" };
        images[2] = images[2] with { ContentHash = "same" };
        var dataset = ImageDataset.FromImages(images);

        foreach (var seed in Enumerable.Range(0, 20))
        {
            var split = dataset.Split(new SplitOptions { Seed = seed });

            var sides = new[] { split.Train, split.Validation, split.Test }
                .Count(part => part.Images.Any(i => i.ContentHash == "same"));
            Assert.That(sides, Is.EqualTo(1), $"seed {seed}");
        }

        Assert.That(dataset.DuplicateGroups, Has.Count.EqualTo(1));
        Assert.That(dataset.DuplicateGroups[0], Has.Count.EqualTo(3));
    }

    [Test]
    public void Split_ClassWithTooFewImages_ThrowsNamingTheClass()
    {
        var dataset = Fake(("plenty", 30), ("rare", 2));

        var ex = Assert.Throws<DogClassifierException>(() => dataset.Split());

        Assert.That(ex!.Message, Does.Contain("'rare'").And.Contain("too few"));
    }

    [Test]
    public void Validate_BadFractions_NamesEveryBadValue()
    {
        var options = new SplitOptions { TrainFraction = 0, ValidationFraction = -0.1, TestFraction = 0.5 };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(ex!.Message, Does.Contain("TrainFraction").And.Contain("ValidationFraction").And.Contain("add up to 1"));
    }

    private static ImageDataset Fake(params (string Label, int Count)[] classes) =>
        ImageDataset.FromImages(classes.SelectMany(c => Enumerable.Range(0, c.Count)
            .Select(i => new LabeledImage($"/data/{c.Label}/{i:000}.jpg", c.Label, c.Label, $"{c.Label}-{i}"))));

    private static int Count(ImageDataset part, string label) => part.Images.Count(i => i.Label == label);

    private static List<string> Paths(ImageDataset part) => [.. part.Images.Select(i => i.Path).Order(StringComparer.Ordinal)];
}
