using DogClassifier.Prediction;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an <see cref="ImageClassifierPool"/> in a service collection.</summary>
public static class ImageClassifierPoolServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="ImageClassifierPool"/>, configured by
    /// <see cref="ImageClassifierPoolOptions"/>, whose values are checked when the host starts.
    /// Add its models with <see cref="ImageClassifierPoolBuilder.FromFile(string, string, bool)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder that adds models to the pool.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddImageClassifierPool().FromFile("default", "models/dog.zip", watchForChanges: true);
    /// </code>
    /// </example>
    public static ImageClassifierPoolBuilder AddImageClassifierPool(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ImageClassifierPoolOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<
            IValidateOptions<ImageClassifierPoolOptions>, ImageClassifierPoolOptionsValidator>());
        services.TryAddSingleton(provider => new ImageClassifierPool(
            provider.GetRequiredService<IOptions<ImageClassifierPoolOptions>>().Value,
            provider.GetService<ILoggerFactory>()));
        return new ImageClassifierPoolBuilder(services);
    }
}
