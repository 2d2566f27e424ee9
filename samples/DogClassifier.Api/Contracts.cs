using System.Text.Json.Serialization;
using DogClassifier.Prediction;

namespace DogClassifier.Api;

/// <summary>The answer to <c>POST /predict</c>.</summary>
/// <param name="Input">The uploaded file's name, without any folder.</param>
/// <param name="Output">What the model says.</param>
public sealed record PredictionResponse(string Input, PredictionOutput Output)
{
    internal static PredictionResponse From(string input, ImagePrediction prediction) =>
        new(input, prediction.IsUnsure
            ? new PredictionOutput(PredictionOutput.Unsure, prediction.Confidence, prediction.Scores)
            {
                Best = prediction.Label,
            }
            : new PredictionOutput(prediction.Label, prediction.Confidence, prediction.Scores));
}

/// <summary>The model's verdict on one image.</summary>
/// <param name="Class">
/// The class with the highest score, or <c>"unsure"</c> when that score is below the configured
/// confidence threshold.
/// </param>
/// <param name="Confidence">The best class's score, between 0 and 1.</param>
/// <param name="Scores">Every class's score, keyed by class name; they sum to one.</param>
public sealed record PredictionOutput(
    [property: JsonPropertyName("class")] string Class,
    float Confidence,
    IReadOnlyDictionary<string, float> Scores)
{
    /// <summary>The class answered when the best score is below the confidence threshold.</summary>
    public const string Unsure = "unsure";

    /// <summary>
    /// The class with the highest score when <see cref="Class"/> is <c>"unsure"</c>; absent otherwise.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Best { get; init; }
}

/// <summary>The answer to <c>GET /health</c>: whether a model is loaded, and which.</summary>
/// <param name="Loaded">Whether a model is loaded and serving.</param>
/// <param name="Model">The name the model is served under.</param>
/// <param name="Path">The model file.</param>
/// <param name="Classes">The model's classes, or <c>null</c> when none is loaded.</param>
/// <param name="Version">1 for the first load, counting up with every reload; <c>null</c> when none is loaded.</param>
/// <param name="LoadedAt">When the serving version was loaded.</param>
/// <param name="Error">Why the last load failed, if it did.</param>
public sealed record HealthResponse(
    bool Loaded, string Model, string Path, IReadOnlyList<string>? Classes, int? Version,
    DateTimeOffset? LoadedAt, string? Error)
{
    internal static HealthResponse From(PooledModelStatus status) => new(
        status.IsLoaded, status.Name, status.FilePath, status.Model?.ClassNames, status.Model?.Version,
        status.Model?.LoadedAt, status.LastError);
}
