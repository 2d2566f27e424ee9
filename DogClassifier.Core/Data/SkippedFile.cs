namespace DogClassifier.Data;

/// <summary>A file that was found but not used, and why.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Reason">Why it was not used, in words.</param>
public sealed record SkippedFile(string Path, string Reason);
