using System.Globalization;
using System.Net;
using DogClassifier.Prediction;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DogClassifier.Api;

/// <summary>
/// The service's settings, from the <c>DogClassifier</c> section of the configuration
/// (<c>appsettings.json</c>, then environment variables such as <c>DogClassifier__ModelPath</c>,
/// then the command line).
/// </summary>
internal sealed class ServiceOptions
{
    public const string Section = "DogClassifier";

    /// <summary>Room for the multipart envelope around the file (boundaries, part headers).</summary>
    private const long EnvelopeBytes = 64 * 1024;

    /// <summary>The model file; relative paths start at the content root. Default: <c>models/model.zip</c>.</summary>
    public string ModelPath { get; set; } = "models/model.zip";

    /// <summary>The name the model is served under in the pool. Default: <c>default</c>.</summary>
    public string ModelName { get; set; } = ImageClassifierPool.DefaultModelName;

    /// <summary>Whether the model is reloaded when its file changes. Default: <c>true</c>.</summary>
    public bool WatchModel { get; set; } = true;

    /// <summary>The largest image accepted, in bytes; larger ones get 413. Default: 10 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The IP address to listen on. Default: <c>127.0.0.1</c> (this machine only).</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The TCP port to listen on; 0 picks a free one. Default: 5080.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>
    /// The confidence below which <c>/predict</c> answers <c>"unsure"</c> (above 0, at most 1),
    /// naming the best class in <c>best</c>. Default: <c>null</c> (never unsure).
    /// </summary>
    public double? ConfidenceThreshold { get; set; }

    /// <summary>How every prediction is made: with the confidence threshold, if any.</summary>
    public PredictionOptions ToPredictionOptions() => new() { ConfidenceThreshold = ConfidenceThreshold };

    /// <summary>The largest request body accepted: the upload limit plus the multipart envelope.</summary>
    public long RequestBodyLimit => MaxUploadBytes + EnvelopeBytes;

    public string ResolveModelPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, ModelPath));

    /// <summary>Listens where configured and refuses bodies over the limit before they are read.</summary>
    public void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        if (IPAddress.TryParse(ListenAddress, out var address))
        {
            kestrel.Listen(address, Port);
        }

        kestrel.Limits.MaxRequestBodySize = RequestBodyLimit;
        kestrel.AddServerHeader = false;
    }

    /// <summary>Applies the same limit to multipart bodies, whichever server runs the app.</summary>
    public void ConfigureForms(FormOptions form) => form.MultipartBodyLengthLimit = RequestBodyLimit;

    /// <summary>Every invalid value, each described in a phrase.</summary>
    public List<string> Errors()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            errors.Add($"{Section}:{nameof(ModelPath)} must be set");
        }

        if (string.IsNullOrWhiteSpace(ModelName))
        {
            errors.Add($"{Section}:{nameof(ModelName)} must not be blank");
        }

        if (MaxUploadBytes < 1)
        {
            errors.Add($"{Section}:{nameof(MaxUploadBytes)} must be positive (was {MaxUploadBytes})");
        }

        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            errors.Add($"{Section}:{nameof(ListenAddress)} must be an IP address (was '{ListenAddress}')");
        }

        if (ConfidenceThreshold is { } threshold && !(threshold > 0 && threshold <= 1))
        {
            errors.Add($"{Section}:{nameof(ConfidenceThreshold)} must be above 0 and at most 1 " +
                $"(was {threshold.ToString(CultureInfo.InvariantCulture)})");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"{Section}:{nameof(Port)} must be between 0 and 65535 (was {Port})");
        }

        return errors;
    }
}
