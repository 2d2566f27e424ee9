using System.Globalization;

namespace DogClassifier.Cli.Reporting;

/// <summary>Formats figures for the tables the same way in every culture.</summary>
internal static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A metric between 0 and 1 (or a log-loss) to four decimals; "n/a" when undefined.</summary>
    public static string Metric(double value) =>
        double.IsFinite(value) ? value.ToString("0.0000", Invariant) : "n/a";

    /// <summary>A count with thousands separators.</summary>
    public static string Count(int value) => value.ToString("#,0", Invariant);

    /// <summary>A duration in seconds to one decimal.</summary>
    public static string Seconds(TimeSpan value) =>
        value.TotalSeconds.ToString("0.0", Invariant) + " s";

    /// <summary>A model score as a percentage to one decimal.</summary>
    public static string Percent(double value) => (value * 100).ToString("0.0", Invariant) + " %";
}
