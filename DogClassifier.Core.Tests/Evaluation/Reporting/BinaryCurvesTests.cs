using DogClassifier.Evaluation;
using DogClassifier.Evaluation.Reporting;

namespace DogClassifier.Tests.Evaluation.Reporting;

public sealed class BinaryCurvesTests
{
    private static readonly (double, bool)[] Alternating = [(0.9, true), (0.8, false), (0.7, true), (0.6, false)];

    [Test]
    public void Roc_DistinctScores_StepsThroughEveryThreshold()
    {
        var curve = BinaryCurves.Roc(Alternating);

        Assert.That(curve.Select(p => (p.FalsePositiveRate, p.TruePositiveRate)), Is.EqualTo(new[]
        {
            (0.0, 0.0), (0.0, 0.5), (0.5, 0.5), (0.5, 1.0), (1.0, 1.0),
        }));
    }

    [Test]
    public void Area_DistinctScores_IsThreeQuarters()
    {
        // Positive above negative in 3 of the 4 pairs: 0.9 > 0.8, 0.9 > 0.6, 0.7 > 0.6.
        var area = BinaryCurves.Area(BinaryCurves.Roc(Alternating));

        Assert.That(area, Is.EqualTo(0.75).Within(1e-12));
    }

    [Test]
    public void Area_TiedScores_CountsTheTieAsHalfAndMatchesTheRankStatistic()
    {
        (double, bool)[] points = [(0.8, true), (0.8, false), (0.3, true), (0.2, false)];

        var curve = BinaryCurves.Roc(points);
        var area = BinaryCurves.Area(curve);

        // Pairs: tie 0.5, 0.8 > 0.2 1, 0.3 < 0.8 0, 0.3 > 0.2 1: 2.5 of 4.
        var ranks = MetricsCalculator.Auc([.. points.Select(p => ((float)p.Item1, p.Item2))]);
        Assert.Multiple(() =>
        {
            Assert.That(curve[1].FalsePositiveRate, Is.EqualTo(0.5));
            Assert.That(curve[1].TruePositiveRate, Is.EqualTo(0.5));
            Assert.That(area, Is.EqualTo(0.625).Within(1e-12));
            Assert.That(ranks, Is.EqualTo(area).Within(1e-12));
        });
    }

    [Test]
    public void AveragePrecision_DistinctScores_MatchesTheHandComputation()
    {
        // Recall rises 0.5 at precision 1 (0.9) and 0.5 at precision 2/3 (0.7).
        var curve = BinaryCurves.PrecisionRecall(Alternating);

        var averagePrecision = BinaryCurves.AveragePrecision(curve);

        Assert.Multiple(() =>
        {
            Assert.That(curve.Select(p => p.Precision), Is.EqualTo(new[] { 1.0, 0.5, 2.0 / 3, 0.5 }).Within(1e-12));
            Assert.That(averagePrecision, Is.EqualTo(0.5 + (0.5 * 2 / 3)).Within(1e-12));
        });
    }

    [Test]
    public void Table_ThresholdBetweenScores_CountsEachOutcome()
    {
        var row = BinaryCurves.Table(Alternating, [0.75]).Single();

        Assert.Multiple(() =>
        {
            Assert.That(
                (row.TruePositives, row.FalsePositives, row.FalseNegatives, row.TrueNegatives),
                Is.EqualTo((1, 1, 1, 1)));
            Assert.That(row.Precision, Is.EqualTo(0.5));
            Assert.That(row.Recall, Is.EqualTo(0.5));
            Assert.That(row.FalsePositiveRate, Is.EqualTo(0.5));
            Assert.That(row.Accuracy, Is.EqualTo(0.5));
        });
    }

    [Test]
    public void Table_ThresholdEqualToAScore_CallsThatScorePositive()
    {
        var row = BinaryCurves.Table(Alternating, [0.7]).Single();

        Assert.That((row.TruePositives, row.FalsePositives), Is.EqualTo((2, 1)));
    }
}
