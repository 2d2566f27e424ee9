using DogClassifier.Data;
using DogClassifier.Diagnostics;
using DogClassifier.Evaluation;
using DogClassifier.Featurization;
using DogClassifier.Imaging;
using DogClassifier.Models;
using DogClassifier.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogClassifier.Prediction;

/// <summary>
/// A trained classifier: the pretrained network followed by a head trained on its features.
/// Every method is thread-safe, so one instance can serve many threads at once.
/// </summary>
/// <remarks>
/// Dispose it when done: it holds native ONNX Runtime resources (shared between models that use
/// the same <see cref="BackboneOptions"/>).
/// </remarks>
public sealed partial class ImageClassifier : IDisposable
{
    private readonly ClassifierHead _head;
    private readonly BackboneLease _backbone;
    private readonly FeatureExtractor _extractor;
    private readonly ILogger _logger;
    private bool _disposed;

    internal ImageClassifier(ModelManifest manifest, ClassifierHead head, BackboneLease backbone, ILogger logger)
    {
        if (manifest.BackboneSha256 != backbone.Backbone.Hash)
        {
            backbone.Dispose();
            throw new DogClassifierException(
                $"The model was trained on network {manifest.BackboneSha256[..12]}…, but the installed ResNet-18 is " +
                $"{backbone.Backbone.Hash[..12]}…. Use the Microsoft.ML.DnnImageFeaturizer.ResNet18 version it was trained with.");
        }

        Manifest = manifest with { HeadKind = head.Kind };
        _head = head;
        _backbone = backbone;
        _logger = logger;
        _extractor = new FeatureExtractor(backbone.Backbone, manifest.Image, cache: null, logger);
    }

    /// <summary>The classes, in the order of the model's scores.</summary>
    public IReadOnlyList<string> ClassNames => Manifest.ClassNames;

    /// <summary>The positive class of a binary question, or <c>null</c>.</summary>
    public string? PositiveClass => Manifest.PositiveClass;

    /// <summary>The decoding and resizing settings the model was trained with.</summary>
    public ImageOptions ImageOptions => Manifest.Image;

    /// <summary>A short description of the trained head, e.g. its trainer and settings.</summary>
    public string Head => Manifest.Head;

    internal ModelManifest Manifest { get; }

    internal FeatureExtractor Extractor => _extractor;

    internal ClassifierHead TrainedHead => _head;

    /// <summary>Loads a model file. Models must come from a trusted source.</summary>
    /// <param name="path">The model file written by <see cref="Save(string)"/>.</param>
    /// <param name="backbone">Where the network is and what it runs on; the default when <c>null</c>.</param>
    /// <param name="loggerFactory">Receives the library's logs.</param>
    /// <exception cref="DogClassifierException">The file is missing, damaged, or made for another network.</exception>
    public static ImageClassifier Load(string path, BackboneOptions? backbone = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new DogClassifierException($"The model file '{Path.GetFullPath(path)}' does not exist.");
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path, backbone, loggerFactory);
    }

    /// <summary>Loads a model from a stream. Models must come from a trusted source.</summary>
    /// <param name="stream">The model, as written by <see cref="Save(Stream)"/>.</param>
    /// <param name="name">A name for the model in messages and logs.</param>
    /// <param name="backbone">Where the network is and what it runs on; the default when <c>null</c>.</param>
    /// <param name="loggerFactory">Receives the library's logs.</param>
    /// <exception cref="DogClassifierException">The stream is damaged or made for another network.</exception>
    public static ImageClassifier Load(
        Stream stream, string name = "model", BackboneOptions? backbone = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ImageClassifier>();
        var (manifest, head) = ModelFile.Read(stream, name);
        var lease = BackboneLease.Acquire(backbone ?? BackboneOptions.Default, logger);
        var classifier = new ImageClassifier(manifest, head, lease, logger);
        Log.ModelLoaded(logger, name, string.Join(", ", manifest.ClassNames));
        return classifier;
    }

    /// <summary>Classifies an image file.</summary>
    /// <param name="imagePath">The image file.</param>
    /// <param name="options">
    /// Abstention and test-time augmentation; <see cref="PredictionOptions.Default"/> when <c>null</c>.
    /// </param>
    /// <exception cref="InvalidImageException">The file is missing or is not a usable image.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ImagePrediction Predict(string imagePath, PredictionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imagePath);
        var bytes = ImageDecoder.ReadFile(imagePath, ImageOptions);
        return Predict(bytes, Path.GetFileName(imagePath), options);
    }

    /// <summary>Classifies an image read from a stream.</summary>
    /// <param name="image">The encoded image (JPEG, PNG, GIF, BMP or WebP).</param>
    /// <param name="name">A name for the image in messages and in the result.</param>
    /// <param name="options">
    /// Abstention and test-time augmentation; <see cref="PredictionOptions.Default"/> when <c>null</c>.
    /// </param>
    /// <remarks>
    /// Reading stops as soon as the stream passes <see cref="ImageOptions.MaxFileBytes"/>, so an
    /// endless or enormous stream is refused without being held in memory.
    /// </remarks>
    /// <exception cref="InvalidImageException">
    /// The stream is empty, longer than the byte limit or unreadable, or its bytes are not a usable image.
    /// </exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ImagePrediction Predict(Stream image, string? name = null, PredictionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var bytes = ImageDecoder.ReadStream(image, name ?? "image", ImageOptions);
        return Predict(bytes, name, options);
    }

    /// <summary>Classifies an image held in memory.</summary>
    /// <param name="image">The encoded image (JPEG, PNG, GIF, BMP or WebP).</param>
    /// <param name="name">A name for the image in messages and in the result.</param>
    /// <param name="options">
    /// Abstention and test-time augmentation; <see cref="PredictionOptions.Default"/> when <c>null</c>.
    /// </param>
    /// <remarks>
    /// Bytes that are not a usable image (empty, truncated, corrupt, text, another format, over
    /// the pixel budget or too small) always end in an <see cref="InvalidImageException"/> whose
    /// <see cref="InvalidImageException.Reason"/> says which; the decoder's own failures are
    /// wrapped in it too.
    /// </remarks>
    /// <exception cref="InvalidImageException">The bytes are not a usable image.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ImagePrediction Predict(
        ReadOnlySpan<byte> image, string? name = null, PredictionOptions? options = null)
    {
        options ??= PredictionOptions.Default;
        options.Validate();
        ObjectDisposedException.ThrowIf(_disposed, this);

        var source = name ?? "image";
        var scores = _head.Score(_extractor.ExtractOne(image, source));
        if (options.TestTimeAugmentation)
        {
            var mirrored = _head.Score(_extractor.ExtractOne(image, source, mirror: true));
            scores = ClassifierHead.Average(scores, mirrored);
        }

        return ToPrediction(name, scores, options.ConfidenceThreshold);
    }

    /// <summary>
    /// Measures the model on a labelled set. Images that cannot be decoded are skipped and listed
    /// in <see cref="EvaluationReport.Skipped"/>.
    /// </summary>
    /// <param name="dataset">The labelled images; a binary model folds their classes as it was trained.</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    /// <exception cref="DogClassifierException">The set holds a class the model does not know.</exception>
    public EvaluationReport Evaluate(ImageDataset dataset, CancellationToken cancellationToken = default) =>
        Evaluate(dataset, PredictionOptions.Default, cancellationToken);

    /// <summary>
    /// Measures the model on a labelled set, predicting as <paramref name="options"/> say. Images
    /// that cannot be decoded are skipped and listed in <see cref="EvaluationReport.Skipped"/>.
    /// </summary>
    /// <param name="dataset">The labelled images; a binary model folds their classes as it was trained.</param>
    /// <param name="options">
    /// With <see cref="PredictionOptions.TestTimeAugmentation"/>, every image is scored as the mean
    /// of its scores and its mirror's. <see cref="PredictionOptions.ConfidenceThreshold"/> does not
    /// change the metrics, which always judge the most likely class.
    /// </param>
    /// <param name="cancellationToken">Stops the work early.</param>
    /// <exception cref="DogClassifierException">The set holds a class the model does not know.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public EvaluationReport Evaluate(
        ImageDataset dataset, PredictionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed, this);
        options.Validate();
        ObjectDisposedException.ThrowIf(_disposed, this);

        var images = Relabel(dataset);
        var extracted = _extractor.Extract(images, mirror: false, onProgress: null, cancellationToken);
        var mirrored = options.TestTimeAugmentation
            ? _extractor.Extract(images, mirror: true, onProgress: null, cancellationToken).Features
            : null;
        var report = Evaluate(images, extracted.Features, mirrored, extracted.Skipped);
        Log.Evaluated(_logger, report.Count, report.MicroAccuracy, report.MacroAccuracy, report.LogLoss);
        return report;
    }

    /// <summary>Writes the model to a file atomically: a crash never leaves a half-written file.</summary>
    /// <param name="path">The file to write; its folder is created when missing.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ObjectDisposedException.ThrowIf(_disposed, this);
        AtomicFile.Write(path, Save);
        Log.ModelSaved(_logger, Path.GetFullPath(path), new FileInfo(path).Length);
    }

    /// <summary>Writes the model to a stream.</summary>
    /// <param name="destination">A writable stream.</param>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ModelFile.Write(destination, Manifest, _head);
    }

    /// <summary>Releases the network when no other model uses it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _head.Dispose();
        _backbone.Dispose();
    }

    /// <summary>
    /// Scores features already extracted, averaging in the mirrored images' scores when given,
    /// and builds the report. An image counts when its features (and its mirror's) exist.
    /// </summary>
    internal EvaluationReport Evaluate(
        IReadOnlyList<LabeledImage> images,
        float[]?[] features,
        float[]?[]? mirrored,
        IReadOnlyList<SkippedFile> skipped)
    {
        var rows = new List<float[]>();
        var mirrorRows = new List<float[]>();
        var kept = new List<LabeledImage>();
        for (int i = 0; i < images.Count; i++)
        {
            if (features[i] is { } f && (mirrored is null || mirrored[i] is not null))
            {
                rows.Add(f);
                mirrorRows.Add(mirrored?[i]!);
                kept.Add(images[i]);
            }
        }

        var scores = _head.ScoreAll(rows);
        if (mirrored is not null)
        {
            var mirrorScores = _head.ScoreAll(mirrorRows);
            scores = [.. scores.Select((s, i) => ClassifierHead.Average(s, mirrorScores[i]))];
        }

        var classIndex = ClassNames.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var items = kept.Select((image, i) => (image.Path, classIndex[image.Label], scores[i])).ToList();
        return MetricsCalculator.Compute(ClassNames, items, PositiveClass, skipped);
    }

    internal float[] ScoreOne(float[] features) => _head.Score(features);

    internal ImagePrediction ToPrediction(string? input, float[] scores, double? confidenceThreshold = null)
    {
        var best = MetricsCalculator.ArgMax(scores);
        var byClass = ClassNames.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => scores[p.i], StringComparer.Ordinal);
        return new ImagePrediction(input, ClassNames[best], scores[best], byClass)
        {
            IsUnsure = scores[best] < confidenceThreshold,
        };
    }

    /// <summary>Maps a dataset's folders onto the model's classes, folding as a binary model was trained.</summary>
    private List<LabeledImage> Relabel(ImageDataset dataset)
    {
        var result = new List<LabeledImage>(dataset.Images.Count);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var image in dataset.Images)
        {
            var label = PositiveClass is null ? image.SourceClass
                : image.SourceClass == PositiveClass ? PositiveClass
                : ClassNames.First(c => c != PositiveClass);
            if (!ClassNames.Contains(label))
            {
                unknown.Add(image.SourceClass);
            }

            result.Add(image with { Label = label });
        }

        if (unknown.Count > 0)
        {
            throw new DogClassifierException(
                $"The evaluation set has classes the model does not know: {string.Join(", ", unknown)}. " +
                $"The model's classes are {string.Join(", ", ClassNames)}.");
        }

        return result;
    }
}
