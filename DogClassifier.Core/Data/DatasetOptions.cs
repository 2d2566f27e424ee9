namespace DogClassifier.Data;

/// <summary>How a folder of labelled images is read.</summary>
public sealed record DatasetOptions
{
    /// <summary>The default settings: every class folder is its own class.</summary>
    public static DatasetOptions Default { get; } = new();

    /// <summary>
    /// When set, folds the classes into a binary question: this class folder against every other
    /// one, which is labelled <see cref="NegativeClass"/>. Default: <c>null</c> (no fold).
    /// </summary>
    public string? PositiveClass { get; init; }

    /// <summary>
    /// The label of every image outside <see cref="PositiveClass"/> in a binary fold.
    /// Default: <c>not-</c> followed by the positive class, e.g. <c>not-dog</c>.
    /// </summary>
    public string? NegativeClass { get; init; }

    /// <summary>
    /// The file extensions read as images, compared without regard to case.
    /// Default: .jpg, .jpeg, .png, .gif, .bmp, .webp.
    /// </summary>
    public IReadOnlyCollection<string> Extensions { get; init; } =
        [".jpg", ".jpeg", ".jpe", ".png", ".gif", ".bmp", ".webp"];

    /// <summary>Whether to hash every file's bytes to find duplicates. Default: <c>true</c>.</summary>
    public bool ComputeContentHashes { get; init; } = true;

    internal string ResolveNegativeClass() => NegativeClass ?? $"not-{PositiveClass}";

    /// <summary>Throws when a value is out of range, naming every bad value at once.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (PositiveClass is { } positive && string.IsNullOrWhiteSpace(positive))
        {
            errors.Add($"{nameof(PositiveClass)} must not be blank");
        }

        if (PositiveClass is not null && string.Equals(PositiveClass, ResolveNegativeClass(), StringComparison.Ordinal))
        {
            errors.Add($"{nameof(NegativeClass)} must differ from {nameof(PositiveClass)}");
        }

        if (Extensions is null || Extensions.Count == 0)
        {
            errors.Add($"{nameof(Extensions)} must name at least one extension");
        }

        OptionsValidation.ThrowIfAny(nameof(DatasetOptions), errors);
    }
}
