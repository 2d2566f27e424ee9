namespace DogClassifier.Training;

/// <summary>Feature vectors with the index of each one's class, as the head trainers take them.</summary>
/// <param name="Features">One vector per row.</param>
/// <param name="Labels">The class index of each row, in class-name order.</param>
internal sealed record LabeledFeatures(IReadOnlyList<float[]> Features, IReadOnlyList<int> Labels)
{
    public int Count => Features.Count;

    /// <summary>These rows followed by <paramref name="other"/>'s.</summary>
    public LabeledFeatures Concat(LabeledFeatures other) =>
        new([.. Features, .. other.Features], [.. Labels, .. other.Labels]);
}
