using System.Globalization;
using DogClassifier.Data;
using DogClassifier.Evaluation;
using DogClassifier.Evaluation.Reporting;
using DogClassifier.Featurization;
using DogClassifier.Tests.Support;
using DogClassifier.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogClassifier.Tests.Measurements;

/// <summary>
/// Measures held-out test accuracy on every real photo, dog against not-dog with the default
/// split, for the former L-BFGS-only head search, the mini-batch softmax head alone and the
/// default settings, each with and without mirror augmentation and test-time augmentation. Run
/// on demand (it featurizes the whole set on its first run); the features are cached in <c>$DOGCLASSIFIER_CACHE</c>, else the user's
/// cache folder, so later runs take a minute. With <c>$DOGCLASSIFIER_REPORT</c> set, the default
/// settings' test report is written there as HTML.
/// </summary>
[Explicit("Featurizes the whole photo set; run on demand.")]
[Category("Measurement")]
public sealed class HeldOutAccuracyMeasurement
{
    [Test]
    public async Task TrainAsync_DogOrNotDogDefaultSplit_PrintsHeldOutAccuracy()
    {
        var dataset = ImageDataset.FromFolder(RealData.RequirePets(), new DatasetOptions { PositiveClass = "dog" });
        var split = dataset.Split();
        var cache = Environment.GetEnvironmentVariable("DOGCLASSIFIER_CACHE");
        var defaults = new TrainingOptions { FeatureCacheDirectory = string.IsNullOrWhiteSpace(cache) ? null : cache };
        var formerLbfgs = defaults with
        {
            Heads = HeadTrainers.LbfgsMaximumEntropy,
            L2Candidates = [0.01f, 0.1f, 1f, 10f],
        };
        var (plainTest, mirroredTest) = TestFeatures(split.Test, defaults);

        var lines = new List<string>
        {
            $"train {split.Train.Images.Count}, validation {split.Validation.Images.Count}, " +
            $"test {split.Test.Images.Count}",
            "| head search | mirror augmentation | chosen head | test accuracy | with TTA | test log-loss | with TTA |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        };
        var candidates = new List<string>
        {
            "| candidate (default settings, no mirror) | validation accuracy | validation log-loss | time | note |",
            "| --- | --- | --- | --- | --- |",
        };
        var softmaxOnly = defaults with { Heads = HeadTrainers.MiniBatchSoftmax };
        var searches = new[]
        {
            ("L-BFGS only (L2 0.01–10)", formerLbfgs),
            ("mini-batch softmax only", softmaxOnly),
            ("default", defaults),
        };
        foreach (var (name, options) in searches)
        {
            foreach (var mirror in new[] { false, true })
            {
                var trainer = new ImageClassifierTrainer(options with { MirrorAugmentation = mirror });
                using var result = await trainer.TrainAsync(split);
                var plain = result.Model.Evaluate(split.Test.Images, plainTest.Features, null, plainTest.Skipped);
                var tta = result.Model.Evaluate(
                    split.Test.Images, plainTest.Features, mirroredTest.Features, plainTest.Skipped);
                lines.Add(Row(name, mirror, result.Model.Head, plain, tta));
                if (name == "default" && !mirror)
                {
                    WriteReport(plain, result.Model.Head);
                    candidates.AddRange(result.Candidates.Select(Candidate));
                }

                Assert.That(plain.MicroAccuracy, Is.GreaterThan(0.9));
            }
        }

        foreach (var line in lines.Append(string.Empty).Concat(candidates))
        {
            await TestContext.Out.WriteLineAsync(line);
        }
    }

    private static (ExtractionResult Plain, ExtractionResult Mirrored) TestFeatures(
        ImageDataset test, TrainingOptions options)
    {
        using var lease = BackboneLease.Acquire(options.Backbone, NullLogger.Instance);
        var cache = new FeatureCache(options.ResolveCacheDirectory(), NullLogger.Instance);
        var extractor = new FeatureExtractor(lease.Backbone, options.Image, cache, NullLogger.Instance);
        return (extractor.Extract(test.Images, mirror: false, null, CancellationToken.None),
            extractor.Extract(test.Images, mirror: true, null, CancellationToken.None));
    }

    private static string Row(string name, bool mirror, string head, EvaluationReport plain, EvaluationReport tta) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {(mirror ? "yes" : "no")} | {head} | {Correct(plain)} | {Correct(tta)} | " +
            $"{plain.LogLoss:0.0000} | {tta.LogLoss:0.0000} |");

    private static string Candidate(HeadCandidate c) => string.Create(CultureInfo.InvariantCulture,
        $"| {c.Name}{(c.Selected ? " (kept)" : "")} | {c.ValidationAccuracy:P2} | {c.ValidationLogLoss:0.0000} | " +
        $"{c.TrainingTime.TotalSeconds:0.0} s | {c.Detail} |");

    private static string Correct(EvaluationReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.MicroAccuracy:P2} ({report.Count - report.Misclassified.Count}/{report.Count})");

    private static void WriteReport(EvaluationReport report, string head)
    {
        var path = Environment.GetEnvironmentVariable("DOGCLASSIFIER_REPORT");
        if (!string.IsNullOrWhiteSpace(path))
        {
            report.WriteHtml(path, new HtmlReportOptions
            {
                Title = "Dog or not: held-out test set",
                Description = $"{head}; default split of the pets photos (70/15/15, seed 42), test images only.",
            });
        }
    }
}
