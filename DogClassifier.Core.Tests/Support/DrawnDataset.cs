using SkiaSharp;

namespace DogClassifier.Tests.Support;

/// <summary>A small folder of drawn images in two classes that differ by colour.</summary>
internal static class DrawnDataset
{
    public static void Write(string root, int perClass = 12)
    {
        var random = new Random(5);
        foreach (var (name, hue) in new[] { ("red", 0f), ("blue", 230f) })
        {
            for (int i = 0; i < perClass; i++)
            {
                var color = SKColor.FromHsv(hue + random.Next(-10, 10), 70 + random.Next(30), 60 + random.Next(40));
                TestImages.Write(Path.Combine(root, name), $"{name}-{i:00}.jpg", color, 48 + random.Next(64), 48 + random.Next(64));
            }
        }
    }
}
