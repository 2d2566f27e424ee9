using DogClassifier.Evaluation;
using DogClassifier.Evaluation.Reporting;

namespace DogClassifier.Tests.Evaluation.Reporting;

public sealed class CalibrationTests
{
    [Test]
    public void ExpectedError_SmallSet_MatchesTheHandComputation()
    {
        // Ten bins: [0.9, 1) holds 2 right at 0.95; [0.8, 0.9) 1 wrong at 0.85;
        // [0.6, 0.7) 1 right at 0.65; [0.5, 0.6) 1 wrong at 0.55.
        // ECE = 2/5·|1 − 0.95| + 1/5·|0 − 0.85| + 1/5·|1 − 0.65| + 1/5·|0 − 0.55| = 0.37.
        var results = new[]
        {
            Result(0.95f, true), Result(0.95f, true), Result(0.85f, false), Result(0.65f, true), Result(0.55f, false),
        };

        var bins = Calibration.Bins(results, 10);
        var error = Calibration.ExpectedError(bins);

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.EqualTo(0.37).Within(1e-6));
            Assert.That(bins[9].Count, Is.EqualTo(2));
            Assert.That(bins[9].Accuracy, Is.EqualTo(1.0));
            Assert.That(bins[8].MeanConfidence, Is.EqualTo(0.85).Within(1e-6));
            Assert.That(bins.Sum(b => b.Count), Is.EqualTo(5));
        });
    }

    [Test]
    public void Bins_ConfidenceOfOne_FallsInTheLastBin()
    {
        var results = new[] { Result(1f, true) };

        var bins = Calibration.Bins(results, 4);

        Assert.That(bins.Select(b => b.Count), Is.EqualTo(new[] { 0, 0, 0, 1 }));
    }

    [Test]
    public void ExpectedError_NoImages_IsZero()
    {
        var error = Calibration.ExpectedError(Calibration.Bins([], 10));

        Assert.That(error, Is.Zero);
    }

    [Test]
    public void ExpectedCalibrationError_Report_UsesTenBins()
    {
        var items = new List<(string, int, float[])>
        {
            ("a", 0, [0.95f, 0.05f]),
            ("b", 1, [0.85f, 0.15f]),
            ("c", 1, [0.35f, 0.65f]),
        };
        var report = MetricsCalculator.Compute(["x", "y"], items, null, []);

        // |1 − 0.95|, |0 − 0.85| and |1 − 0.65|, one image per bin: (0.05 + 0.85 + 0.35) / 3.
        Assert.That(report.ExpectedCalibrationError, Is.EqualTo(1.25 / 3).Within(1e-6));
    }

    private static ImageResult Result(float confidence, bool correct) =>
        new("x.jpg", "a", correct ? "a" : "b", confidence, [confidence, 1 - confidence]);
}
