namespace DogClassifier.Api;

/// <summary>Every message the service logs, each with its own event id. Image bytes are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information,
        "Predicted {Answer} (best {Label}, confidence {Confidence:0.000}) for {Input} in {Milliseconds:0.0} ms")]
    public static partial void Predicted(
        ILogger logger, string answer, string label, float confidence, string input, double milliseconds);

    [LoggerMessage(2, LogLevel.Warning, "Refused upload {Input} with {StatusCode}: {Reason}")]
    public static partial void UploadRefused(ILogger logger, string input, int statusCode, string reason);

    [LoggerMessage(3, LogLevel.Warning,
        "Model {Name} is not loaded at startup; /health and /predict answer 503 until it is: {Reason}")]
    public static partial void ModelNotLoadedAtStartup(ILogger logger, string name, string reason);
}
