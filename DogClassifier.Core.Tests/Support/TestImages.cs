using SkiaSharp;

namespace DogClassifier.Tests.Support;

/// <summary>Draws and encodes images for tests that need no photos.</summary>
internal static class TestImages
{
    /// <summary>Encodes a solid image of the given colour, with a few shapes so it is not flat.</summary>
    public static byte[] Encode(int width, int height, SKColor color, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg, int quality = 90)
    {
        using var bitmap = Draw(width, height, color);
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>Draws a background colour with a contrasting circle and stripe.</summary>
    public static SKBitmap Draw(int width, int height, SKColor color)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(color);
        using var paint = new SKPaint { Color = new SKColor((byte)(255 - color.Red), (byte)(255 - color.Green), (byte)(255 - color.Blue)) };
        canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, paint);
        canvas.DrawRect(0, 0, width, height / 8f, paint);
        return bitmap;
    }

    /// <summary>Writes an image file under <paramref name="folder"/>, creating the folder.</summary>
    public static string Write(string folder, string name, SKColor color, int width = 64, int height = 48,
        SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, Encode(width, height, color, format));
        return path;
    }
}
