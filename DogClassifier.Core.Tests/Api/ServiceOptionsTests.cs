using Microsoft.Extensions.Options;

namespace DogClassifier.Tests.Api;

[TestFixture]
public sealed class ServiceOptionsTests
{
    [Test]
    public void Startup_InvalidSettings_FailsNamingEveryBadValue()
    {
        using var factory = new ApiFactory("model.zip", maxUploadBytes: 0, port: 70000);

        var ex = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(ex!.Failures, Has.Some.Contains("DogClassifier:MaxUploadBytes"));
        Assert.That(ex.Failures, Has.Some.Contains("DogClassifier:Port"));
    }

    [TestCase(0.0)]
    [TestCase(-0.5)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void Startup_ConfidenceThresholdOutOfRange_FailsNamingIt(double threshold)
    {
        using var factory = new ApiFactory("model.zip", maxUploadBytes: 1000, confidenceThreshold: threshold);

        var ex = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(ex!.Failures, Has.Some.Contains("DogClassifier:ConfidenceThreshold"));
    }
}
