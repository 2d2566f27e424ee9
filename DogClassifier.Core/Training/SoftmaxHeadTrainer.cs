using System.Globalization;
using DogClassifier.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DogClassifier.Training;

/// <summary>What <see cref="SoftmaxHeadTrainer"/> produced.</summary>
/// <param name="Head">The trained head, with the weights of <paramref name="KeptEpoch"/>.</param>
/// <param name="Epochs">The metrics of every epoch run.</param>
/// <param name="KeptEpoch">The epoch whose weights were kept.</param>
/// <param name="Summary">How training ended, in words.</param>
internal sealed record SoftmaxTrainingOutcome(
    SoftmaxHead Head, IReadOnlyList<EpochMetrics> Epochs, int KeptEpoch, string Summary);

/// <summary>
/// Trains a <see cref="SoftmaxHead"/> on cached features by mini-batch gradient descent: features
/// standardised with the training rows' mean and deviation, weights and biases starting at zero,
/// rows shuffled every epoch, Adam steps on the mean cross-entropy of each batch plus an L2
/// penalty on the weights, training and validation metrics after every epoch, and early stopping
/// that keeps the best epoch's weights.
/// </summary>
/// <remarks>
/// It is written here rather than taken from ML.NET because ML.NET 6 has no multiclass trainer
/// that works in mini-batches over epochs and reports metrics after each: its linear trainers
/// (L-BFGS, SDCA) optimise to convergence without epochs a caller can watch or stop on a
/// validation set, and its mini-batch image trainer needs TensorFlow. The work is small (one
/// matrix of classes × 512 weights), single-threaded and fully determined by the seed.
/// </remarks>
internal sealed class SoftmaxHeadTrainer(TrainingOptions options, int classCount, ILogger logger)
{
    private const double Epsilon = 1e-15;

    /// <summary>Trains until the last epoch, early stopping, or <paramref name="outOfTime"/> says so.</summary>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public SoftmaxTrainingOutcome Train(
        LabeledFeatures train, LabeledFeatures validation, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        var featureCount = train.Features[0].Length;
        var (mean, scale) = Moments(train.Features);
        var standardizer = new SoftmaxHead(
            mean, scale, new float[featureCount * classCount], new float[classCount]);
        var x = Standardize(standardizer, train.Features);
        var xValidation = Standardize(standardizer, validation.Features);

        var weightCount = featureCount * classCount;
        var parameters = new float[weightCount + classCount];
        var best = (float[])parameters.Clone();
        var adam = new Adam(options.LearningRate, parameters.Length);
        var stopping = options.EarlyStopping is { } early ? new EarlyStopping(early) : null;
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var history = new List<EpochMetrics>();
        var summary = $"ran all {options.Epochs} epochs";

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            RunEpoch(x, train.Labels, order, parameters, weightCount, adam);

            var (trainAccuracy, trainLoss) = Measure(parameters, weightCount, x, train.Labels);
            var (validationAccuracy, validationLoss) =
                Measure(parameters, weightCount, xValidation, validation.Labels);
            var metrics = new EpochMetrics(epoch, trainAccuracy, trainLoss, validationAccuracy, validationLoss);
            history.Add(metrics);
            options.EpochProgress?.Report(metrics);
            Log.EpochCompleted(logger, epoch, trainAccuracy, trainLoss, validationAccuracy, validationLoss);

            if (stopping is not null && stopping.Observe(epoch, stopping.Watched(metrics)))
            {
                parameters.CopyTo(best, 0);
            }

            if (stopping is { ShouldStop: true })
            {
                summary = string.Create(CultureInfo.InvariantCulture,
                    $"stopped early after epoch {epoch} of {options.Epochs}");
                break;
            }

            if (epoch < options.Epochs && outOfTime())
            {
                summary = string.Create(CultureInfo.InvariantCulture,
                    $"stopped by the time budget after epoch {epoch} of {options.Epochs}");
                break;
            }
        }

        var kept = stopping is { BestEpoch: > 0 } ? stopping.BestEpoch : history.Count;
        var final = stopping is { BestEpoch: > 0 } ? best : parameters;
        var head = new SoftmaxHead(mean, scale, final[..weightCount], final[weightCount..]);
        summary += string.Create(CultureInfo.InvariantCulture, $"; kept epoch {kept}");
        return new SoftmaxTrainingOutcome(head, history, kept, summary);
    }

    private void RunEpoch(
        float[][] x, IReadOnlyList<int> labels, int[] order, float[] parameters, int weightCount, Adam adam)
    {
        var featureCount = x[0].Length;
        var gradient = new float[parameters.Length];
        var probabilities = new float[classCount];
        for (int start = 0; start < order.Length; start += options.BatchSize)
        {
            var end = Math.Min(start + options.BatchSize, order.Length);
            Array.Clear(gradient);
            for (int b = start; b < end; b++)
            {
                var row = x[order[b]];
                SoftmaxHead.Probabilities(
                    parameters.AsSpan(0, weightCount), parameters.AsSpan(weightCount), row, probabilities);
                probabilities[labels[order[b]]] -= 1;
                for (int c = 0; c < classCount; c++)
                {
                    var error = probabilities[c];
                    var weights = gradient.AsSpan(c * featureCount, featureCount);
                    for (int i = 0; i < featureCount; i++)
                    {
                        weights[i] += error * row[i];
                    }

                    gradient[weightCount + c] += error;
                }
            }

            var batch = end - start;
            var decay = (float)options.WeightDecay;
            for (int i = 0; i < gradient.Length; i++)
            {
                gradient[i] = (gradient[i] / batch) + (i < weightCount ? decay * parameters[i] : 0);
            }

            adam.Step(parameters, gradient);
        }
    }

    /// <summary>Accuracy and mean cross-entropy, the true class's probability clamped at 1e-15.</summary>
    private (double Accuracy, double CrossEntropy) Measure(
        float[] parameters, int weightCount, float[][] x, IReadOnlyList<int> labels)
    {
        var probabilities = new float[classCount];
        int correct = 0;
        double loss = 0;
        for (int r = 0; r < x.Length; r++)
        {
            SoftmaxHead.Probabilities(
                parameters.AsSpan(0, weightCount), parameters.AsSpan(weightCount), x[r], probabilities);
            var label = labels[r];
            correct += Evaluation.MetricsCalculator.ArgMax(probabilities) == label ? 1 : 0;
            loss -= Math.Log(Math.Max(probabilities[label], Epsilon));
        }

        return x.Length == 0 ? (0, 0) : ((double)correct / x.Length, loss / x.Length);
    }

    /// <summary>Each feature's mean, and one over its deviation (1 for a feature that never varies).</summary>
    private static (float[] Mean, float[] Scale) Moments(IReadOnlyList<float[]> rows)
    {
        var d = rows[0].Length;
        var sum = new double[d];
        var squares = new double[d];
        foreach (var row in rows)
        {
            for (int i = 0; i < d; i++)
            {
                sum[i] += row[i];
                squares[i] += (double)row[i] * row[i];
            }
        }

        var mean = new float[d];
        var scale = new float[d];
        for (int i = 0; i < d; i++)
        {
            var m = sum[i] / rows.Count;
            var variance = Math.Max(0, (squares[i] / rows.Count) - (m * m));
            mean[i] = (float)m;
            scale[i] = variance > 1e-12 ? (float)(1 / Math.Sqrt(variance)) : 1f;
        }

        return (mean, scale);
    }

    private static float[][] Standardize(SoftmaxHead standardizer, IReadOnlyList<float[]> rows)
    {
        var result = new float[rows.Count][];
        for (int r = 0; r < rows.Count; r++)
        {
            result[r] = new float[standardizer.FeatureCount];
            standardizer.Standardize(rows[r], result[r]);
        }

        return result;
    }
}
