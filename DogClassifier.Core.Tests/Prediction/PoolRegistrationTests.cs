using DogClassifier.Prediction;
using DogClassifier.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DogClassifier.Tests.Prediction;

[TestFixture]
public sealed class PoolRegistrationTests
{
    [Test]
    public void AddImageClassifierPool_FromFile_ResolvesOnePoolWithEveryModel()
    {
        using var temp = new TempFolder();
        var services = new ServiceCollection().AddLogging();
        services.AddImageClassifierPool()
            .FromFile(temp.Combine("dog.zip"))
            .FromFile("cats", temp.Combine("cat.zip"), watchForChanges: true)
            .Configure(o => o.PollInterval = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var pool = provider.GetRequiredService<ImageClassifierPool>();

        Assert.That(provider.GetRequiredService<ImageClassifierPool>(), Is.SameAs(pool));
        Assert.That(pool.ModelNames, Is.EquivalentTo(new[] { ImageClassifierPool.DefaultModelName, "cats" }));
        Assert.That(pool.GetStatus().FilePath, Is.EqualTo(temp.Combine("dog.zip")));
        Assert.That(pool.GetStatus().WatchForChanges, Is.False);
        Assert.That(pool.GetStatus("cats").WatchForChanges, Is.True);
        Assert.That(pool.GetStatus("cats").IsLoaded, Is.False);
    }

    [Test]
    public void AddImageClassifierPool_InvalidOptions_FailStartupValidationNamingEveryValue()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddImageClassifierPool()
            .FromFile("blank", " ")
            .Configure(o => o.ReloadAttempts = 0);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(ex!.Failures, Has.Some.Contains("'blank'"));
        Assert.That(ex.Failures, Has.Some.Contains("ReloadAttempts"));
    }

    [Test]
    public void AddImageClassifierPool_NoModel_FailsStartupValidation()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddImageClassifierPool();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(ex!.Failures, Has.Some.Contains("at least one model"));
    }

    [Test]
    public void AddImageClassifierPool_CalledTwice_RegistersOnePool()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddImageClassifierPool().FromFile("a", "a.zip");
        services.AddImageClassifierPool().FromFile("b", "b.zip");
        using var provider = services.BuildServiceProvider();

        Assert.That(services.Count(s => s.ServiceType == typeof(ImageClassifierPool)), Is.EqualTo(1));
        Assert.That(provider.GetRequiredService<ImageClassifierPool>().ModelNames, Is.EquivalentTo(new[] { "a", "b" }));
    }
}
