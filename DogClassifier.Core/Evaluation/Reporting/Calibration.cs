namespace DogClassifier.Evaluation.Reporting;

/// <summary>One confidence bin of a reliability diagram.</summary>
/// <param name="Lower">The bin's lowest confidence (included).</param>
/// <param name="Upper">The bin's highest confidence (excluded, except 1 in the last bin).</param>
/// <param name="Count">The images whose confidence falls in the bin.</param>
/// <param name="MeanConfidence">Their mean confidence; 0 when the bin is empty.</param>
/// <param name="Accuracy">The share of them classified correctly; 0 when the bin is empty.</param>
internal sealed record ReliabilityBin(
    double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// How well confidence matches accuracy. Each image's confidence is the score of the class it was
/// given; images are grouped in equal-width bins of confidence, and the expected calibration
/// error is the mean, weighted by bin size, of |accuracy − mean confidence| over the bins
/// (Guo et al., 2017): 0 when a model that says 80 % is right 80 % of the time.
/// </summary>
internal static class Calibration
{
    public static IReadOnlyList<ReliabilityBin> Bins(IReadOnlyList<ImageResult> results, int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var counts = new int[binCount];
        var confidence = new double[binCount];
        var correct = new int[binCount];
        foreach (var result in results)
        {
            var bin = Math.Clamp((int)(result.Confidence * (double)binCount), 0, binCount - 1);
            counts[bin]++;
            confidence[bin] += result.Confidence;
            correct[bin] += result.IsCorrect ? 1 : 0;
        }

        return [.. Enumerable.Range(0, binCount).Select(b => new ReliabilityBin(
            (double)b / binCount,
            (double)(b + 1) / binCount,
            counts[b],
            counts[b] == 0 ? 0 : confidence[b] / counts[b],
            counts[b] == 0 ? 0 : (double)correct[b] / counts[b]))];
    }

    /// <summary>The expected calibration error over <paramref name="bins"/>; 0 for no images.</summary>
    public static double ExpectedError(IReadOnlyList<ReliabilityBin> bins)
    {
        var total = bins.Sum(b => b.Count);
        return total == 0 ? 0 : bins.Sum(b => (double)b.Count / total * Math.Abs(b.Accuracy - b.MeanConfidence));
    }
}
