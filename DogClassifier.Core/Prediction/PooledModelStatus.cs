namespace DogClassifier.Prediction;

/// <summary>Where a named model of a pool stands.</summary>
/// <param name="Name">The name predictions ask for.</param>
/// <param name="FilePath">The model file's full path.</param>
/// <param name="WatchForChanges">Whether the model is reloaded when the file changes.</param>
/// <param name="Model">The version now serving, or <c>null</c> when none has been loaded yet.</param>
/// <param name="LastError">Why the last load failed, or <c>null</c> when it succeeded.</param>
public sealed record PooledModelStatus(
    string Name, string FilePath, bool WatchForChanges, PooledModelInfo? Model, string? LastError)
{
    /// <summary>Whether a version is loaded and serving.</summary>
    public bool IsLoaded => Model is not null;
}

/// <summary>The loaded version of a pooled model.</summary>
/// <param name="Version">1 for the first load, counting up with every reload.</param>
/// <param name="LoadedAt">When this version was loaded.</param>
/// <param name="ClassNames">The classes, in the order of the model's scores.</param>
/// <param name="PositiveClass">The positive class of a binary question, or <c>null</c>.</param>
/// <param name="Head">A short description of the trained head.</param>
/// <param name="Sha256">SHA-256 of the model file's bytes, in hex.</param>
public sealed record PooledModelInfo(
    int Version, DateTimeOffset LoadedAt, IReadOnlyList<string> ClassNames, string? PositiveClass,
    string Head, string Sha256);
