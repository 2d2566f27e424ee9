namespace DogClassifier.Prediction;

/// <summary>Where one named model of an <see cref="ImageClassifierPool"/> comes from.</summary>
public sealed class PooledModelOptions
{
    /// <summary>
    /// The model file, as written by <see cref="ImageClassifier.Save(string)"/>. It need not exist
    /// when the pool starts: using the model before it does throws, and the next use after it
    /// appears loads it (a watched file is loaded as soon as it appears, once the model has been
    /// asked for). Models must come from a trusted source. Default: empty (must be set).
    /// </summary>
    public string FilePath { get; set; } = string.Empty;

    /// <summary>
    /// Whether the model is reloaded when its file changes. Default: <c>false</c>.
    /// </summary>
    /// <remarks>
    /// Changes are noticed by a file-system watcher and, as a fallback for file systems that do
    /// not report changes (network shares, some container volumes), by polling every
    /// <see cref="ImageClassifierPoolOptions.PollInterval"/>. The new model is loaded beside the
    /// old one, which keeps serving until the swap and is released when its last prediction
    /// returns. Replace the file atomically (write a temporary file, then rename it over the
    /// model) where you can; a file still being written is retried
    /// <see cref="ImageClassifierPoolOptions.ReloadAttempts"/> times.
    /// </remarks>
    public bool WatchForChanges { get; set; }
}
