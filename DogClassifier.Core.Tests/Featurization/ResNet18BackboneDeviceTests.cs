using DogClassifier.Featurization;
using DogClassifier.Imaging;
using DogClassifier.Tests.Support;
using Microsoft.Extensions.Logging;
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
        var logger = new RecordingLogger();
        var options = new BackboneOptions { GpuDeviceId = 0 };

        using var backbone = new ResNet18Backbone(options, logger);

        Assert.That(backbone.Device, Is.EqualTo("CPU"));
        var warnings = logger.Entries.Where(e => e.EventId.Id == GpuUnavailableEventId).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(
            warnings[0].Message, Does.StartWith("CUDA device 0 is unavailable, running on the CPU: "));
    }

    [Test]
    public void Constructor_NoGpuDevice_RunsOnCpuWithoutWarning()
    {
        var logger = new RecordingLogger();

        using var backbone = new ResNet18Backbone(BackboneOptions.Default, logger);

        Assert.That(backbone.Device, Is.EqualTo("CPU"));
        Assert.That(logger.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty);
    }

    [Test]
    public void Featurize_AfterGpuFallback_GivesTheCpuBackbonesFeatures()
    {
        var tensor = new float[ImageDecoder.TensorLength];
        var image = TestImages.Encode(300, 200, SKColors.SaddleBrown);
        ImageDecoder.DecodeToTensor(image, "drawn.jpg", ImageOptions.Default, tensor);
        using var cpu = new ResNet18Backbone(BackboneOptions.Default, new RecordingLogger());
        var gpu = new BackboneOptions { GpuDeviceId = 0 };
        using var fallback = new ResNet18Backbone(gpu, new RecordingLogger());
        var expected = new float[ResNet18Backbone.FeatureSize];
        var actual = new float[ResNet18Backbone.FeatureSize];

        cpu.Featurize(tensor, expected);
        fallback.Featurize(tensor, actual);

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

    /// <summary>Keeps every log entry with its event id, level and formatted message.</summary>
    private sealed class RecordingLogger : ILogger
    {
        private readonly List<(EventId EventId, LogLevel Level, string Message)> _entries = [];

        public IReadOnlyList<(EventId EventId, LogLevel Level, string Message)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((eventId, logLevel, formatter(state, exception)));
            }
        }
    }
}
