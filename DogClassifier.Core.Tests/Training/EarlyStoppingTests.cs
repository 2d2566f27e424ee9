using DogClassifier.Training;

namespace DogClassifier.Tests.Training;

public sealed class EarlyStoppingTests
{
    [Test]
    public void Observe_FallingLoss_ImprovesFromTheFirstEpoch()
    {
        var stopping = new EarlyStopping(
            new EarlyStoppingOptions { Metric = EarlyStoppingMetric.ValidationLoss, Patience = 1 });

        var improved = new[] { 0.9, 0.7, 0.5, 0.3 }.Select((loss, i) => stopping.Observe(i + 1, loss)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(improved, Is.All.True);
            Assert.That(stopping.BestEpoch, Is.EqualTo(4));
            Assert.That(stopping.Best, Is.EqualTo(0.3));
            Assert.That(stopping.ShouldStop, Is.False);
        });
    }

    [Test]
    public void Observe_RisingAccuracy_ImprovesFromTheFirstEpoch()
    {
        var stopping = new EarlyStopping(
            new EarlyStoppingOptions { Metric = EarlyStoppingMetric.ValidationAccuracy, Patience = 1 });

        var first = stopping.Observe(1, 0.0);
        var second = stopping.Observe(2, 0.5);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True);
            Assert.That(second, Is.True);
            Assert.That(stopping.BestEpoch, Is.EqualTo(2));
        });
    }

    [Test]
    public void Observe_NoImprovementForPatienceEpochs_AsksToStopAndKeepsBestEpoch()
    {
        var stopping = new EarlyStopping(new EarlyStoppingOptions { Patience = 2 });

        stopping.Observe(1, 0.5);
        stopping.Observe(2, 0.4);
        stopping.Observe(3, 0.45);
        var afterOne = stopping.ShouldStop;
        stopping.Observe(4, 0.41);

        Assert.Multiple(() =>
        {
            Assert.That(afterOne, Is.False);
            Assert.That(stopping.ShouldStop, Is.True);
            Assert.That(stopping.BestEpoch, Is.EqualTo(2));
        });
    }

    [Test]
    public void Observe_ChangeNoLargerThanMinDelta_DoesNotCountAsImprovement()
    {
        var stopping = new EarlyStopping(new EarlyStoppingOptions { Patience = 5, MinDelta = 0.01 });
        stopping.Observe(1, 0.50);

        var small = stopping.Observe(2, 0.495);
        var large = stopping.Observe(3, 0.48);

        Assert.Multiple(() =>
        {
            Assert.That(small, Is.False);
            Assert.That(large, Is.True);
            Assert.That(stopping.BestEpoch, Is.EqualTo(3));
        });
    }

    [Test]
    public void Observe_NotANumber_NeverImproves()
    {
        var stopping = new EarlyStopping(new EarlyStoppingOptions { Patience = 1 });

        var improved = stopping.Observe(1, double.NaN);

        Assert.Multiple(() =>
        {
            Assert.That(improved, Is.False);
            Assert.That(stopping.BestEpoch, Is.Zero);
            Assert.That(stopping.ShouldStop, Is.True);
        });
    }
}
