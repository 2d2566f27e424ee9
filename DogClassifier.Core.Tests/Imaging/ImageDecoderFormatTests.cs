using DogClassifier.Imaging;
using DogClassifier.Tests.Support;
using DogClassifier.Tests.Support.Encoders;
using SkiaSharp;

namespace DogClassifier.Tests.Imaging;

/// <summary>
/// Every format and variant a user's photos come in decodes to the right colours: each test
/// writes a four-quadrant image to a file and reads the quadrant centres back from the tensor.
/// </summary>
[TestFixture]
public sealed class ImageDecoderFormatTests
{
    private const int Width = 64;
    private const int Height = 48;
    private const float LossyTolerance = 12;
    private const float LosslessTolerance = 1;

    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void DecodeToTensor_BaselineJpeg_DecodesQuadrantColours()
    {
        using var bitmap = DrawQuadrants(640, 480);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        var path = Write("baseline.jpg", data.ToArray());

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, Quadrants.Colors, LossyTolerance);
    }

    [Test]
    public void DecodeToTensor_ProgressiveJpeg_DecodesQuadrantColours()
    {
        var bytes = JpegWriter.EncodeRgb(Width, Height, Pattern, progressive: true);
        Assert.That(HasMarker(bytes, 0xC2), Is.True, "the file must be progressive (SOF2)");
        var path = Write("progressive.jpg", bytes);

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, Quadrants.Colors, LossyTolerance);
    }

    [Test]
    public void DecodeToTensor_GrayscaleJpeg_DecodesGreyLevelsIntoAllThreeChannels()
    {
        byte[] levels = [30, 90, 160, 230];
        var bytes = JpegWriter.EncodeGray(Width, Height, (x, y) => levels[QuadrantIndex(x, y)]);
        var path = Write("gray.jpg", bytes);

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, [.. levels.Select(l => new SKColor(l, l, l))], LossyTolerance);
    }

    [Test]
    public void DecodeToTensor_CmykJpeg_ConvertsInkToRgb()
    {
        byte[][] inks = [[0, 255, 255, 0], [255, 0, 255, 0], [255, 255, 0, 0], [0, 0, 0, 128]];
        var bytes = JpegWriter.EncodeInvertedCmyk(Width, Height, (x, y, c) => inks[QuadrantIndex(x, y)][c]);
        var path = Write("cmyk.jpg", bytes);
        var expected = inks.Select(ink => new SKColor(Rgb(ink[0], ink[3]), Rgb(ink[1], ink[3]), Rgb(ink[2], ink[3])));

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, [.. expected], LossyTolerance);
    }

    [Test]
    public void DecodeToTensor_Png8BitRgb_DecodesExactColours()
    {
        var bytes = PngWriter.Encode(Width, Height, 8, PngWriter.Rgb, y => PngWriter.Row8(Width, 3, (x, c) =>
            Quadrants.Channel(Pattern(x, y), c)));
        var path = Write("rgb8.png", bytes);

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, Quadrants.Colors, LosslessTolerance);
    }

    [Test]
    public void DecodeToTensor_Png16BitRgb_UsesTheHighByteOfEachSample()
    {
        // The low byte 0x40 would read as 64 if the decoder took the wrong half of a sample.
        var bytes = PngWriter.Encode(Width, Height, 16, PngWriter.Rgb, y => PngWriter.Row16(Width, 3, (x, c) =>
            (ushort)((Quadrants.Channel(Pattern(x, y), c) << 8) | 0x40)));
        var path = Write("rgb16.png", bytes);

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, Quadrants.Colors, LosslessTolerance);
    }

    [Test]
    public void DecodeToTensor_GrayscalePng_DecodesGreyLevelsIntoAllThreeChannels()
    {
        byte[] levels = [10, 100, 170, 250];
        var bytes = PngWriter.Encode(Width, Height, 8, PngWriter.Gray, y => PngWriter.Row8(Width, 1, (x, _) =>
            levels[QuadrantIndex(x, y)]));
        var path = Write("gray.png", bytes);

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, [.. levels.Select(l => new SKColor(l, l, l))], LosslessTolerance);
    }

    [Test]
    public void DecodeToTensor_PalettedPng_LooksUpEachIndexInThePalette()
    {
        byte[] palette = [.. Quadrants.Colors.SelectMany(c => new[] { c.Red, c.Green, c.Blue })];
        var bytes = PngWriter.Encode(Width, Height, 8, PngWriter.Indexed, y => PngWriter.Row8(Width, 1, (x, _) =>
            (byte)QuadrantIndex(x, y)), palette);
        var path = Write("paletted.png", bytes);

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, Quadrants.Colors, LosslessTolerance);
    }

    [TestCase(0x808080)]
    [TestCase(0x205090)]
    public void DecodeToTensor_PngWithAlpha_CompositesOnTheConfiguredBackground(int background)
    {
        byte[] alphas = [255, 128, 0, 64];
        var bytes = PngWriter.Encode(Width, Height, 8, PngWriter.Rgba, y => PngWriter.Row8(Width, 4, (x, c) =>
            c == 3 ? alphas[QuadrantIndex(x, y)] : Quadrants.Channel(Pattern(x, y), c)));
        var path = Write("alpha.png", bytes);
        var options = ImageOptions.Default with { BackgroundRgb = background };
        var backdrop = new SKColor((byte)(background >> 16), (byte)(background >> 8), (byte)background);
        var expected = Quadrants.Colors.Select((c, q) => Over(c, alphas[q], backdrop));

        var tensor = Quadrants.DecodeFile(path, options);

        Quadrants.AssertColors(tensor, [.. expected], 2);
    }

    [Test]
    public void DecodeToTensor_AnimatedGif_UsesTheFirstFrame()
    {
        var first = Enumerable.Range(0, Width * Height)
            .Select(i => (byte)QuadrantIndex(i % Width, i / Width))
            .ToArray();
        var second = Enumerable.Repeat((byte)4, Width * Height).ToArray();
        var palette = Quadrants.Colors.Append(SKColors.Black).ToList();
        var path = Write("animated.gif", GifWriter.Encode(Width, Height, palette, [first, second]));

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, Quadrants.Colors, LosslessTolerance);
    }

    [Test]
    public void DecodeToTensor_Bmp_DecodesExactColours()
    {
        var path = Write("picture.bmp", BmpWriter.Encode(Width, Height, Pattern));

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, Quadrants.Colors, LosslessTolerance);
    }

    [Test]
    public void DecodeToTensor_WebP_DecodesQuadrantColours()
    {
        using var bitmap = DrawQuadrants(Width, Height);
        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 90);
        var path = Write("picture.webp", data.ToArray());

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, Quadrants.Colors, LossyTolerance);
    }

    internal static SKBitmap DrawQuadrants(int width, int height)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, Quadrants.At(x, y, width, height));
            }
        }

        return bitmap;
    }

    private static SKColor Pattern(int x, int y) => Quadrants.At(x, y, Width, Height);

    private static int QuadrantIndex(int x, int y) => (y >= Height / 2 ? 2 : 0) + (x >= Width / 2 ? 1 : 0);

    /// <summary>The naive CMYK to RGB conversion: each primary is what the ink and the black leave.</summary>
    private static byte Rgb(int ink, int black) =>
        (byte)Math.Round(255.0 * (1 - (ink / 255.0)) * (1 - (black / 255.0)));

    /// <summary>The colour of <paramref name="color"/> at opacity <paramref name="alpha"/> over the backdrop.</summary>
    private static SKColor Over(SKColor color, byte alpha, SKColor backdrop)
    {
        var a = alpha / 255.0;
        byte Mix(byte top, byte bottom) => (byte)Math.Round((top * a) + (bottom * (1 - a)));
        return new SKColor(
            Mix(color.Red, backdrop.Red), Mix(color.Green, backdrop.Green), Mix(color.Blue, backdrop.Blue));
    }

    private static bool HasMarker(byte[] jpeg, byte marker)
    {
        for (int i = 0; i + 1 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == marker)
            {
                return true;
            }
        }

        return false;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = _folder.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
