using DogClassifier.Tests.Support;
using DogClassifier.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogClassifier.Tests.Training;

public sealed class HeadSearchTests
{
    private static readonly string[] ClassNames = ["a", "b", "c"];
    private static readonly LabeledFeatures Train = SyntheticFeatures.Clusters(3, 30, 512, 0.1, seed: 11);
    private static readonly LabeledFeatures Validation = SyntheticFeatures.Clusters(3, 15, 512, 0.1, seed: 12);

    [Test]
    public void PickBest_LowestLogLoss_Wins()
    {
        var best = HeadSearch.PickBest([(0.30, 0.9), (0.20, 0.8), (0.25, 0.95)]);

        Assert.That(best, Is.EqualTo(1));
    }

    [Test]
    public void PickBest_EqualLogLoss_GoesToTheHigherAccuracy()
    {
        var best = HeadSearch.PickBest([(0.20, 0.8), (0.20, 0.9), (0.20, 0.85)]);

        Assert.That(best, Is.EqualTo(1));
    }

    [Test]
    public void PickBest_FullTie_GoesToTheEarlierCandidate()
    {
        var best = HeadSearch.PickBest([(0.5, 0.8), (0.2, 0.9), (0.2, 0.9)]);

        Assert.That(best, Is.EqualTo(1));
    }

    [Test]
    public void PickBest_NotANumberLogLoss_RanksLast()
    {
        var best = HeadSearch.PickBest([(double.NaN, 1.0), (3.0, 0.1)]);

        Assert.That(best, Is.EqualTo(1));
    }

    [Test]
    public void Run_EveryTrainer_TriesThemInFixedOrderAndKeepsTheLowestLogLoss()
    {
        var options = new TrainingOptions { L2Candidates = [0.1f, 10f], SdcaIterations = [10], Epochs = 20 };

        var result = CreateSut(options).Run(Train, Validation, null, CancellationToken.None);

        var names = result.Candidates.Select(c => c.Name).ToList();
        var lowest = result.Candidates.MinBy(c => c.ValidationLogLoss)!;
        Assert.Multiple(() =>
        {
            Assert.That(names, Has.Count.EqualTo(4));
            Assert.That(names[0], Does.StartWith("Mini-batch softmax"));
            Assert.That(names[1], Is.EqualTo("L-BFGS maximum entropy, L2=0.1"));
            Assert.That(names[2], Is.EqualTo("L-BFGS maximum entropy, L2=10"));
            Assert.That(names[3], Is.EqualTo("SDCA maximum entropy, at most 10 passes"));
            Assert.That(result.Candidates.Select(c => c.Status), Is.All.EqualTo(HeadCandidateStatus.Trained));
            Assert.That(result.Candidates.Where(c => c.Selected), Is.EqualTo(new[] { lowest }));
            Assert.That(result.Name, Is.EqualTo(lowest.Name));
            Assert.That(result.Epochs, Is.Not.Empty);
        });
    }

    [Test]
    public void Run_SelectedHead_ScoresTheValidationSetAsItsCandidateSays()
    {
        var options = new TrainingOptions { L2Candidates = [1f], SdcaIterations = [10], Epochs = 20 };

        var result = CreateSut(options).Run(Train, Validation, null, CancellationToken.None);

        var selected = result.Candidates.Single(c => c.Selected);
        Assert.Multiple(() =>
        {
            Assert.That(
                SoftmaxHeadTrainerTests.CrossEntropy(result.Head, Validation),
                Is.EqualTo(selected.ValidationLogLoss).Within(1e-6));
            Assert.That(
                SoftmaxHeadTrainerTests.Accuracy(result.Head, Validation),
                Is.EqualTo(selected.ValidationAccuracy).Within(1e-12));
        });
    }

    [Test]
    public void Run_BudgetSpentByTheFirstCandidate_ListsTheRestAsSkipped()
    {
        var options = new TrainingOptions
        {
            L2Candidates = [0.1f, 10f],
            SdcaIterations = [10],
            Epochs = 5,
            HeadSearchBudget = TimeSpan.FromTicks(1),
        };

        var result = CreateSut(options).Run(Train, Validation, null, CancellationToken.None);

        var skipped = result.Candidates.Skip(1).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Candidates, Has.Count.EqualTo(4));
            Assert.That(result.Candidates[0].Status, Is.EqualTo(HeadCandidateStatus.Trained));
            Assert.That(result.Candidates[0].Selected, Is.True);
            Assert.That(skipped.Select(c => c.Status), Is.All.EqualTo(HeadCandidateStatus.Skipped));
            Assert.That(skipped.Select(c => c.ValidationLogLoss), Is.All.NaN);
            Assert.That(skipped.Select(c => c.Selected), Is.All.False);
            Assert.That(skipped.Select(c => c.Detail), Has.All.Contain("budget"));
        });
    }

    [Test]
    public void Run_OnlyLbfgs_RunsNoMiniBatchHead()
    {
        var options = new TrainingOptions { Heads = HeadTrainers.LbfgsMaximumEntropy, L2Candidates = [1f] };

        var result = CreateSut(options).Run(Train, Validation, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Candidates.Select(c => c.Name), Is.EqualTo(new[] { "L-BFGS maximum entropy, L2=1" }));
            Assert.That(result.Head.Kind, Is.EqualTo(HeadKind.MlNet));
            Assert.That(result.Epochs, Is.Empty);
        });
    }

    private static HeadSearch CreateSut(TrainingOptions options) =>
        new(options, ClassNames, positiveClass: null, NullLogger.Instance);
}
