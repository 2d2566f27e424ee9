using System.Diagnostics;
using System.Globalization;
using DogClassifier.Data;
using DogClassifier.Diagnostics;
using DogClassifier.Evaluation;
using DogClassifier.Featurization;
using DogClassifier.Models;
using DogClassifier.Prediction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace DogClassifier.Training;

/// <summary>
/// Trains a classifier by transfer learning: every image goes once through the frozen
/// ImageNet-pretrained ResNet-18, and a multiclass head is trained on the 512 features, chosen
/// among several candidates by its log-loss on the validation set.
/// </summary>
public sealed class ImageClassifierTrainer
{
    private readonly TrainingOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    /// <summary>Creates a trainer.</summary>
    /// <param name="options">The training settings; <see cref="TrainingOptions.Default"/> when <c>null</c>.</param>
    /// <param name="loggerFactory">Receives the library's logs.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ImageClassifierTrainer(TrainingOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? TrainingOptions.Default;
        _options.Validate();
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<ImageClassifierTrainer>();
    }

    /// <summary>Trains on <see cref="DatasetSplit.Train"/>, chooses on the validation set, reports on the test set.</summary>
    /// <param name="split">The data.</param>
    /// <param name="progress">Receives progress reports.</param>
    /// <param name="cancellationToken">Stops training early.</param>
    /// <returns>The trained model with its metrics.</returns>
    /// <exception cref="DogClassifierException">Too little usable data remains after skipping bad images.</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public Task<TrainingResult> TrainAsync(
        DatasetSplit split, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        return Task.Run(() => Train(split, progress, cancellationToken), cancellationToken);
    }

    private TrainingResult Train(DatasetSplit split, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var lease = BackboneLease.Acquire(_options.Backbone, _logger);
        try
        {
            var extractor = new FeatureExtractor(lease.Backbone, _options.Image, OpenCache(), _logger);
            var train = Featurize(extractor, "training", split.Train, progress, cancellationToken);
            var validation = Featurize(extractor, "validation", split.Validation, progress, cancellationToken);
            var test = Featurize(extractor, "test", split.Test, progress, cancellationToken);
            var featurizationTime = total.Elapsed;
            CheckUsable(split.ClassNames, train, validation);

            var headWatch = Stopwatch.StartNew();
            var ml = new MLContext(seed: _options.Seed);
            var (head, name, candidates) = ChooseHead(ml, split, train, validation, lease, progress, cancellationToken);
            var headTime = headWatch.Elapsed;

            var manifest = new ModelManifest
            {
                ClassNames = split.ClassNames,
                PositiveClass = split.PositiveClass,
                Image = _options.Image,
                Backbone = "ResNet-18 (ImageNet), Microsoft.ML.DnnImageFeaturizer.ResNet18",
                BackboneSha256 = lease.Backbone.Hash,
                FeatureSize = ResNet18Backbone.FeatureSize,
                Head = name,
            };
            var model = new ImageClassifier(manifest, ml, head, lease, _loggerFactory.CreateLogger<ImageClassifier>());

            progress?.Report(new TrainingProgress(TrainingStage.Evaluating, 0, 1, "test"));
            var validationReport = model.Evaluate(validation.Images, validation.Result.Features, validation.Result.Skipped);
            var testReport = split.Test.Images.Count == 0
                ? null
                : model.Evaluate(test.Images, test.Result.Features, test.Result.Skipped);
            progress?.Report(new TrainingProgress(TrainingStage.Evaluating, 1, 1, "test"));

            Log.Trained(_logger, string.Join(", ", split.ClassNames), name, validationReport.MicroAccuracy,
                testReport?.MicroAccuracy ?? double.NaN, total.Elapsed.TotalSeconds);
            return new TrainingResult
            {
                Model = model,
                Validation = validationReport,
                Test = testReport,
                Candidates = candidates,
                Skipped = [.. train.Result.Skipped, .. validation.Result.Skipped, .. test.Result.Skipped],
                Counts = (train.Usable, validation.Usable, test.Usable),
                CacheHits = train.Result.CacheHits + validation.Result.CacheHits + test.Result.CacheHits,
                FeaturizationTime = featurizationTime,
                HeadTrainingTime = headTime,
                TotalTime = total.Elapsed,
            };
        }
        catch (Exception ex)
        {
            lease.Dispose();
            if (ex is not OperationCanceledException)
            {
                Log.TrainingFailed(_logger, ex, total.Elapsed.TotalSeconds);
            }

            throw;
        }
    }

    private FeaturizedSet Featurize(
        FeatureExtractor extractor, string name, ImageDataset set,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var step = Math.Max(1, set.Images.Count / 100);
        var result = extractor.Extract(set.Images, mirror: false, (done, count) =>
        {
            if (done % step == 0 || done == count)
            {
                progress?.Report(new TrainingProgress(TrainingStage.Featurizing, done, count, name));
            }
        }, cancellationToken);

        var seconds = watch.Elapsed.TotalSeconds;
        Log.SetFeaturized(_logger, name, set.Images.Count, seconds, set.Images.Count / Math.Max(seconds, 1e-9),
            result.CacheHits, result.Skipped.Count);
        return new FeaturizedSet(set.Images, result);
    }

    private (ITransformer Head, string Name, List<HeadCandidate> Candidates) ChooseHead(
        MLContext ml, DatasetSplit split, FeaturizedSet train, FeaturizedSet validation, BackboneLease lease,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var trainView = HeadModel.ToDataView(ml, train.Rows());
        var scored = new List<(ITransformer Head, string Name, EvaluationReport Report, TimeSpan Time)>();
        foreach (var l2 in _options.L2Candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = string.Create(CultureInfo.InvariantCulture, $"L-BFGS maximum entropy, L2={l2}");
            progress?.Report(new TrainingProgress(TrainingStage.TrainingHead, scored.Count, _options.L2Candidates.Count, name));
            var watch = Stopwatch.StartNew();
            var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = HeadModel.LabelKey,
                FeatureColumnName = nameof(FeatureRow.Features),
                L2Regularization = l2,
                L1Regularization = 0,
            });
            var head = HeadModel.Prefix(ml, split.ClassNames).Append(trainer).Fit(trainView);
            var time = watch.Elapsed;

            var scores = HeadModel.Score(ml, head, validation.Rows());
            var classIndex = split.ClassNames.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
            var rows = validation.Rows().ToList();
            var items = rows.Select((r, i) => (string.Empty, classIndex[r.Label], scores[i])).ToList();
            var report = MetricsCalculator.Compute(split.ClassNames, items, split.PositiveClass, []);
            Log.CandidateScored(_logger, name, report.MicroAccuracy, report.LogLoss, time.TotalSeconds);
            scored.Add((head, name, report, time));
        }

        var best = scored.MinBy(s => s.Report.LogLoss);
        var candidates = scored
            .Select(s => new HeadCandidate(s.Name, s.Report.MicroAccuracy, s.Report.LogLoss, s.Time, s.Name == best.Name))
            .ToList();
        progress?.Report(new TrainingProgress(TrainingStage.TrainingHead, scored.Count, scored.Count, best.Name));
        _ = lease;
        return (best.Head, best.Name, candidates);
    }

    private FeatureCache? OpenCache()
    {
        if (!_options.UseFeatureCache)
        {
            return null;
        }

        var directory = _options.ResolveCacheDirectory();
        try
        {
            return new FeatureCache(directory, _logger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.CacheUnavailable(_logger, directory, ex.Message);
            return null;
        }
    }

    private static void CheckUsable(IReadOnlyList<string> classNames, FeaturizedSet train, FeaturizedSet validation)
    {
        var problems = new List<string>();
        foreach (var className in classNames)
        {
            var inTrain = train.CountUsable(className);
            var inValidation = validation.CountUsable(className);
            if (inTrain < 1 || inValidation < 1)
            {
                problems.Add($"'{className}' has {inTrain} usable training and {inValidation} usable validation images");
            }
        }

        if (problems.Count > 0)
        {
            var skipped = train.Result.Skipped.Count + validation.Result.Skipped.Count;
            throw new DogClassifierException(
                $"Too little usable data remains after skipping {skipped} unusable image(s): {string.Join("; ", problems)}. " +
                "Every class needs at least one usable image in the training and in the validation set.");
        }
    }

    private sealed record FeaturizedSet(IReadOnlyList<LabeledImage> Images, ExtractionResult Result)
    {
        public int Usable => Result.Features.Count(f => f is not null);

        public int CountUsable(string label) => Images.Where((image, i) => image.Label == label && Result.Features[i] is not null).Count();

        public IEnumerable<FeatureRow> Rows() => Images
            .Select((image, i) => (image, features: Result.Features[i]))
            .Where(p => p.features is not null)
            .Select(p => new FeatureRow { Features = p.features!, Label = p.image.Label });
    }
}
