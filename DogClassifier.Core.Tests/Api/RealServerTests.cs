using System.Net;
using System.Text.Json;
using DogClassifier.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DogClassifier.Tests.Api;

[TestFixture]
public sealed class RealServerTests
{
    private PetModels _models = null!;

    [OneTimeSetUp]
    public async Task LoadModels() => _models = await PetModels.SharedAsync();

    [Test]
    public async Task Predict_KestrelOnLoopbackWithEphemeralPort_AnswersARealPhoto()
    {
        await using var factory = new ApiFactory(_models.ThreeClassPath, 10 * 1024 * 1024, port: 0);
        factory.UseKestrel();
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        using var client = new HttpClient { BaseAddress = address };
        var photo = PetModels.UnseenPhotos("cat", 1)[0];

        using var response = await client.PostAsync(
            "/predict", ApiFactory.Upload(File.ReadAllBytes(photo), Path.GetFileName(photo)));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(address.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(address.Port, Is.Not.EqualTo(0).And.Not.EqualTo(5080));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.RootElement.GetProperty("input").GetString(), Is.EqualTo(Path.GetFileName(photo)));
        var scores = json.RootElement.GetProperty("output").GetProperty("scores");
        Assert.That(scores.EnumerateObject().Select(s => s.Name), Is.EquivalentTo(PetModels.ThreeClasses));
    }
}
