using DogClassifier.Featurization;
using DogClassifier.Imaging;
using DogClassifier.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

namespace DogClassifier.Tests.Featurization;

/// <summary>
/// The device the network runs on. The test project uses ONNX Runtime's CPU-only build
/// (Microsoft.ML.OnnxRuntime), which has no CUDA provider, so asking for a GPU must fall back.
/// </summary>
public sealed class ResNet18BackboneDeviceTests
{
    private const int GpuUnavailableEventId = 11;

    [Test]
    public void Constructor_GpuDeviceWithoutCudaProvider_RunsOnCpuAndLogsWarning()
    {
        using var logs = new ListLoggerFactory();
        var options = new BackboneOptions { GpuDeviceId = 0 };

        using var backbone = new ResNet18Backbone(options, logs.CreateLogger("backbone"));

        Assert.That(backbone.Device, Is.EqualTo("CPU"));
        var warnings = logs.Entries.Where(e => e.EventId.Id == GpuUnavailableEventId).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(
            warnings[0].Message, Does.StartWith("CUDA device 0 is unavailable, running on the CPU: "));
    }

    [Test]
    public void Constructor_NoGpuDevice_RunsOnCpuWithoutWarning()
    {
        using var logs = new ListLoggerFactory();

        using var backbone = new ResNet18Backbone(BackboneOptions.Default, logs.CreateLogger("backbone"));

        Assert.That(backbone.Device, Is.EqualTo("CPU"));
        Assert.That(logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty);
    }

    [Test]
    public void Featurize_AfterGpuFallback_GivesTheCpuBackbonesFeatures()
    {
        var image = TestImages.Encode(300, 200, SKColors.SaddleBrown);
        using var cpu = new ResNet18Backbone(BackboneOptions.Default, NullLogger.Instance);
        var gpu = new BackboneOptions { GpuDeviceId = 0 };
        using var fallback = new ResNet18Backbone(gpu, NullLogger.Instance);

        var expected = Features(cpu, image);
        var actual = Features(fallback, image);

        Assert.That(expected.Any(f => f != 0), Is.True, "the CPU backbone gave all-zero features");
        Assert.That(actual, Is.EqualTo(expected).Within(1e-5f));
    }

    [Test]
    public void Validate_NegativeGpuDeviceId_NamesTheValue()
    {
        var options = new BackboneOptions { GpuDeviceId = -1, IntraOpThreads = -2 };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.Message, Does.Contain("GpuDeviceId must not be negative (was -1)"));
        Assert.That(error.Message, Does.Contain("IntraOpThreads must not be negative (was -2)"));
    }

    private static float[] Features(ResNet18Backbone backbone, byte[] image) =>
        new FeatureExtractor(backbone, ImageOptions.Default, cache: null, NullLogger.Instance)
            .ExtractOne(image, "drawn.jpg");
}
