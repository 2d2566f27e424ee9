using System.Diagnostics;
using DogClassifier.Data;
using DogClassifier.Diagnostics;
using DogClassifier.Featurization;
using DogClassifier.Models;
using DogClassifier.Prediction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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

    /// <summary>
    /// Trains on <see cref="DatasetSplit.Train"/>, chooses on the validation set, reports on the
    /// test set. When the split has no validation images, <see cref="TrainingOptions.ValidationFraction"/>
    /// of the training images are held out for validation instead.
    /// </summary>
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
        var (trainSet, validationSet) = ResolveValidation(split);
        var lease = BackboneLease.Acquire(_options.Backbone, _logger);
        try
        {
            var extractor = new FeatureExtractor(lease.Backbone, _options.Image, OpenCache(), _logger);
            var train = Featurize(extractor, "training", trainSet, mirror: false, progress, cancellationToken);
            var mirrored = _options.MirrorAugmentation
                ? Featurize(extractor, "training (mirrored)", trainSet, mirror: true, progress, cancellationToken)
                : null;
            var validation = Featurize(
                extractor, "validation", validationSet, mirror: false, progress, cancellationToken);
            var test = Featurize(extractor, "test", split.Test, mirror: false, progress, cancellationToken);
            var featurizationTime = total.Elapsed;
            CheckUsable(split.ClassNames, train, validation);

            var headWatch = Stopwatch.StartNew();
            var classIndex = split.ClassNames
                .Select((c, i) => (c, i))
                .ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
            var trainRows = train.Labeled(classIndex);
            if (mirrored is not null)
            {
                trainRows = trainRows.Concat(mirrored.Labeled(classIndex));
            }

            var search = new HeadSearch(_options, split.ClassNames, split.PositiveClass, _logger)
                .Run(trainRows, validation.Labeled(classIndex), progress, cancellationToken);
            var headTime = headWatch.Elapsed;

            var model = new ImageClassifier(
                Manifest(split, lease, search), search.Head, lease, _loggerFactory.CreateLogger<ImageClassifier>());
            progress?.Report(new TrainingProgress(TrainingStage.Evaluating, 0, 1, "test"));
            var validationReport = model.Evaluate(
                validation.Images, validation.Result.Features, null, validation.Result.Skipped);
            var testReport = split.Test.Images.Count == 0
                ? null
                : model.Evaluate(test.Images, test.Result.Features, null, test.Result.Skipped);
            progress?.Report(new TrainingProgress(TrainingStage.Evaluating, 1, 1, "test"));

            Log.Trained(_logger, string.Join(", ", split.ClassNames), search.Name, validationReport.MicroAccuracy,
                testReport?.MicroAccuracy ?? double.NaN, total.Elapsed.TotalSeconds);
            return new TrainingResult
            {
                Model = model,
                Validation = validationReport,
                Test = testReport,
                Candidates = search.Candidates,
                Epochs = search.Epochs,
                Skipped = [.. train.Result.Skipped, .. validation.Result.Skipped, .. test.Result.Skipped],
                Counts = new SplitCounts(train.Usable, validation.Usable, test.Usable),
                CacheHits = train.Result.CacheHits + (mirrored?.Result.CacheHits ?? 0)
                    + validation.Result.CacheHits + test.Result.CacheHits,
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

    /// <summary>The split's own validation set, or one held out of the training set when it has none.</summary>
    private (ImageDataset Train, ImageDataset Validation) ResolveValidation(DatasetSplit split)
    {
        if (split.Validation.Images.Count > 0)
        {
            return (split.Train, split.Validation);
        }

        var fraction = _options.ValidationFraction;
        var held = split.Train.Split(new SplitOptions
        {
            TrainFraction = 1 - fraction,
            ValidationFraction = fraction,
            TestFraction = 0,
            Seed = _options.Seed,
        });
        Log.ValidationHeldOut(_logger, held.Validation.Images.Count, split.Train.Images.Count, fraction);
        return (held.Train, held.Validation);
    }

    private ModelManifest Manifest(DatasetSplit split, BackboneLease lease, HeadSearchResult search) => new()
    {
        ClassNames = split.ClassNames,
        PositiveClass = split.PositiveClass,
        Image = _options.Image,
        Backbone = "ResNet-18 (ImageNet), Microsoft.ML.DnnImageFeaturizer.ResNet18",
        BackboneSha256 = lease.Backbone.Hash,
        FeatureSize = ResNet18Backbone.FeatureSize,
        Head = search.Name,
        HeadKind = search.Head.Kind,
    };

    private FeaturizedSet Featurize(
        FeatureExtractor extractor, string name, ImageDataset set, bool mirror,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var step = Math.Max(1, set.Images.Count / 100);
        var result = extractor.Extract(set.Images, mirror, (done, count) =>
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

        public LabeledFeatures Labeled(IReadOnlyDictionary<string, int> classIndex)
        {
            var usable = Enumerable.Range(0, Images.Count).Where(i => Result.Features[i] is not null).ToList();
            return new LabeledFeatures(
                [.. usable.Select(i => Result.Features[i]!)],
                [.. usable.Select(i => classIndex[Images[i].Label])]);
        }
    }
}
