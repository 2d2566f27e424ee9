using DogClassifier.Imaging;
using DogClassifier.Tests.Support;
using DogClassifier.Tests.Support.Encoders;
using SkiaSharp;

namespace DogClassifier.Tests.Imaging;

/// <summary>
/// The EXIF orientation tag is applied for all eight values: a JPEG stores a known quadrant
/// pattern, the tag says how to turn it, and the tensor must hold the upright pattern.
/// </summary>
[TestFixture]
public sealed class ImageDecoderOrientationTests
{
    [TestCase(1, Description = "as stored")]
    [TestCase(2, Description = "mirrored left to right")]
    [TestCase(3, Description = "rotated 180°")]
    [TestCase(4, Description = "mirrored top to bottom")]
    [TestCase(5, Description = "mirrored about the main diagonal")]
    [TestCase(6, Description = "rotated 90° clockwise")]
    [TestCase(7, Description = "mirrored about the other diagonal")]
    [TestCase(8, Description = "rotated 90° anticlockwise")]
    public void DecodeToTensor_ExifOrientation_ShowsTheUprightImage(int orientation)
    {
        using var folder = new TempFolder();
        using var stored = ImageDecoderFormatTests.DrawQuadrants(96, 64);
        using var data = stored.Encode(SKEncodedImageFormat.Jpeg, 95);
        var path = folder.Combine($"orientation-{orientation}.jpg");
        File.WriteAllBytes(path, JpegExif.WithOrientation(data.ToArray(), orientation));
        var expected = Upright(orientation, Quadrants.Colors);

        var tensor = Quadrants.DecodeFile(path);

        Quadrants.AssertColors(tensor, expected, 12);
    }

    [Test]
    public void DecodeToTensor_OrientationTagInserted_IsReadByTheCodec()
    {
        using var stored = ImageDecoderFormatTests.DrawQuadrants(96, 64);
        using var data = stored.Encode(SKEncodedImageFormat.Jpeg, 95);

        using var codec = SKCodec.Create(new SKMemoryStream(JpegExif.WithOrientation(data.ToArray(), 6)));

        Assert.That(codec.EncodedOrigin, Is.EqualTo(SKEncodedOrigin.RightTop));
    }

    /// <summary>
    /// The upright quadrants for an orientation value, from the EXIF definition of each value as
    /// an operation on the stored picture, applied to a 2 × 2 grid.
    /// </summary>
    private static SKColor[] Upright(int orientation, SKColor[] stored)
    {
        var grid = new[,] { { stored[0], stored[1] }, { stored[2], stored[3] } };
        grid = orientation switch
        {
            1 => grid,
            2 => MirrorLeftRight(grid),
            3 => RotateClockwise(RotateClockwise(grid)),
            4 => MirrorTopBottom(grid),
            5 => Transpose(grid),
            6 => RotateClockwise(grid),
            7 => RotateClockwise(RotateClockwise(Transpose(grid))),
            8 => RotateClockwise(RotateClockwise(RotateClockwise(grid))),
            _ => throw new ArgumentOutOfRangeException(nameof(orientation)),
        };
        return [grid[0, 0], grid[0, 1], grid[1, 0], grid[1, 1]];
    }

    private static SKColor[,] MirrorLeftRight(SKColor[,] g) => new[,] { { g[0, 1], g[0, 0] }, { g[1, 1], g[1, 0] } };

    private static SKColor[,] MirrorTopBottom(SKColor[,] g) => new[,] { { g[1, 0], g[1, 1] }, { g[0, 0], g[0, 1] } };

    private static SKColor[,] Transpose(SKColor[,] g) => new[,] { { g[0, 0], g[1, 0] }, { g[0, 1], g[1, 1] } };

    /// <summary>Turns the grid a quarter clockwise: the left column becomes the top row, read upwards.</summary>
    private static SKColor[,] RotateClockwise(SKColor[,] g) => new[,] { { g[1, 0], g[0, 0] }, { g[1, 1], g[0, 1] } };
}
