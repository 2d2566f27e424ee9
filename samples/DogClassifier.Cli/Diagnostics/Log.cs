using Microsoft.Extensions.Logging;

namespace DogClassifier.Cli.Diagnostics;

/// <summary>The console application's log messages, each with its own event id.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Debug, "Data folder {Folder} ({Source})")]
    public static partial void DataFolderResolved(ILogger logger, string folder, string source);

    [LoggerMessage(1002, LogLevel.Debug,
        "Training on {Folder}: positive class {Positive}, seed {Seed}, feature cache {Cache}")]
    public static partial void TrainingStarted(
        ILogger logger, string folder, string positive, int seed, string cache);

    [LoggerMessage(1003, LogLevel.Information, "Wrote the JSON report to {Path}")]
    public static partial void ReportWritten(ILogger logger, string path);

    [LoggerMessage(1004, LogLevel.Warning, "Could not classify {Path}: {Reason}")]
    public static partial void ImageRefused(ILogger logger, string path, string reason);

    [LoggerMessage(1005, LogLevel.Debug, "The command was refused: {Reason}")]
    public static partial void InputRefused(ILogger logger, string reason);

    [LoggerMessage(1006, LogLevel.Error, "The command failed")]
    public static partial void CommandFailed(ILogger logger, Exception exception);

    [LoggerMessage(1007, LogLevel.Debug, "Evaluating {Model} on {Folder}")]
    public static partial void EvaluationStarted(ILogger logger, string model, string folder);

    [LoggerMessage(1008, LogLevel.Information, "Wrote the HTML report to {Path}")]
    public static partial void HtmlReportWritten(ILogger logger, string path);
}
