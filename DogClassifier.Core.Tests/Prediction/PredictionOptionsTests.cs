using DogClassifier.Prediction;

namespace DogClassifier.Tests.Prediction;

public sealed class PredictionOptionsTests
{
    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void Validate_ThresholdOutsideZeroToOne_ThrowsNamingIt(double threshold)
    {
        var options = new PredictionOptions { ConfidenceThreshold = threshold };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.Message, Does.Contain(nameof(PredictionOptions.ConfidenceThreshold)));
    }

    [TestCase(0.0)]
    [TestCase(0.8)]
    [TestCase(1.0)]
    public void Validate_ThresholdInRange_Passes(double threshold)
    {
        var options = new PredictionOptions { ConfidenceThreshold = threshold, TestTimeAugmentation = true };

        Assert.DoesNotThrow(options.Validate);
    }
}
