using static DogClassifier.Evaluation.Reporting.HtmlFormat;

namespace DogClassifier.Evaluation.Reporting;

/// <summary>The report's charts: ROC, precision-recall and thresholds, and calibration.</summary>
internal sealed partial class HtmlReportWriter
{
    private IReadOnlyList<ReliabilityBin> Bins => Calibration.Bins(report.Results, options.CalibrationBins);

    private double ExpectedCalibrationError => Calibration.ExpectedError(Bins);

    private void BinarySection(BinaryMetrics binary)
    {
        var positive = report.ConfusionMatrix.ClassNames.ToList().IndexOf(binary.PositiveClass);
        var points = report.Results
            .Select(r => ((double)r.Scores[positive], r.Actual == binary.PositiveClass))
            .ToList();
        var roc = BinaryCurves.Roc(points);
        var pr = BinaryCurves.PrecisionRecall(points);
        var auc = BinaryCurves.Area(roc);
        var averagePrecision = BinaryCurves.AveragePrecision(pr);

        Append($"<h2>ROC and precision-recall ({E(binary.PositiveClass)} is positive)</h2><div class=\"charts\">");
        Append(new SvgChart("ROC curve", "false positive rate", "true positive rate (recall)")
            .Diagonal()
            .Line(roc.Select(p => (p.FalsePositiveRate, p.TruePositiveRate)), "curve")
            .Legend(0, "curve", $"AUC {Fixed4(auc)}")
            .Legend(1, "diagonal", "chance")
            .Render());
        Append(new SvgChart("Precision-recall curve", "recall", "precision")
            .Line(Steps(pr), "curve")
            .Legend(0, "curve", $"AP {Fixed4(averagePrecision)}")
            .Render());
        Append("</div>");
        ThresholdTable(points);
    }

    /// <summary>The precision-recall curve drawn as steps, as average precision sums it.</summary>
    private static IEnumerable<(double X, double Y)> Steps(IReadOnlyList<PrecisionRecallPoint> curve)
    {
        double recall = 0;
        foreach (var point in curve)
        {
            yield return (recall, point.Precision);
            yield return (point.Recall, point.Precision);
            recall = point.Recall;
        }
    }

    private void ThresholdTable(IReadOnlyList<(double Score, bool Positive)> points)
    {
        Append("<h3>Thresholds</h3><p class=\"hint\">An image is called positive when the positive ");
        Append("class's score is at or above the threshold; the model's own answer is the 0.5 row.</p>");
        Append("<table class=\"metrics\"><tr><th>threshold</th><th>TP</th><th>FP</th><th>FN</th><th>TN</th>");
        Append("<th>precision</th><th>recall</th><th>FPR</th><th>F1</th><th>accuracy</th></tr>");
        foreach (var row in BinaryCurves.Table(points, options.Thresholds))
        {
            Append(row.Threshold == 0.5 ? "<tr class=\"mark\">" : "<tr>");
            Append($"<td>{Short(row.Threshold)}</td><td>{Count(row.TruePositives)}</td>");
            Append($"<td>{Count(row.FalsePositives)}</td><td>{Count(row.FalseNegatives)}</td>");
            Append($"<td>{Count(row.TrueNegatives)}</td><td>{Fixed4(row.Precision)}</td>");
            Append($"<td>{Fixed4(row.Recall)}</td><td>{Fixed4(row.FalsePositiveRate)}</td>");
            Append($"<td>{Fixed4(row.F1)}</td><td>{Percent(row.Accuracy)}</td></tr>");
        }

        Append("</table>");
    }

    private void CalibrationSection()
    {
        var bins = Bins;
        Append("<h2>Calibration</h2><p class=\"hint\">Images grouped by confidence (the score of the ");
        Append("class given). A calibrated model's bars reach the diagonal: of the answers given with ");
        Append("80 % confidence, 80 % are right. Expected calibration error: ");
        Append($"<b>{Fixed4(Calibration.ExpectedError(bins))}</b>.</p><div class=\"charts\">");

        var chart = new SvgChart("Reliability diagram", "confidence", "accuracy").Diagonal();
        foreach (var bin in bins.Where(b => b.Count > 0))
        {
            var tip = $"{Short(bin.Lower)}–{Short(bin.Upper)}: {bin.Count} images, " +
                $"accuracy {Percent(bin.Accuracy)}, mean confidence {Percent(bin.MeanConfidence)}";
            chart.Bar(bin.Lower, bin.Upper, bin.Accuracy, "bar", tip);
            var low = Math.Min(bin.Accuracy, bin.MeanConfidence);
            var high = Math.Max(bin.Accuracy, bin.MeanConfidence);
            chart.Gap(bin.Lower, bin.Upper, low, high, tip);
        }

        chart.Legend(0, "bar-key", "accuracy", topLeft: true)
            .Legend(1, "gap-key", "gap to confidence", topLeft: true)
            .Legend(2, "diagonal", "perfect calibration", topLeft: true);
        Append(chart.Render());
        Append("<table class=\"metrics\"><tr><th>confidence</th><th>images</th>");
        Append("<th>mean confidence</th><th>accuracy</th></tr>");
        foreach (var bin in bins.Where(b => b.Count > 0))
        {
            Append($"<tr><td>{Short(bin.Lower)}–{Short(bin.Upper)}</td><td>{Count(bin.Count)}</td>");
            Append($"<td>{Percent(bin.MeanConfidence)}</td><td>{Percent(bin.Accuracy)}</td></tr>");
        }

        Append("</table></div>");
        AbstentionTable();
    }

    /// <summary>What answering "unsure" below each confidence threshold would do.</summary>
    private void AbstentionTable()
    {
        var k = report.ConfusionMatrix.ClassNames.Count;
        var thresholds = options.Thresholds.Where(t => t > 1.0 / k).ToList();
        if (thresholds.Count == 0 || report.Count == 0)
        {
            return;
        }

        Append("<h3>Abstention</h3><p class=\"hint\">With a confidence threshold, answers below it become ");
        Append("\"unsure\": fewer answers, and fewer of them wrong.</p>");
        Append("<table class=\"metrics\"><tr><th>threshold</th><th>answered</th><th>unsure</th>");
        Append("<th>accuracy of answers</th><th>mistakes left</th></tr>");
        foreach (var threshold in thresholds)
        {
            var answered = report.Results.Where(r => r.Confidence >= threshold).ToList();
            var right = answered.Count(r => r.IsCorrect);
            var accuracy = answered.Count == 0 ? double.NaN : (double)right / answered.Count;
            Append($"<tr><td>{Short(threshold)}</td><td>{Percent((double)answered.Count / report.Count)}</td>");
            Append($"<td>{Count(report.Count - answered.Count)}</td><td>{Percent(accuracy)}</td>");
            Append($"<td>{Count(answered.Count - right)}</td></tr>");
        }

        Append("</table>");
    }
}
