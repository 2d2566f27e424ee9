using Microsoft.Extensions.Logging;

namespace DogClassifier.Featurization;

/// <summary>
/// A counted reference to a network shared by every model loaded with the same
/// <see cref="BackboneOptions"/>, so that loading or reloading a model does not load the 64 MB
/// network again. The network is released when its last lease is disposed.
/// </summary>
internal sealed class BackboneLease : IDisposable
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<BackboneOptions, Entry> Shared = [];

    private readonly BackboneOptions _key;
    private int _disposed;

    private BackboneLease(BackboneOptions key, ResNet18Backbone backbone)
    {
        _key = key;
        Backbone = backbone;
    }

    public ResNet18Backbone Backbone { get; }

    public static BackboneLease Acquire(BackboneOptions options, ILogger logger)
    {
        var key = options with { ModelDirectory = Path.GetFullPath(options.ResolveModelDirectory()) };
        lock (Gate)
        {
            if (!Shared.TryGetValue(key, out var entry))
            {
                entry = new Entry(new ResNet18Backbone(key, logger));
                Shared[key] = entry;
            }

            entry.Count++;
            return new BackboneLease(key, entry.Backbone);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        lock (Gate)
        {
            var entry = Shared[_key];
            if (--entry.Count == 0)
            {
                Shared.Remove(_key);
                entry.Backbone.Dispose();
            }
        }
    }

    private sealed class Entry(ResNet18Backbone backbone)
    {
        public ResNet18Backbone Backbone { get; } = backbone;

        public int Count { get; set; }
    }
}
