using System.Buffers.Binary;
using DogClassifier.Imaging;
using DogClassifier.Tests.Support;
using SkiaSharp;

namespace DogClassifier.Tests.Imaging;

/// <summary>Resizing in strips drawn in parallel gives exactly the pixels of resizing in one piece.</summary>
[TestFixture]
public sealed class SquareDecodingTests
{
    private static readonly byte[] Downscaled = TestImages.Encode(500, 333, new SKColor(30, 140, 90));
    private static readonly byte[] Upscaled =
        TestImages.Encode(100, 80, new SKColor(220, 60, 20), SKEncodedImageFormat.Png);

    [Test]
    public void DecodeToSquare_InStrips_EqualsOnePiece(
        [Values] ResizeMode mode, [Values] bool mirror, [Values(2, 3, 4)] int strips, [Values] bool downscaled)
    {
        var bytes = downscaled ? Downscaled : Upscaled;
        var options = new ImageOptions { ResizeMode = mode, BackgroundRgb = 0x3366CC };
        var expected = Decode(bytes, options, mirror, strips: 1);

        var actual = Decode(bytes, options, mirror, strips);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCase((ushort)3)]
    [TestCase((ushort)6)]
    [TestCase((ushort)8)]
    public void DecodeToSquare_RotatedJpegInStrips_EqualsOnePiece(ushort orientation)
    {
        var bytes = WithOrientation(Downscaled, orientation);
        var expected = Decode(bytes, ImageOptions.Default, mirror: false, strips: 1);

        var actual = Decode(bytes, ImageOptions.Default, mirror: false, strips: 2);

        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(actual, Is.Not.EqualTo(Decode(Downscaled, ImageOptions.Default, mirror: false, strips: 1)),
            "the orientation tag should be applied");
    }

    private static byte[] Decode(byte[] bytes, ImageOptions options, bool mirror, int strips)
    {
        using var square = ImageDecoder.CreateSquare();
        ImageDecoder.DecodeToSquare(bytes, "drawn", options, square, mirror, strips);
        return square.GetPixelSpan().ToArray();
    }

    /// <summary>Inserts an EXIF segment holding only an orientation tag after the JPEG's start marker.</summary>
    private static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        var exif = new byte[2 + 2 + 6 + 8 + 2 + 12 + 4];
        exif[0] = 0xFF;
        exif[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(exif.AsSpan(2), (ushort)(exif.Length - 2));
        "Exif\0\0"u8.CopyTo(exif.AsSpan(4));
        var tiff = exif.AsSpan(10);
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff[4..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff[8..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff[10..], 0x0112);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff[12..], 3);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff[14..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff[18..], orientation);
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }
}
