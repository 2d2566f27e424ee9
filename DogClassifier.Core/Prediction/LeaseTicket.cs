using Microsoft.Extensions.ObjectPool;

namespace DogClassifier.Prediction;

/// <summary>
/// The pooled object behind a <see cref="ClassifierLease"/>. Its token changes on every return,
/// so a stale copy of a lease can neither use nor return the ticket once it is rented again.
/// </summary>
internal sealed class LeaseTicket(ObjectPool<LeaseTicket> home)
{
    private ModelVersion? _version;
    private int _token;

    public int Token => Volatile.Read(ref _token);

    /// <summary>Hands the ticket a version already acquired for it.</summary>
    public void Assign(ModelVersion version) => Volatile.Write(ref _version, version);

    /// <summary>The version, while the lease holding <paramref name="token"/> is out.</summary>
    public ModelVersion? VersionFor(int token)
    {
        var version = Volatile.Read(ref _version);
        return Volatile.Read(ref _token) == token ? version : null;
    }

    /// <summary>Releases the version and goes back to the pool, once per token.</summary>
    public void Return(int token)
    {
        if (Interlocked.CompareExchange(ref _token, unchecked(token + 1), token) != token)
        {
            return;
        }

        var version = Interlocked.Exchange(ref _version, null);
        try
        {
            version?.Release();
        }
        finally
        {
            home.Return(this);
        }
    }

    /// <summary>A pool of tickets, each of which knows the pool it goes back to.</summary>
    public static ObjectPool<LeaseTicket> CreatePool()
    {
        var policy = new Policy();
        var pool = new DefaultObjectPool<LeaseTicket>(policy, Environment.ProcessorCount * 4);
        policy.Home = pool;
        return pool;
    }

    private sealed class Policy : IPooledObjectPolicy<LeaseTicket>
    {
        public ObjectPool<LeaseTicket>? Home { get; set; }

        public LeaseTicket Create() => new(Home!);

        public bool Return(LeaseTicket obj) => true;
    }
}
