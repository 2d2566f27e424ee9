using DogClassifier.Data;

namespace DogClassifier.Evaluation;

/// <summary>
/// Computes an <see cref="EvaluationReport"/> from per-image scores. The definitions follow
/// ML.NET's multiclass evaluator (micro and macro accuracy, log-loss, log-loss reduction), which
/// the tests check against; the work is done here because the report also needs the per-image
/// results that ML.NET's evaluator does not return.
/// </summary>
internal static class MetricsCalculator
{
    private const double Epsilon = 1e-15;

    public static EvaluationReport Compute(
        IReadOnlyList<string> classNames,
        IReadOnlyList<(string Path, int Actual, float[] Scores)> items,
        string? positiveClass,
        IReadOnlyList<SkippedFile> skipped)
    {
        var k = classNames.Count;
        var counts = new int[k][];
        for (int i = 0; i < k; i++)
        {
            counts[i] = new int[k];
        }

        var results = new List<ImageResult>(items.Count);
        double logLoss = 0;
        foreach (var (path, actual, scores) in items)
        {
            var predicted = ArgMax(scores);
            counts[actual][predicted]++;
            logLoss -= Math.Log(Math.Max(scores[actual], Epsilon));
            results.Add(new ImageResult(path, classNames[actual], classNames[predicted], scores[predicted], scores));
        }

        var n = items.Count;
        var perClass = Enumerable.Range(0, k).Select(c => ClassMetricsOf(classNames[c], c, counts)).ToList();
        var present = perClass.Where(c => c.Support > 0).ToList();
        var correct = Enumerable.Range(0, k).Sum(c => counts[c][c]);
        logLoss = n == 0 ? 0 : logLoss / n;
        var prior = PriorLogLoss(perClass.Select(c => c.Support).ToArray(), n);

        return new EvaluationReport
        {
            Count = n,
            MicroAccuracy = n == 0 ? 0 : (double)correct / n,
            MacroAccuracy = present.Count == 0 ? 0 : present.Average(c => c.Recall),
            LogLoss = logLoss,
            LogLossReduction = prior == 0 ? 0 : 1 - (logLoss / prior),
            PerClass = perClass,
            ConfusionMatrix = new ConfusionMatrix(classNames, counts),
            Binary = positiveClass is null ? null : BinaryOf(classNames, items, perClass, positiveClass),
            Results = results,
            Skipped = skipped,
        };
    }

    /// <summary>The index of the highest score; the first on a tie.</summary>
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (int i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// The area under the ROC curve: the chance that a random positive scores above a random
    /// negative, ties counting one half (the Mann–Whitney statistic, with average ranks).
    /// </summary>
    public static double Auc(IReadOnlyList<(float Score, bool Positive)> points)
    {
        var sorted = points.OrderBy(p => p.Score).ToList();
        long positives = sorted.Count(p => p.Positive);
        long negatives = sorted.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double rankSum = 0;
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j < sorted.Count && sorted[j].Score == sorted[i].Score)
            {
                j++;
            }

            var averageRank = (i + 1 + j) / 2.0;
            rankSum += averageRank * sorted.Skip(i).Take(j - i).Count(p => p.Positive);
            i = j;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    private static ClassMetrics ClassMetricsOf(string name, int c, int[][] counts)
    {
        var support = counts[c].Sum();
        var predicted = counts.Sum(row => row[c]);
        var precision = predicted == 0 ? 0 : (double)counts[c][c] / predicted;
        var recall = support == 0 ? 0 : (double)counts[c][c] / support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(name, precision, recall, f1, support);
    }

    private static double PriorLogLoss(int[] supports, int n)
    {
        double prior = 0;
        foreach (var s in supports.Where(s => s > 0))
        {
            var p = (double)s / n;
            prior -= p * Math.Log(p);
        }

        return prior;
    }

    private static BinaryMetrics BinaryOf(
        IReadOnlyList<string> classNames,
        IReadOnlyList<(string Path, int Actual, float[] Scores)> items,
        List<ClassMetrics> perClass,
        string positiveClass)
    {
        var p = classNames.ToList().IndexOf(positiveClass);
        if (p < 0)
        {
            throw new DogClassifierException($"The positive class '{positiveClass}' is not one of the model's classes.");
        }

        var auc = Auc([.. items.Select(i => (i.Scores[p], i.Actual == p))]);
        var metrics = perClass[p];
        return new BinaryMetrics(positiveClass, metrics.Precision, metrics.Recall, metrics.F1, auc);
    }
}
