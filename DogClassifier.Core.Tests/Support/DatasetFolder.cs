using SkiaSharp;

namespace DogClassifier.Tests.Support;

/// <summary>Builds dataset folders of small drawn images, every file with different bytes.</summary>
internal static class DatasetFolder
{
    private static int _next;

    /// <summary>Writes a JPEG whose colour no other file written here shares, and returns its path.</summary>
    public static string WriteImage(string folder, string name)
    {
        var i = Interlocked.Increment(ref _next);
        var color = new SKColor((byte)(i * 37), (byte)(i * 91), (byte)(i * 53));
        return TestImages.Write(folder, name, color);
    }

    /// <summary>Writes <paramref name="count"/> distinct images named <c>prefix-N.jpg</c>.</summary>
    public static List<string> WriteImages(string folder, int count, string prefix = "image") =>
        [.. Enumerable.Range(1, count).Select(n => WriteImage(folder, $"{prefix}-{n}.jpg"))];
}
