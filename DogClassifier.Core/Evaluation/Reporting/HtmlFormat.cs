using System.Globalization;
using System.Net;

namespace DogClassifier.Evaluation.Reporting;

/// <summary>Formatting shared by the report's parts: every number invariant, every text encoded.</summary>
internal static class HtmlFormat
{
    /// <summary>Text made safe for HTML content and attribute values.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A share as a percentage with two decimals, e.g. <c>97.52 %</c>; a dash for NaN.</summary>
    public static string Percent(double share) =>
        double.IsFinite(share) ? (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "–";

    /// <summary>A number with four decimals, e.g. <c>0.0734</c>; a dash when not a number.</summary>
    public static string Fixed4(double value) =>
        double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    /// <summary>A threshold or bin edge, e.g. <c>0.95</c>.</summary>
    public static string Short(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The file's name with its folder's, e.g. <c>dog/1234.jpg</c>: enough to find it, without
    /// showing the full path.
    /// </summary>
    public static string ShortPath(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "(unnamed)";
        }

        var folder = Path.GetFileName(Path.GetDirectoryName(path));
        var name = Path.GetFileName(path);
        return string.IsNullOrEmpty(folder) ? name : $"{folder}/{name}";
    }
}
