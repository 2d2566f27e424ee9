using DogClassifier.Prediction;
using Microsoft.Extensions.Options;

namespace DogClassifier.Api;

/// <summary>
/// Loads the model when the service starts, so the first request does not wait for it. A model
/// that cannot be loaded is logged and does not stop the service: a watched file is loaded once
/// it appears, and until then <c>/health</c> and <c>/predict</c> answer 503.
/// </summary>
internal sealed class ModelWarmup(
    ImageClassifierPool pool, IOptions<ServiceOptions> options, ILogger<ModelWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var name = options.Value.ModelName;
        try
        {
            pool.EnsureLoaded(name);
        }
        catch (DogClassifierException ex)
        {
            Log.ModelNotLoadedAtStartup(logger, name, ex.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
