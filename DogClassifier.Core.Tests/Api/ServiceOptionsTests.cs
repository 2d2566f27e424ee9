using System.Globalization;
using DogClassifier.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DogClassifier.Tests.Api;

/// <summary>
/// The service's settings are validated when the host starts. The host is built here from the
/// service's own registration rather than through the test server, whose deferred start can
/// report a disposed service provider instead of the startup failure itself.
/// </summary>
[TestFixture]
public sealed class ServiceOptionsTests
{
    [Test]
    public void Startup_InvalidSettings_FailsNamingEveryBadValue()
    {
        var ex = StartWith(maxUploadBytes: 0, port: 70000);

        Assert.That(ex.Failures, Has.Some.Contains("DogClassifier:MaxUploadBytes"));
        Assert.That(ex.Failures, Has.Some.Contains("DogClassifier:Port"));
    }

    [TestCase(0.0)]
    [TestCase(-0.5)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void Startup_ConfidenceThresholdOutOfRange_FailsNamingIt(double threshold)
    {
        var ex = StartWith(maxUploadBytes: 1000, port: 5080, threshold);

        Assert.That(ex.Failures, Has.Some.Contains("DogClassifier:ConfidenceThreshold"));
    }

    private static OptionsValidationException StartWith(long maxUploadBytes, int port, double? threshold = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DogClassifier:ModelPath"] = "model.zip",
            ["DogClassifier:MaxUploadBytes"] = maxUploadBytes.ToString(CultureInfo.InvariantCulture),
            ["DogClassifier:ListenAddress"] = "127.0.0.1",
            ["DogClassifier:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["DogClassifier:ConfidenceThreshold"] = threshold?.ToString(CultureInfo.InvariantCulture),
        });
        builder.AddServiceOptions();
        using var app = builder.Build();

        return Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync())!;
    }
}
