using System.Globalization;

namespace DogClassifier.Benchmarks;

/// <summary>Small statistics over repeated measurements, and their printing.</summary>
internal static class Figures
{
    public static double Percentile(IReadOnlyList<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        var rank = fraction * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    /// <summary>"median (min–max)" of a few repeated figures.</summary>
    public static string Range(IReadOnlyList<double> values, string format = "0.0") =>
        values.Count == 1
            ? Format(values[0], format)
            : $"{Format(Percentile(values, 0.5), format)} " +
              $"({Format(values.Min(), format)}–{Format(values.Max(), format)})";

    public static string Format(double value, string format = "0.0") =>
        value.ToString(format, CultureInfo.InvariantCulture);

    public static void Heading(string text)
    {
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine(new string('-', text.Length));
    }

    public static void Line(string label, string value) => Console.WriteLine($"  {label,-58} {value}");
}
