using DogClassifier.Prediction;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds models to the <see cref="ImageClassifierPool"/> registered in a service collection.</summary>
public sealed class ImageClassifierPoolBuilder
{
    internal ImageClassifierPoolBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the pool is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Serves the model in a file under <see cref="ImageClassifierPool.DefaultModelName"/>.</summary>
    /// <param name="filePath">The model file. Models must come from a trusted source.</param>
    /// <param name="watchForChanges">Whether the model is reloaded when the file changes.</param>
    /// <returns>This builder, for chaining.</returns>
    public ImageClassifierPoolBuilder FromFile(string filePath, bool watchForChanges = false) =>
        FromFile(ImageClassifierPool.DefaultModelName, filePath, watchForChanges);

    /// <summary>Serves the model in a file under a name.</summary>
    /// <param name="modelName">The name predictions ask for.</param>
    /// <param name="filePath">The model file. Models must come from a trusted source.</param>
    /// <param name="watchForChanges">Whether the model is reloaded when the file changes.</param>
    /// <returns>This builder, for chaining.</returns>
    public ImageClassifierPoolBuilder FromFile(string modelName, string filePath, bool watchForChanges = false)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        return Configure(options => options.AddModel(modelName, filePath, watchForChanges));
    }

    /// <summary>Changes the pool's settings, such as the reload delay or the network's device.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder, for chaining.</returns>
    public ImageClassifierPoolBuilder Configure(Action<ImageClassifierPoolOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
