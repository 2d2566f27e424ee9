using SkiaSharp;

namespace DogClassifier.Tests.Support;

/// <summary>
/// A dataset a network tells apart at a glance: a red class and a blue class of drawn images,
/// optionally salted with one file of every bad kind.
/// </summary>
internal static class DrawnDataset
{
    public const string Red = "red";
    public const string Blue = "blue";

    /// <summary>A red-class image, varied by <paramref name="i"/> so that no two files are identical.</summary>
    public static byte[] RedImage(int i) =>
        TestImages.Encode(64 + i, 48 + (i % 5), new SKColor((byte)(200 + (i % 40)), (byte)(20 + i), 30));

    /// <summary>A blue-class image, varied by <paramref name="i"/> so that no two files are identical.</summary>
    public static byte[] BlueImage(int i) =>
        TestImages.Encode(64 + i, 48 + (i % 5), new SKColor(30, (byte)(40 + i), (byte)(200 + (i % 40))));

    /// <summary>Writes <paramref name="perClass"/> images into each of the two class folders.</summary>
    public static void Write(string root, int perClass, params string[] classes)
    {
        classes = classes.Length == 0 ? [Red, Blue] : classes;
        foreach (var className in classes)
        {
            var folder = Path.Combine(root, className);
            Directory.CreateDirectory(folder);
            for (int i = 0; i < perClass; i++)
            {
                var bytes = className == Red ? RedImage(i) : BlueImage(i);
                File.WriteAllBytes(Path.Combine(folder, $"{className}-{i:00}.jpg"), bytes);
            }
        }
    }

    /// <summary>Writes one file of every bad kind, alternating between the class folders.</summary>
    /// <returns>Each written file's full path with its kind.</returns>
    public static List<(string Path, BadImage Bad)> Salt(string root, params string[] classes)
    {
        classes = classes.Length == 0 ? [Red, Blue] : classes;
        var written = new List<(string, BadImage)>();
        for (int k = 0; k < BadImages.All.Count; k++)
        {
            var bad = BadImages.All[k];
            var folder = Path.Combine(root, classes[k % classes.Length]);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"bad-{bad.Kind}-{bad.FileName}");
            File.WriteAllBytes(path, bad.Bytes);
            written.Add((path, bad));
        }

        return written;
    }
}
