using DogClassifier.Evaluation;
using DogClassifier.Tests.Support;
using DogClassifier.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogClassifier.Tests.Training;

public sealed class SoftmaxHeadTrainerTests
{
    private static readonly LabeledFeatures Train = SyntheticFeatures.Clusters(3, 40, 16, 1.0, seed: 1);
    private static readonly LabeledFeatures Validation = SyntheticFeatures.Clusters(3, 20, 16, 1.0, seed: 2);

    [Test]
    public void Train_SeparatedClusters_ClassifiesTheValidationSet()
    {
        var trainer = CreateSut(new TrainingOptions { Epochs = 30 });

        var outcome = trainer.Train(Train, Validation, () => false, CancellationToken.None);

        Assert.That(Accuracy(outcome.Head, Validation), Is.GreaterThanOrEqualTo(0.95));
    }

    [Test]
    public void Train_SameSeed_GivesIdenticalHeads()
    {
        var options = new TrainingOptions { Epochs = 8, Seed = 5 };

        var first = CreateSut(options).Train(Train, Validation, () => false, CancellationToken.None);
        var second = CreateSut(options).Train(Train, Validation, () => false, CancellationToken.None);

        Assert.That(Bytes(second.Head), Is.EqualTo(Bytes(first.Head)));
    }

    [Test]
    public void Train_OtherSeed_ShufflesDifferently()
    {
        var first = CreateSut(new TrainingOptions { Epochs = 3, Seed = 5 })
            .Train(Train, Validation, () => false, CancellationToken.None);
        var second = CreateSut(new TrainingOptions { Epochs = 3, Seed = 6 })
            .Train(Train, Validation, () => false, CancellationToken.None);

        Assert.That(Bytes(second.Head), Is.Not.EqualTo(Bytes(first.Head)));
    }

    [Test]
    public void Train_EveryEpoch_ReportsMetricsOfTheWeightsAtThatEpoch()
    {
        var reported = new List<EpochMetrics>();
        var options = new TrainingOptions { Epochs = 5, EarlyStopping = null, EpochProgress = new Collect(reported) };

        var outcome = CreateSut(options).Train(Train, Validation, () => false, CancellationToken.None);

        var last = reported[^1];
        Assert.Multiple(() =>
        {
            Assert.That(reported.Select(m => m.Epoch), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(outcome.Epochs, Is.EqualTo(reported));
            Assert.That(outcome.KeptEpoch, Is.EqualTo(5));
            Assert.That(last.ValidationAccuracy, Is.EqualTo(Accuracy(outcome.Head, Validation)).Within(1e-12));
            Assert.That(last.ValidationCrossEntropy, Is.EqualTo(CrossEntropy(outcome.Head, Validation)).Within(1e-9));
            Assert.That(last.TrainCrossEntropy, Is.EqualTo(CrossEntropy(outcome.Head, Train)).Within(1e-9));
        });
    }

    [Test]
    public void Train_OverfittingOnFewNoisyRows_StopsEarlyAndKeepsTheBestEpoch()
    {
        var train = SyntheticFeatures.Clusters(2, 10, 60, 0.15, seed: 3);
        var validation = SyntheticFeatures.Clusters(2, 50, 60, 0.15, seed: 4);
        var options = new TrainingOptions
        {
            Epochs = 400,
            BatchSize = 4,
            LearningRate = 0.01,
            WeightDecay = 0,
            EarlyStopping = new EarlyStoppingOptions { Patience = 5, MinDelta = 0 },
        };

        var outcome = CreateSut(options, classCount: 2).Train(train, validation, () => false, CancellationToken.None);

        var best = outcome.Epochs.MinBy(m => m.ValidationCrossEntropy)!;
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Epochs, Has.Count.LessThan(400));
            Assert.That(outcome.Epochs, Has.Count.EqualTo(outcome.KeptEpoch + 5));
            Assert.That(outcome.KeptEpoch, Is.EqualTo(best.Epoch));
            Assert.That(CrossEntropy(outcome.Head, validation), Is.EqualTo(best.ValidationCrossEntropy).Within(1e-9));
        });
    }

    [Test]
    public void Train_OutOfTime_StopsAfterTheFirstEpoch()
    {
        var options = new TrainingOptions { Epochs = 50 };

        var outcome = CreateSut(options).Train(Train, Validation, () => true, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Epochs, Has.Count.EqualTo(1));
            Assert.That(outcome.Summary, Does.Contain("time budget"));
        });
    }

    [Test]
    public void Train_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            CreateSut(new TrainingOptions()).Train(Train, Validation, () => false, cancelled.Token));
    }

    private static SoftmaxHeadTrainer CreateSut(TrainingOptions options, int classCount = 3) =>
        new(options, classCount, NullLogger.Instance);

    internal static double Accuracy(ClassifierHead head, LabeledFeatures rows) =>
        rows.Features.Select((f, i) => MetricsCalculator.ArgMax(head.Score(f)) == rows.Labels[i] ? 1.0 : 0.0).Average();

    internal static double CrossEntropy(ClassifierHead head, LabeledFeatures rows) =>
        rows.Features.Select((f, i) => -Math.Log(Math.Max(head.Score(f)[rows.Labels[i]], 1e-15))).Average();

    private static byte[] Bytes(SoftmaxHead head)
    {
        using var stream = new MemoryStream();
        head.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Collects reports synchronously, unlike <see cref="Progress{T}"/>.</summary>
    internal sealed class Collect(List<EpochMetrics> into) : IProgress<EpochMetrics>
    {
        public void Report(EpochMetrics value) => into.Add(value);
    }
}
