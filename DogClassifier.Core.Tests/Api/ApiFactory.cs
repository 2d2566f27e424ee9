using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DogClassifier.Tests.Api;

/// <summary>
/// Hosts the HTTP service in the test process on a given model, upload limit and, optionally,
/// confidence threshold.
/// </summary>
internal sealed class ApiFactory(
    string modelPath, long maxUploadBytes, int port = 5080, double? confidenceThreshold = null)
    : WebApplicationFactory<DogClassifier.Api.PredictionResponse>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("DogClassifier:ModelPath", modelPath);
        builder.UseSetting("DogClassifier:MaxUploadBytes", maxUploadBytes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("DogClassifier:ListenAddress", "127.0.0.1");
        builder.UseSetting("DogClassifier:Port", port.ToString(CultureInfo.InvariantCulture));
        if (confidenceThreshold is { } threshold)
        {
            builder.UseSetting("DogClassifier:ConfidenceThreshold", threshold.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A multipart body holding one file.</summary>
    public static MultipartFormDataContent Upload(byte[] bytes, string fileName, string field = "image")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("image/jpeg");
        return new MultipartFormDataContent { { file, field, fileName } };
    }
}
