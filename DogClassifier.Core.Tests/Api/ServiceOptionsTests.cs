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
}
