using System.Text.Json;
using DogClassifier.Cli.Reporting;

namespace DogClassifier.Tests.Cli.Reporting;

public sealed class PredictionLineTests
{
    [Test]
    public void Success_Prediction_HasTheDocumentedShape()
    {
        var line = PredictionLine.Success("dog.jpg", "dog", 0.94f);

        Assert.That(line, Is.EqualTo(
            "{\"input\": \"dog.jpg\", \"output\": {\"class\": \"dog\", \"confidence\": 0.94}}"));
    }

    [Test]
    public void Failure_Reason_HasAnErrorInsteadOfAnOutput()
    {
        var line = PredictionLine.Failure("bad.jpg", "the file is empty");

        Assert.That(line, Is.EqualTo("{\"input\": \"bad.jpg\", \"error\": \"the file is empty\"}"));
    }

    [Test]
    public void Success_QuotesInNames_StillParsesAsJson()
    {
        var line = PredictionLine.Success("say \"cheese\".jpg", "c\\a\"t", 0.5);

        using var json = JsonDocument.Parse(line);
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("input").GetString(), Is.EqualTo("say \"cheese\".jpg"));
            Assert.That(json.RootElement.GetProperty("output").GetProperty("class").GetString(),
                Is.EqualTo("c\\a\"t"));
        });
    }

    [TestCase(0.123456, "0.1235")]
    [TestCase(0.99996, "1")]
    [TestCase(0.00000012, "0")]
    [TestCase(0.5, "0.5")]
    [SetCulture("de-DE")]
    public void Round_Confidence_KeepsFourDecimalsInInvariantNotation(double confidence, string expected)
    {
        Assert.That(PredictionLine.Round(confidence), Is.EqualTo(expected));
    }
}
