using DogClassifier.Featurization;
using DogClassifier.Imaging;

namespace DogClassifier.Training;

/// <summary>How a classifier is trained. Every default works on a few thousand ordinary photos.</summary>
public sealed record TrainingOptions
{
    /// <summary>The default settings.</summary>
    public static TrainingOptions Default { get; } = new();

    /// <summary>How images are decoded and resized; stored in the model. Default: <see cref="ImageOptions.Default"/>.</summary>
    public ImageOptions Image { get; init; } = ImageOptions.Default;

    /// <summary>Where the network is and what it runs on. Default: <see cref="BackboneOptions.Default"/>.</summary>
    public BackboneOptions Backbone { get; init; } = BackboneOptions.Default;

    /// <summary>
    /// The folder of the persistent feature cache. Default: <c>null</c>, meaning
    /// <c>DogClassifier/features</c> under the user's cache folder (<c>$XDG_CACHE_HOME</c>, else
    /// <c>~/.cache</c>; on Windows the local application-data folder).
    /// </summary>
    public string? FeatureCacheDirectory { get; init; }

    /// <summary>Whether features are cached between runs. Default: <c>true</c>.</summary>
    public bool UseFeatureCache { get; init; } = true;

    /// <summary>
    /// The L2 regularisation strengths tried for the head; the one with the lowest validation
    /// log-loss is kept. Default: 0.01, 0.1, 1, 10.
    /// </summary>
    public IReadOnlyList<float> L2Candidates { get; init; } = [0.01f, 0.1f, 1f, 10f];

    /// <summary>The seed of every random choice in training. Default: 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws when a value is out of range, naming every bad value at once.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Image is null)
        {
            errors.Add($"{nameof(Image)} must be set");
        }

        if (Backbone is null)
        {
            errors.Add($"{nameof(Backbone)} must be set");
        }

        if (L2Candidates is null || L2Candidates.Count == 0 || L2Candidates.Any(l => !(l >= 0) || float.IsInfinity(l)))
        {
            errors.Add($"{nameof(L2Candidates)} must hold at least one finite value of 0 or more");
        }

        OptionsValidation.ThrowIfAny(nameof(TrainingOptions), errors);
        Image?.Validate();
        Backbone?.Validate();
    }

    internal string ResolveCacheDirectory()
    {
        if (FeatureCacheDirectory is { } directory)
        {
            return directory;
        }

        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root))
        {
            root = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(root, "DogClassifier", "features");
    }
}
