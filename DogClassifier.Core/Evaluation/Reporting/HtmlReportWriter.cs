using System.Globalization;
using System.Text;
using static DogClassifier.Evaluation.Reporting.HtmlFormat;

namespace DogClassifier.Evaluation.Reporting;

/// <summary>
/// Renders an <see cref="EvaluationReport"/> as one self-contained HTML page: inline CSS, inline
/// SVG charts and thumbnails as <c>data:</c> URIs, no script and no external reference, and a
/// content security policy that forbids loading anything, so it opens the same offline. Every
/// class and file name is HTML-encoded.
/// </summary>
internal sealed partial class HtmlReportWriter(EvaluationReport report, HtmlReportOptions options)
{
    private readonly StringBuilder _html = new();

    /// <summary>How many thumbnails the last render embedded.</summary>
    public int ThumbnailCount { get; private set; }

    public string Render()
    {
        _html.Clear();
        Head();
        Summary();
        ConfusionMatrixSection();
        PerClassSection();
        if (report.Binary is not null)
        {
            BinarySection(report.Binary);
        }

        CalibrationSection();
        GallerySection();
        SkippedSection();
        var generated = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var version = typeof(HtmlReportWriter).Assembly.GetName().Version?.ToString();
        Append($"<footer>Generated {generated} by DogClassifier.Core {E(version)}.</footer>");
        Append("</main></body></html>");
        return _html.ToString();
    }

    private void Head()
    {
        Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        Append("<meta http-equiv=\"Content-Security-Policy\" ");
        Append("content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">");
        Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Append($"<title>{E(options.Title)}</title><style>{Css}</style></head><body><main>");
        Append($"<h1>{E(options.Title)}</h1>");
        if (options.Description is { } description)
        {
            Append($"<p class=\"sub\">{E(description)}</p>");
        }
    }

    private void Summary()
    {
        Append("<section class=\"cards\">");
        var skipped = report.Skipped.Count > 0 ? $"{Count(report.Skipped.Count)} skipped" : null;
        Card("Images", Count(report.Count), skipped);
        Card("Accuracy", Percent(report.MicroAccuracy), $"{Count(report.Count - report.Misclassified.Count)} right");
        Card("Macro accuracy", Percent(report.MacroAccuracy), "mean of class recalls");
        Card("Log-loss", Fixed4(report.LogLoss), $"reduction {Fixed4(report.LogLossReduction)}");
        if (report.Binary is { } binary)
        {
            Card("ROC AUC", Fixed4(binary.Auc), $"positive class {binary.PositiveClass}");
            Card("F1", Fixed4(binary.F1), $"precision {Fixed4(binary.Precision)}, recall {Fixed4(binary.Recall)}");
        }

        Card("Calibration error", Fixed4(ExpectedCalibrationError), $"ECE, {options.CalibrationBins} bins");
        Card("Misclassified", Count(report.Misclassified.Count), null);
        Append("</section>");
    }

    private void Card(string label, string value, string? note)
    {
        Append($"<div class=\"card\"><div class=\"k\">{E(label)}</div><div class=\"v\">{E(value)}</div>");
        Append(note is null ? "</div>" : $"<div class=\"n\">{E(note)}</div></div>");
    }

    private void ConfusionMatrixSection()
    {
        var matrix = report.ConfusionMatrix;
        var k = matrix.ClassNames.Count;
        Append("<h2>Confusion matrix</h2><p class=\"hint\">Rows are the true classes, columns the ");
        Append("predicted ones; each cell shows its count and its share of the row, and is shaded by it.</p>");
        Append($"<table class=\"confusion\"><tr><th></th><th class=\"axis\" colspan=\"{k}\">predicted</th></tr>");
        Append("<tr><th class=\"axis\">actual</th>");
        foreach (var name in matrix.ClassNames)
        {
            Append($"<th class=\"col\">{E(name)}</th>");
        }

        Append("</tr>");
        for (int actual = 0; actual < k; actual++)
        {
            var rowTotal = matrix.Counts[actual].Sum();
            Append($"<tr><th class=\"row\">{E(matrix.ClassNames[actual])}</th>");
            for (int predicted = 0; predicted < k; predicted++)
            {
                var count = matrix.Counts[actual][predicted];
                var share = rowTotal == 0 ? 0 : (double)count / rowTotal;
                Append($"<td style=\"{HeatStyle(share, actual == predicted)}\">");
                Append($"{Count(count)}<small>{Percent(share)}</small></td>");
            }

            Append("</tr>");
        }

        Append("</table>");
    }

    /// <summary>Blue for right answers, red for mistakes; the deeper, the larger the row's share.</summary>
    private static string HeatStyle(double share, bool diagonal)
    {
        var alpha = (0.06 + (0.94 * share)).ToString("0.###", CultureInfo.InvariantCulture);
        var rgb = diagonal ? "37,99,235" : "220,38,38";
        var ink = share > 0.5 ? "#fff" : "#1f2937";
        return $"background:rgba({rgb},{alpha});color:{ink}";
    }

    private void PerClassSection()
    {
        Append("<h2>Per class</h2><table class=\"metrics\"><tr><th>class</th><th>precision</th><th>recall</th>");
        Append("<th>F1</th><th>images</th></tr>");
        foreach (var c in report.PerClass)
        {
            Append($"<tr><td>{E(c.ClassName)}</td><td>{Fixed4(c.Precision)}</td><td>{Fixed4(c.Recall)}</td>");
            Append($"<td>{Fixed4(c.F1)}</td><td>{Count(c.Support)}</td></tr>");
        }

        Append("</table>");
    }

    private void GallerySection()
    {
        var misclassified = report.Misclassified;
        var shown = misclassified.Take(options.MaxMisclassified).ToList();
        Append("<h2>Misclassified images</h2>");
        if (misclassified.Count == 0)
        {
            Append("<p class=\"hint\">None: every image was classified correctly.</p>");
            return;
        }

        Append("<p class=\"hint\">Most confident mistakes first; ");
        Append($"showing {Count(shown.Count)} of {Count(misclassified.Count)}.</p>");
        var thumbnails = new (string? DataUri, string? Problem)[shown.Count];
        Parallel.For(0, shown.Count, i =>
            thumbnails[i] = Thumbnails.Create(shown[i].Path, options.Image, options.ThumbnailSize));
        ThumbnailCount = thumbnails.Count(t => t.DataUri is not null);

        Append("<div class=\"gallery\">");
        for (int i = 0; i < shown.Count; i++)
        {
            var result = shown[i];
            var name = ShortPath(result.Path);
            var (uri, problem) = thumbnails[i];
            Append("<figure>");
            var height = $"height:{options.ThumbnailSize}px";
            Append(uri is not null
                ? $"<img src=\"{uri}\" alt=\"{E(name)}\" style=\"{height}\">"
                : $"<div class=\"noimg\" style=\"{height}\">no preview: {E(problem)}</div>");
            Append($"<figcaption><span class=\"file\">{E(name)}</span>");
            Append($"<span>actual <b>{E(result.Actual)}</b>, ");
            Append($"predicted <b class=\"bad\">{E(result.Predicted)}</b></span>");
            Append($"<span class=\"conf\">confidence {Percent(result.Confidence)}</span></figcaption></figure>");
        }

        Append("</div>");
    }

    private void SkippedSection()
    {
        if (report.Skipped.Count == 0)
        {
            return;
        }

        Append($"<h2>Skipped files ({Count(report.Skipped.Count)})</h2>");
        Append("<table class=\"metrics\"><tr><th>file</th><th>reason</th></tr>");
        foreach (var skipped in report.Skipped)
        {
            Append($"<tr><td>{E(ShortPath(skipped.Path))}</td><td class=\"text\">{E(skipped.Reason)}</td></tr>");
        }

        Append("</table>");
    }

    private void Append(string html) => _html.Append(html);
}
