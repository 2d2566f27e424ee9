using System.Collections.Frozen;
using DogClassifier.Diagnostics;
using DogClassifier.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.ObjectPool;

namespace DogClassifier.Prediction;

/// <summary>
/// Serves named models to many threads at once, each loaded from a file on first use and, when
/// asked, reloaded when the file changes. Every member is thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Use <see cref="Predict(string, string)"/> and its overloads for one call, or
/// <see cref="Rent(string)"/> to hold one version of a model across several calls. A reload
/// loads the new file beside the old model and swaps it in atomically: calls that start after the
/// swap get the new model, calls in flight finish on the old one, and the old one is disposed
/// when its last call returns. A file that cannot be loaded leaves the current model serving.
/// </para>
/// <para>Models must come from a trusted source.</para>
/// </remarks>
public sealed class ImageClassifierPool : IDisposable
{
    /// <summary>The name of the model registered without a name.</summary>
    public const string DefaultModelName = "default";

    private readonly FrozenDictionary<string, PooledModel> _models;
    private readonly ObjectPool<LeaseTicket> _tickets = LeaseTicket.CreatePool();
    private readonly ILogger _logger;
    private int _liveModels;
    private int _disposed;

    /// <summary>Creates a pool; no model is loaded until it is first used.</summary>
    /// <param name="options">The models and the reload settings; copied, so later changes have no effect.</param>
    /// <param name="loggerFactory">Receives the library's logs.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ImageClassifierPool(ImageClassifierPoolOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<ImageClassifierPool>();
        var settings = Copy(options);
        _models = settings.Models.ToFrozenDictionary(
            m => m.Key,
            m => new PooledModel(m.Key, m.Value, settings, loggerFactory, OnVersionLoaded, OnVersionReleased),
            StringComparer.Ordinal);
    }

    /// <summary>The names of the models this pool serves.</summary>
    public IReadOnlyCollection<string> ModelNames => _models.Keys;

    /// <summary>How many model versions are loaded, the current ones and those still in use.</summary>
    internal int LiveModelCount => Volatile.Read(ref _liveModels);

    /// <summary>
    /// Rents the current version of a model, loading it on first use. Dispose the lease to return
    /// it, best with a <c>using</c> statement so that it returns even when a prediction throws.
    /// </summary>
    /// <param name="modelName">The model's name.</param>
    /// <exception cref="ArgumentException">No model has this name.</exception>
    /// <exception cref="DogClassifierException">
    /// The model was never loaded and its file cannot be loaded now.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public ClassifierLease Rent(string modelName = DefaultModelName)
    {
        var version = Model(modelName).Acquire();
        var ticket = _tickets.Get();
        ticket.Assign(version);
        return new ClassifierLease(ticket);
    }

    /// <summary>Classifies an image file with the current version of a model.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="imagePath">The image file.</param>
    /// <exception cref="InvalidImageException">The file is missing or is not a usable image.</exception>
    /// <exception cref="DogClassifierException">The model cannot be loaded.</exception>
    public ImagePrediction Predict(string modelName, string imagePath)
    {
        using var lease = Rent(modelName);
        return lease.Classifier.Predict(imagePath);
    }

    /// <summary>Classifies an image held in memory with the current version of a model.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="image">The encoded image (JPEG, PNG, GIF, BMP or WebP).</param>
    /// <param name="imageName">A name for the image in messages and in the result.</param>
    /// <exception cref="InvalidImageException">The bytes are not a usable image.</exception>
    /// <exception cref="DogClassifierException">The model cannot be loaded.</exception>
    public ImagePrediction Predict(string modelName, ReadOnlySpan<byte> image, string? imageName = null)
    {
        using var lease = Rent(modelName);
        return lease.Classifier.Predict(image, imageName);
    }

    /// <summary>Classifies an image read from a stream with the current version of a model.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="image">The encoded image (JPEG, PNG, GIF, BMP or WebP).</param>
    /// <param name="imageName">A name for the image in messages and in the result.</param>
    /// <exception cref="InvalidImageException">The bytes are not a usable image.</exception>
    /// <exception cref="DogClassifierException">The model cannot be loaded.</exception>
    public ImagePrediction Predict(string modelName, Stream image, string? imageName = null)
    {
        using var lease = Rent(modelName);
        return lease.Classifier.Predict(image, imageName);
    }

    /// <summary>
    /// Classifies many image files with one version of a model, as
    /// <see cref="ImageClassifier.PredictBatch"/> does: unusable images are reported, never fatal.
    /// </summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="imagePaths">The image files.</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    /// <exception cref="DogClassifierException">The model cannot be loaded.</exception>
    /// <exception cref="OperationCanceledException">The work was cancelled.</exception>
    public BatchPrediction PredictBatch(
        string modelName, IEnumerable<string> imagePaths, CancellationToken cancellationToken = default)
    {
        using var lease = Rent(modelName);
        return lease.Classifier.PredictBatch(imagePaths, cancellationToken);
    }

    /// <summary>Classifies every image in a folder and its sub-folders with one version of a model.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    /// <exception cref="DogClassifierException">The folder does not exist or the model cannot be loaded.</exception>
    /// <exception cref="OperationCanceledException">The work was cancelled.</exception>
    public BatchPrediction PredictFolder(string modelName, string folder, CancellationToken cancellationToken = default)
    {
        using var lease = Rent(modelName);
        return lease.Classifier.PredictFolder(folder, cancellationToken);
    }

    /// <summary>Loads a model now unless it is loaded already, for example to warm up a service.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <exception cref="DogClassifierException">The file cannot be loaded.</exception>
    public void EnsureLoaded(string modelName = DefaultModelName) => Model(modelName).EnsureLoaded();

    /// <summary>Reads a model's file now and swaps it in when its content changed.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <returns><c>true</c> when a new version now serves; <c>false</c> when the file held the current one.</returns>
    /// <exception cref="DogClassifierException">
    /// The file cannot be loaded; the current version keeps serving.
    /// </exception>
    public bool Reload(string modelName = DefaultModelName) => Model(modelName).Reload();

    /// <summary>Says whether a model is loaded, which version, and why its last load failed.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <exception cref="ArgumentException">No model has this name.</exception>
    public PooledModelStatus GetStatus(string modelName = DefaultModelName) => Model(modelName).Status();

    /// <summary>
    /// Stops watching files and releases every model; versions still rented are released when
    /// their leases return.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var model in _models.Values)
        {
            model.Dispose();
        }
    }

    private PooledModel Model(string modelName)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return _models.TryGetValue(modelName, out var model)
            ? model
            : throw new ArgumentException(
                $"No model named '{modelName}' is registered; this pool serves {string.Join(", ", _models.Keys)}.",
                nameof(modelName));
    }

    private void OnVersionLoaded(ModelVersion version) => Interlocked.Increment(ref _liveModels);

    private void OnVersionReleased(ModelVersion version)
    {
        Interlocked.Decrement(ref _liveModels);
        Log.PooledModelReleased(_logger, version.Name, version.Number);
    }

    private static ImageClassifierPoolOptions Copy(ImageClassifierPoolOptions options)
    {
        var copy = new ImageClassifierPoolOptions
        {
            Backbone = options.Backbone,
            ReloadDelay = options.ReloadDelay,
            PollInterval = options.PollInterval,
            ReloadAttempts = options.ReloadAttempts,
            RetryDelay = options.RetryDelay,
        };
        foreach (var (name, model) in options.Models)
        {
            copy.AddModel(name, model.FilePath, model.WatchForChanges);
        }

        return copy;
    }
}
