using System.Diagnostics;
using DogClassifier.Imaging;
using DogClassifier.Prediction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DogClassifier.Api;

/// <summary>The service's endpoints: <c>POST /predict</c> and <c>GET /health</c>.</summary>
public static class PredictionEndpoints
{
    private const string LogCategory = "DogClassifier.Api.Predictions";

    /// <summary>Maps the endpoints onto a route group at the root.</summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns>The route group, for further conventions.</returns>
    public static RouteGroupBuilder MapPredictionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/");

        // Antiforgery tokens protect cookie-authenticated browser sessions from cross-site form
        // posts. This endpoint reads no cookie and no other ambient credential, and its clients
        // (scripts, curl, other services) have no token to send, so validation is turned off for
        // it alone. An endpoint that trusts cookies must not copy this.
        group.MapPost("/predict", PredictAsync)
            .DisableAntiforgery()
            .WithName("Predict");

        group.MapGet("/health", GetHealth).WithName("Health");
        return group;
    }

    private static async Task<Results<Ok<PredictionResponse>, ProblemHttpResult>> PredictAsync(
        IFormFile? image, ImageClassifierPool pool, IOptions<ServiceOptions> options,
        ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(LogCategory);
        var settings = options.Value;
        var input = image is null ? "(no file)" : UploadName.Of(image.FileName);
        if (Refuse(image, settings) is { } refusal)
        {
            return Refused(logger, input, refusal);
        }

        var bytes = await ReadAsync(image!, cancellationToken);
        var watch = Stopwatch.StartNew();
        try
        {
            using var lease = pool.Rent(settings.ModelName);
            var prediction = lease.Classifier.Predict(bytes, input, settings.ToPredictionOptions());
            Log.Predicted(logger, prediction.IsUnsure ? PredictionOutput.Unsure : prediction.Label,
                prediction.Label, prediction.Confidence, input, watch.Elapsed.TotalMilliseconds);
            return TypedResults.Ok(PredictionResponse.From(input, prediction));
        }
        catch (InvalidImageException ex)
        {
            return Refused(logger, input, new(
                StatusCodes.Status415UnsupportedMediaType, "The upload is not a usable image.", ex.Reason));
        }
        catch (Exception ex) when (ex is DogClassifierException or ObjectDisposedException)
        {
            return Refused(logger, input, new(
                StatusCodes.Status503ServiceUnavailable, "The model is not available.", ex.Message));
        }
    }

    private static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> GetHealth(
        ImageClassifierPool pool, IOptions<ServiceOptions> options)
    {
        var status = pool.GetStatus(options.Value.ModelName);
        var body = HealthResponse.From(status);
        return status.IsLoaded
            ? TypedResults.Ok(body)
            : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static Refusal? Refuse(IFormFile? image, ServiceOptions settings)
    {
        if (image is null)
        {
            return new(StatusCodes.Status400BadRequest, "No image was sent.",
                "Send the image as multipart/form-data in a field named 'image'.");
        }

        if (image.Length == 0)
        {
            return new(StatusCodes.Status400BadRequest, "The image is empty.", "The uploaded file has no bytes.");
        }

        if (image.Length > settings.MaxUploadBytes)
        {
            return new(StatusCodes.Status413PayloadTooLarge, "The image is too large.",
                $"The uploaded file has {image.Length:N0} bytes; the limit is {settings.MaxUploadBytes:N0}.");
        }

        return null;
    }

    private static ProblemHttpResult Refused(ILogger logger, string input, Refusal refusal)
    {
        Log.UploadRefused(logger, input, refusal.StatusCode, refusal.Detail);
        return TypedResults.Problem(refusal.Detail, statusCode: refusal.StatusCode, title: refusal.Title);
    }

    private static async Task<byte[]> ReadAsync(IFormFile image, CancellationToken cancellationToken)
    {
        var bytes = new byte[image.Length];
        await using var stream = image.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }

    private sealed record Refusal(int StatusCode, string Title, string Detail);
}
