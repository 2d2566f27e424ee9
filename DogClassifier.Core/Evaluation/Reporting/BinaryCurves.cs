namespace DogClassifier.Evaluation.Reporting;

/// <summary>One point of a ROC curve: what calling every score at or above the threshold positive gives.</summary>
/// <param name="Threshold">The positive class's score; +∞ for the first point (nothing called positive).</param>
/// <param name="FalsePositiveRate">Negatives called positive, over all negatives.</param>
/// <param name="TruePositiveRate">Positives called positive, over all positives (the recall).</param>
internal sealed record RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);

/// <summary>One point of a precision-recall curve.</summary>
/// <param name="Threshold">The positive class's score at or above which images are called positive.</param>
/// <param name="Recall">Positives called positive, over all positives.</param>
/// <param name="Precision">Positives among the images called positive.</param>
internal sealed record PrecisionRecallPoint(double Threshold, double Recall, double Precision);

/// <summary>The outcome of calling every score at or above one threshold positive.</summary>
internal sealed record ThresholdRow(
    double Threshold, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => Share(TruePositives, TruePositives + FalsePositives);

    public double Recall => Share(TruePositives, TruePositives + FalseNegatives);

    public double FalsePositiveRate => Share(FalsePositives, FalsePositives + TrueNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double Accuracy => Share(
        TruePositives + TrueNegatives, TruePositives + FalsePositives + FalseNegatives + TrueNegatives);

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>
/// ROC and precision-recall curves of a binary question, from the positive class's score of each
/// image. Images with equal scores move the curve together, so a tie draws a diagonal segment and
/// the trapezoidal area under the ROC curve equals the Mann–Whitney AUC with ties counted half.
/// </summary>
internal static class BinaryCurves
{
    public static IReadOnlyList<RocPoint> Roc(IReadOnlyList<(double Score, bool Positive)> points)
    {
        var (positives, negatives) = Totals(points);
        var curve = new List<RocPoint> { new(double.PositiveInfinity, 0, 0) };
        foreach (var (threshold, tp, fp) in Steps(points))
        {
            curve.Add(new RocPoint(threshold, Rate(fp, negatives), Rate(tp, positives)));
        }

        return curve;
    }

    /// <summary>The trapezoidal area under a ROC curve.</summary>
    public static double Area(IReadOnlyList<RocPoint> curve)
    {
        double area = 0;
        for (int i = 1; i < curve.Count; i++)
        {
            var width = curve[i].FalsePositiveRate - curve[i - 1].FalsePositiveRate;
            area += width * (curve[i].TruePositiveRate + curve[i - 1].TruePositiveRate) / 2;
        }

        return area;
    }

    public static IReadOnlyList<PrecisionRecallPoint> PrecisionRecall(
        IReadOnlyList<(double Score, bool Positive)> points)
    {
        var (positives, _) = Totals(points);
        return [.. Steps(points).Select(s => new PrecisionRecallPoint(
            s.Threshold,
            Rate(s.TruePositives, positives),
            (double)s.TruePositives / (s.TruePositives + s.FalsePositives)))];
    }

    /// <summary>Average precision: over the curve, each rise in recall times the precision reached.</summary>
    public static double AveragePrecision(IReadOnlyList<PrecisionRecallPoint> curve)
    {
        double area = 0, recall = 0;
        foreach (var point in curve)
        {
            area += (point.Recall - recall) * point.Precision;
            recall = point.Recall;
        }

        return area;
    }

    public static IReadOnlyList<ThresholdRow> Table(
        IReadOnlyList<(double Score, bool Positive)> points, IEnumerable<double> thresholds) =>
        [.. thresholds.Select(t => new ThresholdRow(
            t,
            points.Count(p => p.Positive && p.Score >= t),
            points.Count(p => !p.Positive && p.Score >= t),
            points.Count(p => p.Positive && p.Score < t),
            points.Count(p => !p.Positive && p.Score < t)))];

    /// <summary>Counts after each distinct score, highest first.</summary>
    private static IEnumerable<(double Threshold, int TruePositives, int FalsePositives)> Steps(
        IReadOnlyList<(double Score, bool Positive)> points)
    {
        int tp = 0, fp = 0;
        foreach (var group in points.GroupBy(p => p.Score).OrderByDescending(g => g.Key))
        {
            foreach (var point in group)
            {
                tp += point.Positive ? 1 : 0;
                fp += point.Positive ? 0 : 1;
            }

            yield return (group.Key, tp, fp);
        }
    }

    private static (int Positives, int Negatives) Totals(IReadOnlyList<(double Score, bool Positive)> points)
    {
        var positives = points.Count(p => p.Positive);
        return (positives, points.Count - positives);
    }

    private static double Rate(int count, int total) => total == 0 ? 0 : (double)count / total;
}
