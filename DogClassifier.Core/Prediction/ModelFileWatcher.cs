using DogClassifier.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DogClassifier.Prediction;

/// <summary>
/// Calls back, on a pool thread, once a model file has changed and then stayed quiet for the
/// reload delay. Changes are reported by a <see cref="FileSystemWatcher"/> on the file's folder
/// and found by polling the file's size and time stamps, for file systems the watcher cannot see
/// into. A burst of events re-arms one timer, so a file written in many steps causes one call.
/// </summary>
internal sealed class ModelFileWatcher : IDisposable
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    private readonly string _path;
    private readonly TimeSpan _delay;
    private readonly Action _onChanged;
    private readonly ILogger _logger;
    private readonly Timer _timer;
    private readonly Timer? _poll;
    private readonly FileSystemWatcher? _watcher;
    private FileSignature _seen;
    private int _pending;
    private volatile bool _disposed;

    public ModelFileWatcher(string path, TimeSpan delay, TimeSpan pollInterval, Action onChanged, ILogger logger)
    {
        _path = Path.GetFullPath(path);
        _delay = delay;
        _onChanged = onChanged;
        _logger = logger;
        _seen = FileSignature.Of(_path);
        _timer = new Timer(_ => Fire());
        _watcher = TryWatch(pollInterval);
        if (pollInterval > TimeSpan.Zero)
        {
            _poll = new Timer(_ => Poll(), null, pollInterval, pollInterval);
        }
    }

    /// <summary>Whether a file-system watcher is active (else only polling notices changes).</summary>
    public bool IsWatching => _watcher is not null;

    /// <summary>Calls back after <paramref name="delay"/>, replacing any call already scheduled.</summary>
    public void Schedule(TimeSpan delay)
    {
        if (_disposed)
        {
            return;
        }

        Volatile.Write(ref _pending, 1);
        try
        {
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _watcher?.Dispose();
        _poll?.Dispose();
        _timer.Dispose();
    }

    private FileSystemWatcher? TryWatch(TimeSpan pollInterval)
    {
        try
        {
            var watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size
                    | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += OnEvent;
            watcher.Created += OnEvent;
            watcher.Renamed += OnEvent;
            watcher.Error += (_, e) => Changed($"watcher error: {e.GetException().Message}");
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or PlatformNotSupportedException)
        {
            Log.ModelFileWatchUnavailable(_logger, _path, ex.Message, pollInterval.TotalSeconds);
            return null;
        }
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        if (string.Equals(e.FullPath, _path, PathComparison))
        {
            Changed(e.ChangeType.ToString().ToLowerInvariant());
        }
    }

    private void Poll()
    {
        if (_disposed || Volatile.Read(ref _pending) == 1)
        {
            return;
        }

        if (FileSignature.Of(_path) != Volatile.Read(ref _seen))
        {
            Changed("poll");
        }
    }

    private void Changed(string trigger)
    {
        Log.ModelFileChanged(_logger, _path, trigger);
        Schedule(_delay);
    }

    private void Fire()
    {
        if (_disposed)
        {
            return;
        }

        Volatile.Write(ref _pending, 0);
        Volatile.Write(ref _seen, FileSignature.Of(_path));
        _onChanged();
    }
}
