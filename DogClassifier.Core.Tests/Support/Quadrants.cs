using DogClassifier.Imaging;
using SkiaSharp;

namespace DogClassifier.Tests.Support;

/// <summary>
/// An image split into four coloured quadrants, and the colours read back from the quadrant
/// centres of a decoded input tensor: enough to tell every flip and rotation apart.
/// </summary>
internal static class Quadrants
{
    /// <summary>Top-left, top-right, bottom-left, bottom-right.</summary>
    public static readonly SKColor[] Colors =
    [
        new(220, 30, 30), new(30, 200, 40), new(40, 60, 220), new(240, 220, 40),
    ];

    /// <summary>The colour of pixel (<paramref name="x"/>, <paramref name="y"/>) in a width × height image.</summary>
    public static SKColor At(int x, int y, int width, int height, IReadOnlyList<SKColor>? colors = null) =>
        (colors ?? Colors)[(y >= height / 2 ? 2 : 0) + (x >= width / 2 ? 1 : 0)];

    /// <summary>Channel 0, 1 or 2 (red, green, blue) of a colour.</summary>
    public static byte Channel(SKColor color, int channel) =>
        channel switch { 0 => color.Red, 1 => color.Green, _ => color.Blue };

    /// <summary>Decodes a file through the shared path (read, check, decode) into a new tensor.</summary>
    public static float[] DecodeFile(string path, ImageOptions? options = null)
    {
        options ??= ImageOptions.Default;
        var tensor = new float[ImageDecoder.TensorLength];
        ImageDecoder.DecodeToTensor(ImageDecoder.ReadFile(path, options), path, options, tensor);
        return tensor;
    }

    /// <summary>The tensor's colour at (<paramref name="x"/>, <paramref name="y"/>) of the 224² input.</summary>
    public static (float R, float G, float B) Pixel(float[] tensor, int x, int y)
    {
        const int plane = ImageDecoder.InputSize * ImageDecoder.InputSize;
        var i = (y * ImageDecoder.InputSize) + x;
        return (tensor[i], tensor[plane + i], tensor[(2 * plane) + i]);
    }

    /// <summary>The colours at the four quadrant centres, in the order of <see cref="Colors"/>.</summary>
    public static (float R, float G, float B)[] Read(float[] tensor)
    {
        const int low = ImageDecoder.InputSize / 4;
        const int high = 3 * ImageDecoder.InputSize / 4;
        return [Pixel(tensor, low, low), Pixel(tensor, high, low), Pixel(tensor, low, high), Pixel(tensor, high, high)];
    }

    /// <summary>Asserts that each quadrant centre is within <paramref name="tolerance"/> of its colour.</summary>
    public static void AssertColors(float[] tensor, IReadOnlyList<SKColor> expected, float tolerance)
    {
        var actual = Read(tensor);
        Assert.Multiple(() =>
        {
            for (int q = 0; q < 4; q++)
            {
                AssertPixel(actual[q], expected[q], tolerance, $"quadrant {q}");
            }
        });
    }

    public static void AssertPixel((float R, float G, float B) actual, SKColor expected, float tolerance, string where)
    {
        var message = $"{where}: expected {Describe(expected)}, got ({actual.R:0}, {actual.G:0}, {actual.B:0})";
        Assert.That(actual.R, Is.EqualTo((float)expected.Red).Within(tolerance), message);
        Assert.That(actual.G, Is.EqualTo((float)expected.Green).Within(tolerance), message);
        Assert.That(actual.B, Is.EqualTo((float)expected.Blue).Within(tolerance), message);
    }

    private static string Describe(SKColor c) => $"({c.Red}, {c.Green}, {c.Blue})";
}
