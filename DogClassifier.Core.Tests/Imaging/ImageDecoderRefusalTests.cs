using DogClassifier.Imaging;
using DogClassifier.Tests.Support;
using DogClassifier.Tests.Support.Encoders;
using SkiaSharp;

namespace DogClassifier.Tests.Imaging;

/// <summary>
/// Files that are not usable images are refused with an <see cref="InvalidImageException"/> that
/// names the file and says why, never another exception.
/// </summary>
[TestFixture]
public sealed class ImageDecoderRefusalTests
{
    private const long AllocationBound = 50L * 1024 * 1024;

    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [TestCaseSource(typeof(BadImages), nameof(BadImages.Kinds))]
    public void DecodeToTensor_BadFile_IsRefusedNamingTheFileAndTheReason(string kind)
    {
        var bad = BadImages.Get(kind);
        var path = _folder.Combine(bad.FileName);
        File.WriteAllBytes(path, bad.Bytes);

        var ex = Assert.Throws<InvalidImageException>(() => Quadrants.DecodeFile(path));

        Assert.That(ex.ImageSource, Is.EqualTo(path));
        Assert.That(ex.Reason, Does.Contain(bad.Reason));
        Assert.That(ex.Message, Does.Contain(path).And.Contain(ex.Reason));
    }

    [TestCase("\0\0\0\u0018ftypheic\0\0\0\0mif1heic", "a HEIC/HEIF image")]
    [TestCase("\0\0\0\u001cftypavif\0\0\0\0avifmif1", "an AVIF image")]
    [TestCase("\0\0\0\u000cjP  \r\n\u0087\n\0\0\0\u0014ftypjp2 ", "a JPEG 2000 image")]
    [TestCase("\0\0\0\u000cJXL \r\n\u0087\n", "a JPEG XL image")]
    [TestCase("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj", "a PDF document")]
    [TestCase("PK\u0003\u0004\u0014\0\0\0\b\0", "a ZIP archive")]
    public void DecodeToTensor_OtherFormatSignature_IsRefusedNamingTheFormat(string start, string expected)
    {
        byte[] bytes = [.. start.Select(c => (byte)c), .. new byte[512]];
        var tensor = new float[ImageDecoder.TensorLength];

        var ex = Assert.Throws<InvalidImageException>(
            () => ImageDecoder.DecodeToTensor(bytes, "renamed.jpg", ImageOptions.Default, tensor));

        Assert.That(ex.Reason, Is.EqualTo($"the file is {expected}, a format the decoder cannot read " +
            "(it reads JPEG, PNG, GIF, BMP and WebP)"));
    }

    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, "JPEG")]
    [TestCase(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "GIF")]
    public void DecodeToTensor_FileCutInsideItsHeader_IsCalledTruncatedNotText(byte[] bytes, string format)
    {
        var tensor = new float[ImageDecoder.TensorLength];

        var ex = Assert.Throws<InvalidImageException>(
            () => ImageDecoder.DecodeToTensor(bytes, "cut.img", ImageOptions.Default, tensor));

        Assert.That(ex.Reason, Is.EqualTo($"the {format} file is truncated before its header ends"));
    }

    [Test]
    public void DecodeToTensor_TextStartingWithBm_IsCalledText()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("BMW 320d service history\n2019: oil change\n");
        var tensor = new float[ImageDecoder.TensorLength];

        var ex = Assert.Throws<InvalidImageException>(
            () => ImageDecoder.DecodeToTensor(bytes, "car.bmp", ImageOptions.Default, tensor));

        Assert.That(ex.Reason, Is.EqualTo("the file holds text, not an image"));
    }

    [Test]
    public void DecodeToTensor_TextInOtherScripts_IsCalledText()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("Привет, 世界! Ceci n'est pas une image.\n");
        var tensor = new float[ImageDecoder.TensorLength];

        var ex = Assert.Throws<InvalidImageException>(
            () => ImageDecoder.DecodeToTensor(bytes, "letter.jpg", ImageOptions.Default, tensor));

        Assert.That(ex.Reason, Is.EqualTo("the file holds text, not an image"));
    }

    [Test]
    public void ReadFile_MissingFile_IsRefusedNamingTheFile()
    {
        var path = _folder.Combine("gone.jpg");

        var ex = Assert.Throws<InvalidImageException>(() => ImageDecoder.ReadFile(path, ImageOptions.Default));

        Assert.That(ex.Message, Does.Contain(path).And.Contain("does not exist"));
    }

    [Test]
    public void ReadFile_FileOverTheByteLimit_IsRefusedBeforeReading()
    {
        var path = _folder.Combine("big.jpg");
        File.WriteAllBytes(path, TestImages.Encode(64, 64, SKColors.Teal));
        var options = ImageOptions.Default with { MaxFileBytes = 100 };

        var ex = Assert.Throws<InvalidImageException>(() => ImageDecoder.ReadFile(path, options));

        Assert.That(ex.Reason, Does.Contain("over the limit of 100"));
    }

    [Test]
    public void DecodeToTensor_PngHeaderClaiming50000Squared_IsRefusedWithBoundedAllocation()
    {
        var bytes = PngWriter.HeaderOnly(BadImages.HugeSide, BadImages.HugeSide);

        AssertRefusedWithinBudget(bytes, "huge.png");
    }

    [Test]
    public void DecodeToTensor_JpegHeaderClaiming50000Squared_IsRefusedWithBoundedAllocation()
    {
        var bytes = JpegHeaderClaiming(BadImages.HugeSide, BadImages.HugeSide);

        AssertRefusedWithinBudget(bytes, "huge.jpg");
    }

    [Test]
    public void DecodeToTensor_ImageOverAConfiguredBudget_IsRefusedNamingTheBudget()
    {
        var bytes = TestImages.Encode(300, 200, SKColors.Teal);
        var options = ImageOptions.Default with { MaxPixels = 50_000 };
        var tensor = new float[ImageDecoder.TensorLength];

        var ex = Assert.Throws<InvalidImageException>(
            () => ImageDecoder.DecodeToTensor(bytes, "wide.jpg", options, tensor));

        Assert.That(ex.Reason, Does.Contain("300×200").And.Contain("50,000"));
    }

    [TestCase(15, 200)]
    [TestCase(200, 15)]
    public void DecodeToTensor_SideBelowMinSide_IsRefusedNamingTheSize(int width, int height)
    {
        var bytes = TestImages.Encode(width, height, SKColors.Teal, SKEncodedImageFormat.Png);
        var tensor = new float[ImageDecoder.TensorLength];

        var ex = Assert.Throws<InvalidImageException>(
            () => ImageDecoder.DecodeToTensor(bytes, "strip.png", ImageOptions.Default, tensor));

        Assert.That(ex.Reason, Does.Contain($"{width}×{height}").And.Contain("at least 16"));
    }

    [Test]
    public void DecodeToTensor_SideAtMinSide_IsAccepted()
    {
        var bytes = TestImages.Encode(16, 16, SKColors.Teal, SKEncodedImageFormat.Png);
        var tensor = new float[ImageDecoder.TensorLength];

        ImageDecoder.DecodeToTensor(bytes, "small.png", ImageOptions.Default, tensor);

        Assert.That(tensor.Max(), Is.GreaterThan(0));
    }

    /// <summary>A valid small JPEG whose frame header is rewritten to claim another size.</summary>
    internal static byte[] JpegHeaderClaiming(int width, int height)
    {
        var jpeg = JpegWriter.EncodeRgb(32, 32, (_, _) => SKColors.Teal);
        for (int i = 0; i + 8 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0)
            {
                jpeg[i + 5] = (byte)(height >> 8);
                jpeg[i + 6] = (byte)height;
                jpeg[i + 7] = (byte)(width >> 8);
                jpeg[i + 8] = (byte)width;
                return jpeg;
            }
        }

        throw new InvalidOperationException("The encoder wrote no baseline frame header.");
    }

    private static void AssertRefusedWithinBudget(byte[] bytes, string name)
    {
        var tensor = new float[ImageDecoder.TensorLength];
        InvalidImageException? refused = null;
        var before = GC.GetAllocatedBytesForCurrentThread();

        try
        {
            ImageDecoder.DecodeToTensor(bytes, name, ImageOptions.Default, tensor);
        }
        catch (InvalidImageException ex)
        {
            refused = ex;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(refused, Is.Not.Null, "the image must be refused");
        Assert.That(refused!.Reason, Does.Contain("50000×50000").And.Contain("over the budget of 100,000,000 pixels"));
        Assert.That(refused.Message, Does.Contain(name));
        Assert.That(allocated, Is.LessThan(AllocationBound), "managed bytes allocated while refusing");
    }
}
