using System.Diagnostics;
using System.Globalization;
using DogClassifier.Diagnostics;
using DogClassifier.Evaluation;
using Microsoft.Extensions.Logging;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace DogClassifier.Training;

/// <summary>What the head search produced.</summary>
/// <param name="Head">The kept head.</param>
/// <param name="Name">The kept candidate's name.</param>
/// <param name="Candidates">Every candidate in the order tried, skipped ones included.</param>
/// <param name="Epochs">The mini-batch softmax candidate's per-epoch metrics; empty when it did not run.</param>
internal sealed record HeadSearchResult(
    ClassifierHead Head, string Name, IReadOnlyList<HeadCandidate> Candidates, IReadOnlyList<EpochMetrics> Epochs);

/// <summary>
/// Trains head candidates in a fixed order (mini-batch softmax, L-BFGS for each L2 strength,
/// SDCA for each limit on its passes) within <see cref="TrainingOptions.HeadSearchBudget"/>,
/// scores each on the validation set and keeps the one with the lowest log-loss; ties go to the
/// higher accuracy, then to the earlier candidate.
/// </summary>
internal sealed class HeadSearch(
    TrainingOptions options, IReadOnlyList<string> classNames, string? positiveClass, ILogger logger)
{
    /// <exception cref="OperationCanceledException">The search was cancelled.</exception>
    public HeadSearchResult Run(
        LabeledFeatures train, LabeledFeatures validation,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        bool OutOfTime() => clock.Elapsed >= options.HeadSearchBudget;
        var ml = new MLContext(seed: options.Seed);
        var trainView = new Lazy<IDataView>(() => HeadModel.ToDataView(ml, Rows(train)));
        var plan = Plan(ml, trainView, train, validation, OutOfTime, cancellationToken);

        var tried = new List<Tried>();
        var candidates = new List<HeadCandidate>();
        IReadOnlyList<EpochMetrics> epochs = [];
        foreach (var (index, (name, trainCandidate)) in plan.Index())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (index > 0 && OutOfTime())
            {
                Log.CandidateSkipped(logger, name, options.HeadSearchBudget.TotalSeconds);
                candidates.Add(Skipped(name));
                continue;
            }

            progress?.Report(new TrainingProgress(TrainingStage.TrainingHead, index, plan.Count, name));
            var watch = Stopwatch.StartNew();
            var (head, detail, history) = trainCandidate();
            var time = watch.Elapsed;
            epochs = history ?? epochs;

            var report = Score(head, validation);
            Log.CandidateScored(logger, name, report.MicroAccuracy, report.LogLoss, time.TotalSeconds);
            tried.Add(new Tried(candidates.Count, head, name));
            candidates.Add(
                new HeadCandidate(name, report.MicroAccuracy, report.LogLoss, time, false) { Detail = detail });
        }

        var best = tried[PickBest([.. tried.Select(t => (candidates[t.Row].ValidationLogLoss,
            candidates[t.Row].ValidationAccuracy))])];
        candidates[best.Row] = candidates[best.Row] with { Selected = true };
        progress?.Report(new TrainingProgress(TrainingStage.TrainingHead, plan.Count, plan.Count, best.Name));
        return new HeadSearchResult(best.Head, best.Name, candidates, epochs);
    }

    /// <summary>
    /// The index of the lowest log-loss; on a tie the higher accuracy, then the first. A log-loss
    /// that is not a number ranks last.
    /// </summary>
    public static int PickBest(IReadOnlyList<(double LogLoss, double Accuracy)> scores)
    {
        var best = 0;
        for (int i = 1; i < scores.Count; i++)
        {
            var (loss, accuracy) = scores[i];
            var (bestLoss, bestAccuracy) = scores[best];
            if (double.IsNaN(bestLoss) ? !double.IsNaN(loss)
                : loss < bestLoss || (loss == bestLoss && accuracy > bestAccuracy))
            {
                best = i;
            }
        }

        return best;
    }

    private List<(string Name, Func<(ClassifierHead, string?, IReadOnlyList<EpochMetrics>?)> Train)> Plan(
        MLContext ml, Lazy<IDataView> trainView, LabeledFeatures train, LabeledFeatures validation,
        Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        var plan = new List<(string, Func<(ClassifierHead, string?, IReadOnlyList<EpochMetrics>?)>)>();
        if (options.Heads.HasFlag(HeadTrainers.MiniBatchSoftmax))
        {
            plan.Add((SoftmaxName(), () =>
            {
                var trainer = new SoftmaxHeadTrainer(options, classNames.Count, logger);
                var outcome = trainer.Train(train, validation, outOfTime, cancellationToken);
                return (outcome.Head, outcome.Summary, outcome.Epochs);
            }));
        }

        if (options.Heads.HasFlag(HeadTrainers.LbfgsMaximumEntropy))
        {
            foreach (var l2 in options.L2Candidates)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"L-BFGS maximum entropy, L2={l2}");
                plan.Add((name, () => (Fit(ml, trainView.Value, Lbfgs(ml, l2)), null, null)));
            }
        }

        if (options.Heads.HasFlag(HeadTrainers.SdcaMaximumEntropy))
        {
            foreach (var iterations in options.SdcaIterations)
            {
                var name = string.Create(
                    CultureInfo.InvariantCulture, $"SDCA maximum entropy, at most {iterations} passes");
                plan.Add((name, () => (Fit(ml, trainView.Value, Sdca(ml, iterations)), null, null)));
            }
        }

        return plan;
    }

    private string SoftmaxName() => string.Create(CultureInfo.InvariantCulture,
        $"Mini-batch softmax (Adam), learning rate {options.LearningRate}, batch {options.BatchSize}, " +
        $"weight decay {options.WeightDecay}");

    private MlNetHead Fit(MLContext ml, IDataView trainView, IEstimator<ITransformer> trainer) =>
        new(ml, HeadModel.Prefix(ml, classNames).Append(trainer).Fit(trainView));

    private static IEstimator<ITransformer> Lbfgs(MLContext ml, float l2) =>
        ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = HeadModel.LabelKey,
            FeatureColumnName = nameof(FeatureRow.Features),
            L2Regularization = l2,
            L1Regularization = 0,
        });

    /// <summary>SDCA on one thread: with more, the order of its updates, and so its result, varies.</summary>
    private static IEstimator<ITransformer> Sdca(MLContext ml, int iterations) =>
        ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = HeadModel.LabelKey,
            FeatureColumnName = nameof(FeatureRow.Features),
            NumberOfThreads = 1,
            MaximumNumberOfIterations = iterations,
        });

    private EvaluationReport Score(ClassifierHead head, LabeledFeatures validation)
    {
        var scores = head.ScoreAll(validation.Features);
        var items = scores.Select((s, i) => (string.Empty, validation.Labels[i], s)).ToList();
        return MetricsCalculator.Compute(classNames, items, positiveClass, []);
    }

    private IEnumerable<FeatureRow> Rows(LabeledFeatures rows) =>
        rows.Features.Select((f, i) => new FeatureRow { Features = f, Label = classNames[rows.Labels[i]] });

    private static HeadCandidate Skipped(string name) =>
        new(name, double.NaN, double.NaN, TimeSpan.Zero, false)
        {
            Status = HeadCandidateStatus.Skipped,
            Detail = "not run: the head search's time budget was spent",
        };

    private sealed record Tried(int Row, ClassifierHead Head, string Name);
}
