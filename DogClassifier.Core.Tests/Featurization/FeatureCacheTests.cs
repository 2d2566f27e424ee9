using System.Globalization;
using DogClassifier.Data;
using DogClassifier.Featurization;
using DogClassifier.Imaging;
using DogClassifier.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

namespace DogClassifier.Tests.Featurization;

/// <summary>
/// The feature cache is keyed on what the features depend on, so that it is never stale, and
/// it recovers from damaged entries.
/// </summary>
[TestFixture]
public sealed class FeatureCacheTests
{
    private const int CacheEntryRejectedEvent = 13;

    private BackboneLease _lease = null!;

    public enum Damage
    {
        Truncated,
        Garbled,
    }

    [OneTimeSetUp]
    public void LoadNetwork() => _lease = BackboneLease.Acquire(BackboneOptions.Default, NullLogger.Instance);

    [OneTimeTearDown]
    public void ReleaseNetwork() => _lease.Dispose();

    [Test]
    public void Extract_UnchangedImages_SecondRunHitsEveryEntryWithTheSameFeatures()
    {
        using var temp = new TempFolder();
        var images = WriteImages(temp, 3);
        var first = Extract(CreateSut(temp), images);

        var second = Extract(CreateSut(temp), images);

        Assert.That(first.CacheHits, Is.Zero);
        Assert.That(second.CacheHits, Is.EqualTo(images.Count));
        Assert.That(second.Features, Is.EqualTo(first.Features));
    }

    [Test]
    public void Extract_ChangedImageContent_MissesAndReturnsTheNewImagesFeatures()
    {
        using var temp = new TempFolder();
        var images = WriteImages(temp, 1);
        var before = Extract(CreateSut(temp), images);
        TestImages.Write(
            Path.GetDirectoryName(images[0].Path)!, Path.GetFileName(images[0].Path), SKColors.Crimson, 96, 64,
            SKEncodedImageFormat.Png);
        var expected = CreateSut(temp, cached: false)
            .ExtractOne(File.ReadAllBytes(images[0].Path), "changed");

        var after = Extract(CreateSut(temp), images);

        Assert.That(after.CacheHits, Is.Zero);
        Assert.That(after.Features[0], Is.EqualTo(expected));
        Assert.That(after.Features[0], Is.Not.EqualTo(before.Features[0]));
    }

    [TestCase(ResizeMode.Pad, 0x808080)]
    [TestCase(ResizeMode.Stretch, 0x808080)]
    [TestCase(ResizeMode.CenterCrop, 0x000000)]
    public void Extract_ChangedPreprocessing_Misses(ResizeMode mode, int background)
    {
        Assert.That(
            (mode, background), Is.Not.EqualTo((ImageOptions.Default.ResizeMode, ImageOptions.Default.BackgroundRgb)),
            "each case must differ from the default settings the cache was filled with");
        using var temp = new TempFolder();
        var images = WriteImages(temp, 2);
        Extract(CreateSut(temp), images);
        var changed = new ImageOptions { ResizeMode = mode, BackgroundRgb = background };

        var result = Extract(CreateSut(temp, options: changed), images);

        Assert.That(result.CacheHits, Is.Zero);
        var expected = CreateSut(temp, options: changed, cached: false)
            .ExtractOne(File.ReadAllBytes(images[0].Path), "x");
        Assert.That(result.Features[0], Is.EqualTo(expected));
    }

    [Test]
    public void Extract_NetworkWithAnotherHash_Misses()
    {
        using var temp = new TempFolder();
        var images = WriteImages(temp, 2);
        Extract(CreateSut(temp), images);
        using var other = new ResNet18Backbone(
            new BackboneOptions { ModelDirectory = CopyModelsWithNewDocString(temp) }, NullLogger.Instance);

        var result = Extract(CreateSut(temp, backbone: other), images);

        Assert.That(other.Hash, Is.Not.EqualTo(_lease.Backbone.Hash));
        Assert.That(result.CacheHits, Is.Zero);
    }

    [TestCase(Damage.Truncated)]
    [TestCase(Damage.Garbled)]
    public void Extract_DamagedEntry_IsRebuiltWithAWarning(Damage damage)
    {
        using var temp = new TempFolder();
        var images = WriteImages(temp, 1);
        var original = Extract(CreateSut(temp), images);
        var entry = Directory.GetFiles(temp.Combine("cache"), "*.bin", SearchOption.AllDirectories).Single();
        DamageFile(entry, damage);
        using var logs = new ListLoggerFactory();

        var rebuilt = Extract(CreateSut(temp, logger: logs.CreateLogger("cache")), images);

        Assert.That(rebuilt.CacheHits, Is.Zero);
        Assert.That(rebuilt.Features[0], Is.EqualTo(original.Features[0]));
        var warnings = logs.Entries.Where(e => e.EventId.Id == CacheEntryRejectedEvent).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(warnings[0].Message, Does.Contain(Path.GetFileName(entry)));
        Assert.That(Extract(CreateSut(temp), images).CacheHits, Is.EqualTo(1), "the rebuilt entry is used again");
    }

    [TestCase("de-DE", "en-US")]
    [TestCase("en-US", "de-DE")]
    public void Extract_CacheWrittenUnderOneCulture_ReadIdenticallyUnderAnother(
        string writeCulture, string readCulture)
    {
        using var temp = new TempFolder();
        var images = WriteImages(temp, 3);
        var written = InCulture(writeCulture, () => Extract(CreateSut(temp), images));

        var read = InCulture(readCulture, () => Extract(CreateSut(temp), images));

        Assert.That(written.CacheHits, Is.Zero);
        Assert.That(read.CacheHits, Is.EqualTo(images.Count));
        for (int i = 0; i < images.Count; i++)
        {
            Assert.That(Bits(read.Features[i]!), Is.EqualTo(Bits(written.Features[i]!)));
        }
    }

    private FeatureExtractor CreateSut(
        TempFolder temp, ImageOptions? options = null, ILogger? logger = null, ResNet18Backbone? backbone = null,
        bool cached = true)
    {
        logger ??= NullLogger.Instance;
        var cache = cached ? new FeatureCache(temp.Combine("cache"), logger) : null;
        return new FeatureExtractor(backbone ?? _lease.Backbone, options ?? ImageOptions.Default, cache, logger);
    }

    private static ExtractionResult Extract(FeatureExtractor extractor, IReadOnlyList<LabeledImage> images) =>
        extractor.Extract(images, mirror: false, onProgress: null, CancellationToken.None);

    private static List<LabeledImage> WriteImages(TempFolder temp, int count)
    {
        SKColor[] colors = [SKColors.SteelBlue, SKColors.Goldenrod, SKColors.SeaGreen, SKColors.Orchid];
        return [.. Enumerable.Range(0, count).Select(i => new LabeledImage(
            TestImages.Write(temp.Combine("images"), $"image{i}.png", colors[i % colors.Length], 96, 64,
                SKEncodedImageFormat.Png),
            "dog",
            "dog"))];
    }

    private static void DamageFile(string path, Damage damage)
    {
        var bytes = File.ReadAllBytes(path);
        if (damage == Damage.Truncated)
        {
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            return;
        }

        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// Copies the model files, giving the preprocessing network a second doc-string field: a valid
    /// ONNX file (the last value of a protobuf field wins) that computes the same, with another hash.
    /// </summary>
    private static string CopyModelsWithNewDocString(TempFolder temp)
    {
        var source = BackboneOptions.Default.ResolveModelDirectory();
        var target = temp.Combine("models");
        foreach (var file in Directory.GetFiles(source, "*.onnx", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var docString = "a copy for tests"u8.ToArray();
        var prepPath = Path.Combine(target, "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        using var prep = File.Open(prepPath, FileMode.Append);
        prep.Write([0x32, (byte)docString.Length, .. docString]);
        return target;
    }

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
