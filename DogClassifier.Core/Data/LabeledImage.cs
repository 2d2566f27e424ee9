namespace DogClassifier.Data;

/// <summary>One image file and the class it belongs to.</summary>
/// <param name="Path">The image file's full path.</param>
/// <param name="Label">The class the model learns for it (after any binary fold).</param>
/// <param name="SourceClass">The name of the class folder it was found in.</param>
/// <param name="ContentHash">SHA-256 of the file's bytes in hex, when the dataset computed it.</param>
public sealed record LabeledImage(string Path, string Label, string SourceClass, string? ContentHash = null);
