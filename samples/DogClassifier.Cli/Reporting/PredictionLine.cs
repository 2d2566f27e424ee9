using System.Globalization;
using System.Text.Json;

namespace DogClassifier.Cli.Reporting;

/// <summary>
/// The one JSON line <c>predict</c> prints per image:
/// <c>{"input": "dog.jpg", "output": {"class": "dog", "confidence": 0.9412}}</c>; for an answer
/// below the confidence threshold
/// <c>{"input": "odd.jpg", "output": {"class": "unsure", "confidence": 0.61, "best": "dog"}}</c>;
/// or <c>{"input": "bad.jpg", "error": "the file is empty"}</c>.
/// </summary>
internal static class PredictionLine
{
    /// <summary>Decimals kept of a confidence: enough to tell 0.9999 from 1.</summary>
    public const int ConfidenceDecimals = 4;

    /// <summary>A classified image.</summary>
    /// <param name="input">The image's file name, without its folder.</param>
    /// <param name="label">The predicted class.</param>
    /// <param name="confidence">The predicted class's score, between 0 and 1.</param>
    public static string Success(string input, string label, double confidence) =>
        $"{{\"input\": {Quote(input)}, \"output\": {{\"class\": {Quote(label)}, " +
        $"\"confidence\": {Round(confidence)}}}}}";

    /// <summary>The class printed for an answer below the confidence threshold.</summary>
    public const string UnsureClass = "unsure";

    /// <summary>A classified image whose best score fell below the confidence threshold.</summary>
    /// <param name="input">The image's file name, without its folder.</param>
    /// <param name="best">The class with the highest score.</param>
    /// <param name="confidence">That class's score, between 0 and 1.</param>
    public static string Unsure(string input, string best, double confidence) =>
        $"{{\"input\": {Quote(input)}, \"output\": {{\"class\": {Quote(UnsureClass)}, " +
        $"\"confidence\": {Round(confidence)}, \"best\": {Quote(best)}}}}}";

    /// <summary>An image that could not be classified.</summary>
    /// <param name="input">The image's file name, without its folder.</param>
    /// <param name="reason">Why it could not be used.</param>
    public static string Failure(string input, string reason) =>
        $"{{\"input\": {Quote(input)}, \"error\": {Quote(reason)}}}";

    /// <summary>The confidence as printed: rounded, in invariant notation, never in exponent form.</summary>
    public static string Round(double confidence) =>
        Math.Round(confidence, ConfidenceDecimals, MidpointRounding.AwayFromZero)
            .ToString("0.####", CultureInfo.InvariantCulture);

    private static string Quote(string text) => JsonSerializer.Serialize(text, JsonReportWriter.Options);
}
