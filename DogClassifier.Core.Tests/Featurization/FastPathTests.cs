using DogClassifier.Featurization;
using DogClassifier.Imaging;
using DogClassifier.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

namespace DogClassifier.Tests.Featurization;

/// <summary>
/// The featurization path that prepares the input in place and runs the network one image per
/// core gives the features of the plain path: decode to RGB planes, the package's
/// preprocessing network, then the network.
/// </summary>
[TestFixture]
public sealed class FastPathTests
{
    private BackboneLease _lease = null!;

    private ResNet18Backbone Backbone => _lease.Backbone;

    [OneTimeSetUp]
    public void LoadNetwork() => _lease = BackboneLease.Acquire(BackboneOptions.Default, NullLogger.Instance);

    [OneTimeTearDown]
    public void ReleaseNetwork() => _lease.Dispose();

    [Test]
    public void Write_DecodedImage_EqualsPreprocessingNetworkBitForBit()
    {
        var bytes = TestImages.Encode(300, 200, new SKColor(200, 90, 30));
        var planes = new float[ImageDecoder.TensorLength];
        ImageDecoder.DecodeToTensor(bytes, "drawn", ImageOptions.Default, planes);
        var expected = new float[ImageDecoder.TensorLength];
        Backbone.Prepare(planes, expected);
        using var square = ImageDecoder.CreateSquare();
        ImageDecoder.DecodeToSquare(bytes, "drawn", ImageOptions.Default, square);

        var actual = new float[ImageDecoder.TensorLength];
        Backbone.Preparation.Write(square.GetPixelSpan(), actual);

        Assert.That(BitConverterOf(actual), Is.EqualTo(BitConverterOf(expected)));
    }

    [TestCase(ResizeMode.Stretch, false)]
    [TestCase(ResizeMode.CenterCrop, true)]
    [TestCase(ResizeMode.Pad, false)]
    [TestCase(ResizeMode.Pad, true)]
    public void ExtractOne_DrawnImage_MatchesPlainPath(ResizeMode mode, bool mirror)
    {
        var options = new ImageOptions { ResizeMode = mode, BackgroundRgb = 0x204060 };
        var bytes = TestImages.Encode(320, 180, new SKColor(40, 160, 220), SKEncodedImageFormat.Png);
        var expected = PlainPath(bytes, options, mirror);
        var extractor = new FeatureExtractor(Backbone, options, cache: null, NullLogger.Instance);

        var actual = extractor.ExtractOne(bytes, "drawn", mirror);

        AssertClose(actual, expected);
    }

    [Test]
    public void Extract_RealPhotos_MatchesPlainPath()
    {
        var photos = RealData.PetsSubset(4).Images;
        var extractor = new FeatureExtractor(Backbone, ImageOptions.Default, cache: null, NullLogger.Instance);

        var result = extractor.Extract(photos, mirror: false, onProgress: null, CancellationToken.None);

        Assert.That(result.Skipped, Is.Empty);
        for (int i = 0; i < photos.Count; i++)
        {
            var expected = PlainPath(File.ReadAllBytes(photos[i].Path), ImageOptions.Default, mirror: false);
            AssertClose(result.Features[i]!, expected);
        }
    }

    private float[] PlainPath(byte[] bytes, ImageOptions options, bool mirror)
    {
        var planes = new float[ImageDecoder.TensorLength];
        ImageDecoder.DecodeToTensor(bytes, "drawn", options, planes, mirror);
        var prepared = new float[ImageDecoder.TensorLength];
        Backbone.Prepare(planes, prepared);
        var features = new float[ResNet18Backbone.FeatureSize];
        Backbone.RunNetwork(prepared, features, NetworkUse.Single);
        return features;
    }

    /// <summary>Equal up to float rounding: sessions with other thread counts may sum in another order.</summary>
    private static void AssertClose(float[] actual, float[] expected)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length));
        Assert.That(expected.Max(), Is.GreaterThan(0.1f), "the network's output should not be flat");
        for (int i = 0; i < expected.Length; i++)
        {
            var tolerance = 1e-4f * Math.Max(1f, Math.Abs(expected[i]));
            Assert.That(actual[i], Is.EqualTo(expected[i]).Within(tolerance), $"feature {i}");
        }
    }

    private static int[] BitConverterOf(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
