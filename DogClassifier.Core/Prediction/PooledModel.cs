using System.Diagnostics;
using System.Security.Cryptography;
using DogClassifier.Diagnostics;
using DogClassifier.Featurization;
using Microsoft.Extensions.Logging;

namespace DogClassifier.Prediction;

/// <summary>
/// One named model of a pool: loads it on first use, reloads it when its file changes (retrying
/// a file that cannot be read yet, with a doubling delay) and swaps versions atomically.
/// </summary>
/// <remarks>
/// Loads and swaps are serialised by one lock; renting takes no lock once a version is loaded.
/// A renter re-checks, after acquiring a version, that it is still current, so once a swap has
/// happened no renter receives the old version again.
/// </remarks>
internal sealed class PooledModel : IDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly PooledModelOptions _source;
    private readonly ImageClassifierPoolOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Action<ModelVersion> _onLoaded;
    private readonly Action<ModelVersion> _onReleased;
    private ModelVersion? _current;
    private ModelFileWatcher? _watcher;
    private int _versions;
    private int _failedAttempts;
    private Stopwatch? _failingSince;
    private string? _lastError;
    private bool _started;
    private bool _disposed;

    public PooledModel(
        string name, PooledModelOptions source, ImageClassifierPoolOptions options,
        ILoggerFactory loggerFactory, Action<ModelVersion> onLoaded, Action<ModelVersion> onReleased)
    {
        Name = name;
        FilePath = Path.GetFullPath(source.FilePath);
        _source = source;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ImageClassifierPool>();
        _onLoaded = onLoaded;
        _onReleased = onReleased;
    }

    public string Name { get; }

    public string FilePath { get; }

    /// <summary>The current version with one reference added for the caller; loads it on first use.</summary>
    /// <exception cref="DogClassifierException">The model has never been loaded and cannot be now.</exception>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public ModelVersion Acquire()
    {
        while (true)
        {
            var version = Volatile.Read(ref _current) ?? LoadFirst();
            if (version.TryAcquire())
            {
                if (ReferenceEquals(version, Volatile.Read(ref _current)))
                {
                    return version;
                }

                version.Release();
            }
        }
    }

    /// <summary>Loads the model now if no version is loaded yet.</summary>
    public void EnsureLoaded() => _ = Volatile.Read(ref _current) ?? LoadFirst();

    /// <summary>Reads the file now; true when a new version replaced the current one.</summary>
    /// <exception cref="DogClassifierException">The file cannot be loaded; the current version stays.</exception>
    public bool Reload()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            StartWatching();
            return LoadOrThrow("reload requested");
        }
    }

    public PooledModelStatus Status()
    {
        var version = Volatile.Read(ref _current);
        var model = version is null ? null : new PooledModelInfo(
            version.Number, version.LoadedAt, version.Classifier.ClassNames,
            version.Classifier.PositiveClass, version.Classifier.Head, version.Sha256);
        return new PooledModelStatus(Name, FilePath, _source.WatchForChanges, model, Volatile.Read(ref _lastError));
    }

    public void Dispose()
    {
        ModelVersion? current;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _watcher?.Dispose();
            current = Interlocked.Exchange(ref _current, null);
        }

        current?.Release();
    }

    private ModelVersion LoadFirst()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_current is { } loaded)
            {
                return loaded;
            }

            StartWatching();
            LoadOrThrow("first use");
            return _current!;
        }
    }

    /// <summary>Loads the file and swaps it in; false when its content is already current.</summary>
    private bool LoadOrThrow(string trigger)
    {
        try
        {
            var loaded = Load(trigger);
            Volatile.Write(ref _lastError, null);
            return loaded;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Volatile.Write(ref _lastError, ex.Message);
            throw new DogClassifierException(
                $"The model '{Name}' could not be loaded from '{FilePath}': {ex.Message}", ex);
        }
    }

    private bool Load(string trigger)
    {
        var watch = Stopwatch.StartNew();
        var bytes = ReadShared(FilePath);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (_current is { } current && current.Sha256 == sha256)
        {
            Log.ModelFileUnchanged(_logger, FilePath, Name, current.Number);
            return false;
        }

        using var stream = new MemoryStream(bytes, writable: false);
        var classifier = ImageClassifier.Load(stream, FilePath, _options.Backbone, _loggerFactory);
        var version = new ModelVersion(Name, ++_versions, classifier, sha256, _onReleased);
        _onLoaded(version);
        var previous = Interlocked.Exchange(ref _current, version);
        previous?.Release();
        Log.PooledModelLoaded(_logger, Name, version.Number, FilePath, watch.Elapsed.TotalMilliseconds, trigger);
        return true;
    }

    private void StartWatching()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        if (_source.WatchForChanges)
        {
            _watcher = new ModelFileWatcher(
                FilePath, _options.ReloadDelay, _options.PollInterval, OnFileChanged, _logger);
        }
    }

    /// <summary>Runs on a pool thread when the watched file changed; never throws.</summary>
    private void OnFileChanged()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                Load(_failedAttempts == 0 ? "file changed" : $"attempt {_failedAttempts + 1}");
                Volatile.Write(ref _lastError, null);
                _failedAttempts = 0;
                _failingSince = null;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Volatile.Write(ref _lastError, ex.Message);
                RetryLater(ex.Message);
            }
        }
    }

    private void RetryLater(string reason)
    {
        _failingSince ??= Stopwatch.StartNew();
        _failedAttempts++;
        var serving = _current is { } current ? $"version {current.Number}" : "no model";
        if (_failedAttempts >= _options.ReloadAttempts)
        {
            Log.PooledModelReloadAbandoned(
                _logger, Name, FilePath, _failedAttempts, _failingSince.Elapsed.TotalSeconds, serving, reason);
            _failedAttempts = 0;
            _failingSince = null;
            return;
        }

        var delay = _options.RetryDelay * Math.Pow(2, _failedAttempts - 1);
        delay = delay < MaxRetryDelay ? delay : MaxRetryDelay;
        Log.PooledModelReloadFailed(
            _logger, Name, FilePath, _failedAttempts, _options.ReloadAttempts, serving,
            delay.TotalMilliseconds, reason);
        _watcher?.Schedule(delay);
    }

    /// <summary>Reads a file without blocking a writer that replaces or deletes it meanwhile.</summary>
    private static byte[] ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            throw new DogClassifierException($"The model file '{path}' does not exist.");
        }

        using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private void ThrowIfDisposed() =>
        ObjectDisposedException.ThrowIf(_disposed, typeof(ImageClassifierPool));
}
