using Microsoft.Extensions.Logging;

namespace DogClassifier.Diagnostics;

/// <summary>Every message the library logs, each with its own event id.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Loaded dataset {Root}: {Count} images ({Counts}); {Ignored} files ignored")]
    public static partial void DatasetLoaded(ILogger logger, string root, int count, string counts, int ignored);

    [LoggerMessage(2, LogLevel.Debug, "Ignored {Path}: {Reason}")]
    public static partial void FileIgnored(ILogger logger, string path, string reason);

    [LoggerMessage(3, LogLevel.Warning, "The class folder {ClassName} ({Path}) holds no images")]
    public static partial void EmptyClassFolder(ILogger logger, string className, string path);

    [LoggerMessage(4, LogLevel.Warning, "{Count} byte-identical files, kept on one side of the split: {Paths}")]
    public static partial void DuplicateFiles(ILogger logger, int count, string paths);

    [LoggerMessage(5, LogLevel.Warning, "Classes are imbalanced: the largest is {Ratio:0.0} times the smallest ({Counts})")]
    public static partial void ClassImbalance(ILogger logger, double ratio, string counts);

    [LoggerMessage(30, LogLevel.Warning, "{Count} byte-identical files carry different labels ({Labels}), kept on one side of the split: {Paths}")]
    public static partial void DuplicateLabelsConflict(ILogger logger, int count, string labels, string paths);

    [LoggerMessage(10, LogLevel.Information, "Loaded ResNet-18 from {Directory} on {Device} (network {Hash})")]
    public static partial void BackboneLoaded(ILogger logger, string directory, string device, string hash);

    [LoggerMessage(11, LogLevel.Warning, "CUDA device {DeviceId} is unavailable, running on the CPU: {Reason}")]
    public static partial void GpuUnavailable(ILogger logger, int deviceId, string reason);

    [LoggerMessage(12, LogLevel.Warning, "Skipped image {Path}: {Reason}")]
    public static partial void ImageSkipped(ILogger logger, string path, string reason);

    [LoggerMessage(13, LogLevel.Warning, "Rebuilding feature-cache entry {Path}: {Reason}")]
    public static partial void CacheEntryRejected(ILogger logger, string path, string reason);

    [LoggerMessage(14, LogLevel.Warning, "Could not write feature-cache entry {Path}: {Reason}")]
    public static partial void CacheWriteFailed(ILogger logger, string path, string reason);

    [LoggerMessage(15, LogLevel.Warning, "The feature cache at {Path} cannot be used, continuing without it: {Reason}")]
    public static partial void CacheUnavailable(ILogger logger, string path, string reason);

    [LoggerMessage(16, LogLevel.Information, "Featurized {Set} set: {Count} images in {Seconds:0.0} s ({PerSecond:0.0}/s), {CacheHits} from the cache, {Skipped} skipped")]
    public static partial void SetFeaturized(ILogger logger, string set, int count, double seconds, double perSecond, int cacheHits, int skipped);

    [LoggerMessage(20, LogLevel.Debug, "Head candidate {Name}: validation accuracy {Accuracy:0.0000}, log-loss {LogLoss:0.0000}, {Seconds:0.00} s")]
    public static partial void CandidateScored(ILogger logger, string name, double accuracy, double logLoss, double seconds);

    [LoggerMessage(21, LogLevel.Information, "Trained {Classes} classes with {Head}: validation accuracy {Validation:0.0000}, test accuracy {Test:0.0000}, in {Seconds:0.0} s")]
    public static partial void Trained(ILogger logger, string classes, string head, double validation, double test, double seconds);

    [LoggerMessage(22, LogLevel.Information, "Evaluated {Count} images: accuracy {Accuracy:0.0000}, macro accuracy {Macro:0.0000}, log-loss {LogLoss:0.0000}")]
    public static partial void Evaluated(ILogger logger, int count, double accuracy, double macro, double logLoss);

    [LoggerMessage(23, LogLevel.Information, "Saved model to {Path} ({Bytes} bytes)")]
    public static partial void ModelSaved(ILogger logger, string path, long bytes);

    [LoggerMessage(24, LogLevel.Information, "Loaded model {Path}: classes {Classes}")]
    public static partial void ModelLoaded(ILogger logger, string path, string classes);

    [LoggerMessage(25, LogLevel.Error, "Training failed after {Seconds:0.0} s")]
    public static partial void TrainingFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(60, LogLevel.Information, "Loaded model {Name} version {Version} from {Path} in {Milliseconds:0} ms ({Trigger})")]
    public static partial void PooledModelLoaded(ILogger logger, string name, int version, string path, double milliseconds, string trigger);

    [LoggerMessage(61, LogLevel.Warning, "Reloading model {Name} from {Path} failed (attempt {Attempt} of {Attempts}), still serving {Serving}; retrying in {RetryMilliseconds:0} ms: {Reason}")]
    public static partial void PooledModelReloadFailed(ILogger logger, string name, string path, int attempt, int attempts, string serving, double retryMilliseconds, string reason);

    [LoggerMessage(62, LogLevel.Error, "Gave up reloading model {Name} from {Path} after {Attempts} attempts in {Seconds:0.0} s, still serving {Serving}; the next change of the file is tried again: {Reason}")]
    public static partial void PooledModelReloadAbandoned(ILogger logger, string name, string path, int attempts, double seconds, string serving, string reason);

    [LoggerMessage(63, LogLevel.Debug, "Model file {Path} changed ({Trigger})")]
    public static partial void ModelFileChanged(ILogger logger, string path, string trigger);

    [LoggerMessage(64, LogLevel.Debug, "Model file {Path} has the content of version {Version} of model {Name}; nothing to reload")]
    public static partial void ModelFileUnchanged(ILogger logger, string path, string name, int version);

    [LoggerMessage(65, LogLevel.Warning, "Cannot watch {Path} for changes ({Reason}); polling every {Seconds:0.#} s instead")]
    public static partial void ModelFileWatchUnavailable(ILogger logger, string path, string reason, double seconds);

    [LoggerMessage(66, LogLevel.Debug, "Released version {Version} of model {Name} after its last use")]
    public static partial void PooledModelReleased(ILogger logger, string name, int version);

    [LoggerMessage(70, LogLevel.Information, "The split has no validation images: held out {Count} of {Total} training images ({Fraction:0.00} of each class)")]
    public static partial void ValidationHeldOut(ILogger logger, int count, int total, double fraction);

    [LoggerMessage(71, LogLevel.Information, "Skipped head candidate {Name}: the {Budget:0.0} s head-search budget was spent")]
    public static partial void CandidateSkipped(ILogger logger, string name, double budget);

    [LoggerMessage(72, LogLevel.Trace, "Epoch {Epoch}: train accuracy {TrainAccuracy:0.0000}, cross-entropy {TrainLoss:0.0000}; validation accuracy {ValidationAccuracy:0.0000}, cross-entropy {ValidationLoss:0.0000}")]
    public static partial void EpochCompleted(ILogger logger, int epoch, double trainAccuracy, double trainLoss, double validationAccuracy, double validationLoss);
}
