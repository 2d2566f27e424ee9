using System.Net;
using System.Text.Json;
using DogClassifier.Imaging;
using DogClassifier.Prediction;
using DogClassifier.Tests.Support;

namespace DogClassifier.Tests.Api;

[TestFixture]
public sealed class PredictEndpointTests
{
    private const long Limit = 100_000;

    private TempFolder _temp = null!;
    private PetModels _models = null!;
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;
    private string _photo = null!;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _temp = new TempFolder();
        _models = await PetModels.SharedAsync();
        _photo = PetModels.UnseenPhotos("dog", 1)[0];
        _factory = new ApiFactory(_models.BinaryPath, Limit);
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopService()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _temp.Dispose();
    }

    [Test]
    public async Task Predict_RealPhoto_Returns200WithTheDocumentedShape()
    {
        using var expectedModel = ImageClassifier.Load(_models.BinaryPath);
        var expected = expectedModel.Predict(_photo);

        using var response = await _client.PostAsync(
            "/predict", ApiFactory.Upload(File.ReadAllBytes(_photo), "C:\\photos\\holiday/rex.jpg"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var root = json.RootElement;
        Assert.That(Names(root), Is.EqualTo(new[] { "input", "output" }));
        Assert.That(root.GetProperty("input").GetString(), Is.EqualTo("rex.jpg"));
        var output = root.GetProperty("output");
        Assert.That(Names(output), Is.EqualTo(new[] { "class", "confidence", "scores" }));
        Assert.That(output.GetProperty("class").GetString(), Is.EqualTo(expected.Label));
        Assert.That(output.GetProperty("confidence").GetSingle(), Is.EqualTo(expected.Confidence));
        var scores = output.GetProperty("scores");
        Assert.That(Names(scores), Is.EquivalentTo(PetModels.BinaryClasses));
        foreach (var (name, score) in expected.Scores)
        {
            Assert.That(scores.GetProperty(name).GetSingle(), Is.EqualTo(score), name);
        }
    }

    [Test]
    public async Task Predict_ThresholdAboveTheConfidence_AnswersUnsureAndNamesTheBestClass()
    {
        using var expectedModel = ImageClassifier.Load(_models.BinaryPath);
        var expected = expectedModel.Predict(_photo);
        Assume.That(expected.Confidence, Is.LessThan(1f), "a threshold of 1 is above the confidence");
        await using var factory = new ApiFactory(_models.BinaryPath, Limit, confidenceThreshold: 1.0);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(
            "/predict", ApiFactory.Upload(File.ReadAllBytes(_photo), "rex.jpg"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var output = json.RootElement.GetProperty("output");
        Assert.That(Names(output), Is.EqualTo(new[] { "class", "confidence", "scores", "best" }));
        Assert.That(output.GetProperty("class").GetString(), Is.EqualTo("unsure"));
        Assert.That(output.GetProperty("best").GetString(), Is.EqualTo(expected.Label));
        Assert.That(output.GetProperty("confidence").GetSingle(), Is.EqualTo(expected.Confidence));
    }

    [Test]
    public async Task Predict_ThresholdAtOrBelowTheConfidence_AnswersTheClassWithoutBest()
    {
        using var expectedModel = ImageClassifier.Load(_models.BinaryPath);
        var expected = expectedModel.Predict(_photo);
        await using var factory = new ApiFactory(_models.BinaryPath, Limit, confidenceThreshold: 0.5);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(
            "/predict", ApiFactory.Upload(File.ReadAllBytes(_photo), "rex.jpg"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var output = json.RootElement.GetProperty("output");
        Assert.That(expected.Confidence, Is.GreaterThanOrEqualTo(0.5f), "the best of two scores");
        Assert.That(Names(output), Is.EqualTo(new[] { "class", "confidence", "scores" }));
        Assert.That(output.GetProperty("class").GetString(), Is.EqualTo(expected.Label));
    }

    [Test]
    public async Task Predict_NoFileField_Returns400Problem()
    {
        using var response = await _client.PostAsync(
            "/predict", ApiFactory.Upload(File.ReadAllBytes(_photo), "rex.jpg", field: "photo"));

        await AssertProblem(response, HttpStatusCode.BadRequest, "'image'");
    }

    [Test]
    public async Task Predict_EmptyFile_Returns400Problem()
    {
        using var response = await _client.PostAsync("/predict", ApiFactory.Upload([], "empty.jpg"));

        await AssertProblem(response, HttpStatusCode.BadRequest, "no bytes");
    }

    [Test]
    public async Task Predict_NotMultipart_Returns415Problem()
    {
        using var response = await _client.PostAsync("/predict", new StringContent("{}", null, "application/json"));

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, null);
    }

    [Test]
    public async Task Predict_TextBytes_Returns415WithTheDecodersReason()
    {
        var text = "plainly not a picture"u8.ToArray();

        using var response = await _client.PostAsync("/predict", ApiFactory.Upload(text, "note.jpg"));

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, DecoderReason(text));
    }

    [Test]
    public async Task Predict_BinaryGarbage_Returns415WithTheDecodersReason()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x00;

        using var response = await _client.PostAsync("/predict", ApiFactory.Upload(garbage, "noise.jpg"));

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, DecoderReason(garbage));
    }

    [Test]
    public async Task Predict_JustOverTheLimit_Returns413Problem()
    {
        using var response = await _client.PostAsync("/predict", ApiFactory.Upload(new byte[Limit + 1], "big.jpg"));

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "100,000");
    }

    [Test]
    public async Task Predict_FarOverTheLimit_Returns413Problem()
    {
        using var response = await _client.PostAsync("/predict", ApiFactory.Upload(new byte[4 * Limit], "huge.jpg"));

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Test]
    public async Task Health_ModelLoaded_ReportsWhichModel()
    {
        using var response = await _client.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var root = json.RootElement;
        Assert.That(root.GetProperty("loaded").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("model").GetString(), Is.EqualTo(ImageClassifierPool.DefaultModelName));
        Assert.That(root.GetProperty("path").GetString(), Is.EqualTo(Path.GetFullPath(_models.BinaryPath)));
        var classes = root.GetProperty("classes").EnumerateArray().Select(c => c.GetString());
        Assert.That(classes, Is.EqualTo(PetModels.BinaryClasses));
        Assert.That(root.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("loadedAt").GetDateTimeOffset(), Is.LessThanOrEqualTo(DateTimeOffset.UtcNow));
    }

    [Test]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var response = await _client.GetAsync("/nothing-here");

        await AssertProblem(response, HttpStatusCode.NotFound, null);
    }

    [Test]
    public async Task Service_ModelFileMissing_HealthAndPredictAnswer503()
    {
        await using var factory = new ApiFactory(_temp.Combine("absent", "model.zip"), Limit);
        using var client = factory.CreateClient();

        using var health = await client.GetAsync("/health");
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        using var predict = await client.PostAsync("/predict", ApiFactory.Upload(File.ReadAllBytes(_photo), "rex.jpg"));

        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(json.RootElement.GetProperty("loaded").GetBoolean(), Is.False);
        Assert.That(json.RootElement.GetProperty("error").GetString(), Does.Contain("does not exist"));
        await AssertProblem(predict, HttpStatusCode.ServiceUnavailable, "does not exist");
    }

    private string DecoderReason(byte[] bytes)
    {
        using var classifier = ImageClassifier.Load(_models.BinaryPath);
        var ex = Assert.Throws<InvalidImageException>(() => classifier.Predict(bytes, "upload"));
        return ex!.Reason;
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        if (detail is not null)
        {
            Assert.That(json.RootElement.GetProperty("detail").GetString(), Does.Contain(detail));
        }
    }
}
