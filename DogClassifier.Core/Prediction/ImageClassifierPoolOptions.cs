using DogClassifier.Featurization;

namespace DogClassifier.Prediction;

/// <summary>The models an <see cref="ImageClassifierPool"/> serves and how it reloads them.</summary>
public sealed class ImageClassifierPoolOptions
{
    /// <summary>The models, by name; names are compared ordinally. Default: none (at least one is needed).</summary>
    public IDictionary<string, PooledModelOptions> Models { get; } =
        new Dictionary<string, PooledModelOptions>(StringComparer.Ordinal);

    /// <summary>Where the network is and what it runs on. Default: <see cref="BackboneOptions.Default"/>.</summary>
    public BackboneOptions Backbone { get; set; } = BackboneOptions.Default;

    /// <summary>
    /// How long a watched file must stay quiet after a change before it is reloaded, so that a
    /// burst of writes causes one reload. Default: 500 ms.
    /// </summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often a watched file's size and time stamps are compared with those last loaded, for
    /// file systems whose changes the watcher misses. <see cref="TimeSpan.Zero"/> turns polling
    /// off. Default: 5 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many times a changed file that cannot be loaded (for example, still being written) is
    /// tried before the pool waits for the next change. The current model keeps serving
    /// meanwhile. Default: 5.
    /// </summary>
    public int ReloadAttempts { get; set; } = 5;

    /// <summary>
    /// The wait before the second attempt to load a changed file; it doubles for each later
    /// attempt, up to 30 seconds. Default: 250 ms.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Adds or replaces a named model.</summary>
    /// <param name="modelName">The name predictions ask for.</param>
    /// <param name="filePath">The model file.</param>
    /// <param name="watchForChanges">Whether the model is reloaded when the file changes.</param>
    /// <returns>These options, for chaining.</returns>
    public ImageClassifierPoolOptions AddModel(string modelName, string filePath, bool watchForChanges = false)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        Models[modelName] = new PooledModelOptions { FilePath = filePath, WatchForChanges = watchForChanges };
        return this;
    }

    /// <summary>Throws when a value is out of range, naming every bad value at once.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range.</exception>
    public void Validate() =>
        OptionsValidation.ThrowIfAny(nameof(ImageClassifierPoolOptions), Errors());

    /// <summary>Every invalid value, each described in a phrase.</summary>
    internal List<string> Errors()
    {
        var errors = new List<string>();
        if (Models.Count == 0)
        {
            errors.Add($"{nameof(Models)} must name at least one model");
        }

        foreach (var (name, model) in Models)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add($"{nameof(Models)} has a blank model name");
            }

            if (model is null || string.IsNullOrWhiteSpace(model.FilePath))
            {
                errors.Add($"the model '{name}' needs a {nameof(PooledModelOptions.FilePath)}");
            }
        }

        AddIfNegative(errors, nameof(ReloadDelay), ReloadDelay);
        AddIfNegative(errors, nameof(PollInterval), PollInterval);
        if (ReloadAttempts < 1)
        {
            errors.Add($"{nameof(ReloadAttempts)} must be at least 1 (was {ReloadAttempts})");
        }

        if (RetryDelay <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(RetryDelay)} must be positive (was {RetryDelay})");
        }

        if (Backbone is null)
        {
            errors.Add($"{nameof(Backbone)} must be set");
        }
        else
        {
            AddBackboneErrors(errors, Backbone);
        }

        return errors;
    }

    private static void AddIfNegative(List<string> errors, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"{name} must not be negative (was {value})");
        }
    }

    private static void AddBackboneErrors(List<string> errors, BackboneOptions backbone)
    {
        try
        {
            backbone.Validate();
        }
        catch (ArgumentException ex)
        {
            errors.Add(ex.Message.TrimEnd('.'));
        }
    }
}
