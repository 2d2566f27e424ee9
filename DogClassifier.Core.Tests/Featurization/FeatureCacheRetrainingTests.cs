using DogClassifier.Data;
using DogClassifier.Tests.Support;
using DogClassifier.Training;
using SkiaSharp;

namespace DogClassifier.Tests.Featurization;

/// <summary>Training again on a set whose features are cached reuses exactly the unchanged images.</summary>
[TestFixture]
public sealed class FeatureCacheRetrainingTests
{
    private static readonly SKColor[] DogColors =
        [SKColors.SaddleBrown, SKColors.Peru, SKColors.Sienna, SKColors.Tan];

    private static readonly SKColor[] CatColors =
        [SKColors.SlateGray, SKColors.Silver, SKColors.DimGray, SKColors.Black];

    [Test]
    public async Task TrainAsync_UnchangedSetWithWarmCache_HitsEveryEntry()
    {
        using var temp = new TempFolder();
        var split = WriteSplit(temp);
        var options = Options(temp);
        using var cold = await new ImageClassifierTrainer(options).TrainAsync(split);

        using var warm = await new ImageClassifierTrainer(options).TrainAsync(split);

        Assert.That(cold.CacheHits, Is.Zero);
        Assert.That(warm.CacheHits, Is.EqualTo(Count(split)));
    }

    [Test]
    public async Task TrainAsync_OneImageChanged_RefeaturizesThatImageAlone()
    {
        using var temp = new TempFolder();
        var split = WriteSplit(temp);
        var options = Options(temp);
        using var cold = await new ImageClassifierTrainer(options).TrainAsync(split);
        var changed = split.Train.Images[0].Path;
        File.WriteAllBytes(changed, TestImages.Encode(80, 60, SKColors.Crimson, SKEncodedImageFormat.Png));

        using var retrained = await new ImageClassifierTrainer(options).TrainAsync(split);

        Assert.That(retrained.CacheHits, Is.EqualTo(Count(split) - 1));
    }

    private static TrainingOptions Options(TempFolder temp) => new()
    {
        FeatureCacheDirectory = temp.Combine("cache"),
        L2Candidates = [1f],
    };

    private static int Count(DatasetSplit split) =>
        split.Train.Images.Count + split.Validation.Images.Count + split.Test.Images.Count;

    /// <summary>Three training and one validation image per class, drawn in distinct colours.</summary>
    private static DatasetSplit WriteSplit(TempFolder temp)
    {
        var train = new List<LabeledImage>();
        var validation = new List<LabeledImage>();
        foreach (var (label, colors) in new[] { ("cat", CatColors), ("dog", DogColors) })
        {
            for (int i = 0; i < colors.Length; i++)
            {
                var path = TestImages.Write(temp.Combine("images", label), $"{label}{i}.png", colors[i], 80, 60,
                    SKEncodedImageFormat.Png);
                (i < 3 ? train : validation).Add(new LabeledImage(path, label, label));
            }
        }

        string[] classes = ["cat", "dog"];
        return new DatasetSplit(
            ImageDataset.FromImages(train, classes),
            ImageDataset.FromImages(validation, classes),
            ImageDataset.FromImages([], classes));
    }
}
