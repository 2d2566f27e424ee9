using DogClassifier.Imaging;
using DogClassifier.Tests.Support;
using DogClassifier.Tests.Support.Encoders;
using DogClassifier.Tests.Support.Fuzz;
using SkiaSharp;

namespace DogClassifier.Tests.Imaging;

/// <summary>
/// Damaged files never crash the decoder, never hang it and never leak: whatever the bytes, the
/// answer is a decoded image or an <see cref="InvalidImageException"/>. A few hundred cases run
/// here; <c>DOGCLASSIFIER_FUZZ_CASES</c> and <c>DOGCLASSIFIER_FUZZ_SEED</c> make longer runs.
/// </summary>
[TestFixture]
public sealed class ImageDecoderFuzzTests
{
    private const int DefaultCases = 300;
    private const int DefaultSeed = 20_260_611;
    private const long MemoryGrowthBound = 256L * 1024 * 1024;
    private static readonly TimeSpan DecodeBound = TimeSpan.FromSeconds(10);

    [Test]
    public void DecodeToTensor_MutatedDrawnImages_OnlyInvalidImageExceptionEscapes()
    {
        var seeds = DrawnSeeds();

        var report = Run(seeds, "drawn");

        AssertClean(report);
    }

    [Test]
    public void DecodeToTensor_MutatedRealJpegs_OnlyInvalidImageExceptionEscapes()
    {
        var seeds = RealSeeds(RealData.RequirePets());

        var report = Run(seeds, "real");

        AssertClean(report);
    }

    private static FuzzReport Run(IReadOnlyList<(string Name, byte[] Bytes)> seeds, string kind)
    {
        var cases = FuzzRunner.Cases(DefaultCases);
        var seed = FuzzRunner.Seed(DefaultSeed);
        var failures = Path.Combine(TestContext.CurrentContext.WorkDirectory, "fuzz-failures");
        var report = FuzzRunner.Run(seeds, cases, seed, DecodeBound, failures);

        TestContext.Out.WriteLine(
            $"{kind}: {cases} cases (seed {seed}) from {seeds.Count} files: {report.Decoded} decoded, " +
            $"{report.Refused} refused, {report.Failures.Count} failures, memory growth " +
            $"{report.MemoryGrowthBytes / (1024.0 * 1024):0.0} MiB");
        foreach (var (reason, count) in report.Refusals)
        {
            TestContext.Out.WriteLine($"  {count,5}  {reason}");
        }

        return report;
    }

    private static void AssertClean(FuzzReport report)
    {
        Assert.That(report.Failures, Is.Empty, string.Join(Environment.NewLine, report.Failures));
        Assert.That(report.Refused, Is.GreaterThan(0), "the mutations must damage some inputs");
        Assert.That(report.MemoryGrowthBytes, Is.LessThan(MemoryGrowthBound), "working-set growth over the run");
    }

    /// <summary>One file of every format and variant the decoder reads, drawn here.</summary>
    private static List<(string Name, byte[] Bytes)> DrawnSeeds()
    {
        const int width = 96, height = 72;
        static SKColor Pixel(int x, int y) => Quadrants.At(x, y, width, height);
        using var bitmap = ImageDecoderFormatTests.DrawQuadrants(width, height);
        using var webp = bitmap.Encode(SKEncodedImageFormat.Webp, 80);
        using var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        var indices = Enumerable.Range(0, width * height)
            .Select(i => (byte)((i % width / 12) + (i / width / 12)))
            .ToArray();
        var palette = Enumerable.Range(0, 16)
            .Select(i => new SKColor((byte)(i * 16), (byte)(255 - (i * 16)), 90))
            .ToList();
        byte[] paletteBytes = [.. palette.SelectMany(c => new[] { c.Red, c.Green, c.Blue })];

        return
        [
            ("rgb.png", PngWriter.Encode(width, height, 8, PngWriter.Rgb, y =>
                PngWriter.Row8(width, 3, (x, c) => Quadrants.Channel(Pixel(x, y), c)))),
            ("rgba.png", PngWriter.Encode(width, height, 8, PngWriter.Rgba, y =>
                PngWriter.Row8(width, 4, (x, c) => (byte)(c == 3 ? x * 2 : (x + y + (40 * c)) % 256)))),
            ("rgb16.png", PngWriter.Encode(width, height, 16, PngWriter.Rgb, y =>
                PngWriter.Row16(width, 3, (x, c) => (ushort)((x * 600) + (y * 300) + (c * 9000))))),
            ("gray.png", PngWriter.Encode(width, height, 8, PngWriter.Gray, y =>
                PngWriter.Row8(width, 1, (x, _) => (byte)(x + y)))),
            ("paletted.png", PngWriter.Encode(width, height, 8, PngWriter.Indexed, y =>
                indices[(y * width)..((y + 1) * width)], paletteBytes)),
            ("animated.gif", GifWriter.Encode(width, height, palette, [indices, [.. indices.Reverse()]])),
            ("picture.bmp", BmpWriter.Encode(width, height, Pixel)),
            ("picture.webp", webp.ToArray()),
            ("exif.jpg", JpegExif.WithOrientation(jpeg.ToArray(), 6)),
            ("progressive.jpg", JpegWriter.EncodeRgb(width, height, Pixel, progressive: true)),
            ("cmyk.jpg", JpegWriter.EncodeInvertedCmyk(width, height, (x, y, c) => (byte)((x + y) * (c + 1)))),
        ];
    }

    private static List<(string Name, byte[] Bytes)> RealSeeds(string pets) =>
        Directory.GetDirectories(pets)
            .Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.GetFiles(d, "*.jpg").Order(StringComparer.Ordinal).Take(3))
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
}
