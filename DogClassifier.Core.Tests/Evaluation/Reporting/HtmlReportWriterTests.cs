using System.Text;
using System.Text.RegularExpressions;
using DogClassifier.Evaluation;
using DogClassifier.Evaluation.Reporting;
using DogClassifier.Tests.Support;
using SkiaSharp;

namespace DogClassifier.Tests.Evaluation.Reporting;

public sealed partial class HtmlReportWriterTests
{
    private const string MarkupName = "<b>&\"x'.jpg";
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void WriteHtml_BinaryReport_ShowsTheExpectedNumbers()
    {
        var report = CreateBinaryReport();

        var html = Render(report);

        // 2 of 4 right; AUC: positive above negative in 3 of 4 pairs (0.95 > 0.85, 0.95 > 0.15,
        // 0.25 > 0.15); ECE: ¼·|1 − 0.95| + ¼·|0 − 0.75| + ½·|0.5 − 0.85| = 0.375.
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Accuracy</div><div class=\"v\">50.00 %<"));
            Assert.That(html, Does.Contain("ROC AUC</div><div class=\"v\">0.7500<"));
            Assert.That(html, Does.Contain("Calibration error</div><div class=\"v\">0.3750<"));
            Assert.That(html, Does.Contain("ROC curve"));
            Assert.That(html, Does.Contain("Reliability diagram"));
        });
    }

    [Test]
    public void WriteHtml_AnyReport_ReferencesNothingOutsideThePage()
    {
        var report = CreateBinaryReport();

        var html = Render(report);

        var sources = SourceAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Match("(?i)https?://"));
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Not.Contain("<link"));
            Assert.That(sources, Is.Not.Empty);
            Assert.That(sources, Has.All.StartsWith("data:image/jpeg;base64,"));
        });
    }

    [Test]
    public void WriteHtml_FileNameWithMarkup_IsEncoded()
    {
        var report = CreateBinaryReport();

        var html = Render(report);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("&lt;b&gt;&amp;&quot;x&#39;.jpg"));
            Assert.That(html, Does.Not.Contain(MarkupName));
        });
    }

    [Test]
    public void WriteHtml_Misclassified_EmbedsDecodableThumbnailsWorstFirst()
    {
        var report = CreateBinaryReport();

        var html = Render(report);

        var thumbnails = SourceAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        using var first = SKBitmap.Decode(Convert.FromBase64String(thumbnails[0]["data:image/jpeg;base64,".Length..]));
        var gallery = html[html.IndexOf("Misclassified images", StringComparison.Ordinal)..];
        Assert.Multiple(() =>
        {
            Assert.That(thumbnails, Has.Count.EqualTo(2));
            Assert.That(first, Is.Not.Null);
            Assert.That(Math.Max(first.Width, first.Height), Is.EqualTo(160));
            Assert.That(gallery.IndexOf("&lt;b&gt;", StringComparison.Ordinal),
                Is.LessThan(gallery.IndexOf("dog/b.jpg", StringComparison.Ordinal)));
        });
    }

    [Test]
    public void WriteHtml_MissingImageFile_ShowsAPlaceholder()
    {
        var missing = _folder.Combine("dog", "gone.jpg");
        var report = MetricsCalculator.Compute(["dog", "not-dog"], [(missing, 0, [0.2f, 0.8f])], "dog", []);

        var html = Render(report);

        Assert.That(html, Does.Contain("no preview: the file does not exist"));
    }

    [Test]
    public void WriteHtml_ThreeClasses_HasNoBinarySection()
    {
        var items = new List<(string, int, float[])> { ("a", 0, [0.6f, 0.3f, 0.1f]), ("b", 2, [0.1f, 0.2f, 0.7f]) };
        var report = MetricsCalculator.Compute(["cat", "dog", "other"], items, null, []);

        var html = Render(report);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("ROC curve"));
            Assert.That(html, Does.Contain("Reliability diagram"));
            Assert.That(html, Does.Contain("None: every image was classified correctly."));
        });
    }

    [Test]
    public void WriteHtml_Path_WritesOneCompleteFileAndNoTemporaryOnes()
    {
        var report = CreateBinaryReport();
        var path = _folder.Combine("out", "report.html");

        report.WriteHtml(path, new HtmlReportOptions { Title = "Pets <test>" });

        var html = File.ReadAllText(path);
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(_folder.Combine("out")), Is.EqualTo(new[] { path }));
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.EndWith("</html>"));
            Assert.That(html, Does.Contain("<h1>Pets &lt;test&gt;</h1>"));
        });
    }

    [Test]
    public void WriteHtml_BadOptions_ThrowsNamingThem()
    {
        var report = CreateBinaryReport();

        var error = Assert.Throws<ArgumentException>(() =>
            report.WriteHtml(Stream.Null, new HtmlReportOptions { ThumbnailSize = 0, CalibrationBins = 0 }));

        Assert.That(error!.Message, Does.Contain("ThumbnailSize").And.Contain("CalibrationBins"));
    }

    private EvaluationReport CreateBinaryReport()
    {
        var dog = _folder.Combine("dog");
        var notDog = _folder.Combine("not-dog");
        var items = new List<(string, int, float[])>
        {
            (TestImages.Write(dog, "a.jpg", SKColors.Orange, 320, 240), 0, [0.95f, 0.05f]),
            (TestImages.Write(dog, "b.jpg", SKColors.Brown, 240, 320), 0, [0.25f, 0.75f]),
            (TestImages.Write(notDog, MarkupName, SKColors.Teal, 400, 200), 1, [0.85f, 0.15f]),
            (TestImages.Write(notDog, "d.jpg", SKColors.Gray, 200, 200), 1, [0.15f, 0.85f]),
        };
        return MetricsCalculator.Compute(["dog", "not-dog"], items, "dog", []);
    }

    private static string Render(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        report.WriteHtml(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex("src=\"([^\"]*)\"")]
    private static partial Regex SourceAttribute();
}
