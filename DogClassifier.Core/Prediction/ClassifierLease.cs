namespace DogClassifier.Prediction;

/// <summary>
/// A model rented from an <see cref="ImageClassifierPool"/>. Dispose it (with a <c>using</c>
/// statement) to return it: that happens even when the prediction throws, and returning a lease
/// twice, or disposing a copy of it, does nothing.
/// </summary>
/// <remarks>
/// While a lease is out, the version of the model it holds stays loaded, even when the file is
/// reloaded meanwhile; the old version is released when its last lease returns. A lease that is
/// never disposed keeps its version loaded for the life of the process.
/// </remarks>
public readonly struct ClassifierLease : IDisposable, IEquatable<ClassifierLease>
{
    private readonly LeaseTicket? _ticket;
    private readonly int _token;

    internal ClassifierLease(LeaseTicket ticket)
    {
        _ticket = ticket;
        _token = ticket.Token;
    }

    /// <summary>The rented classifier; use it only until the lease is returned.</summary>
    /// <exception cref="ObjectDisposedException">The lease was returned, or never rented.</exception>
    public ImageClassifier Classifier => Version.Classifier;

    /// <summary>The name the model was rented under.</summary>
    /// <exception cref="ObjectDisposedException">The lease was returned, or never rented.</exception>
    public string ModelName => Version.Name;

    /// <summary>Which load of the model this is: 1 for the first, counting up with every reload.</summary>
    /// <exception cref="ObjectDisposedException">The lease was returned, or never rented.</exception>
    public int ModelVersion => Version.Number;

    private ModelVersion Version =>
        _ticket?.VersionFor(_token) ?? throw new ObjectDisposedException(
            nameof(ClassifierLease),
            "This lease was already returned to the pool, or was never rented; rent another one.");

    /// <summary>Returns the lease to the pool; later calls do nothing.</summary>
    public void Dispose() => _ticket?.Return(_token);

    /// <inheritdoc/>
    public bool Equals(ClassifierLease other) => ReferenceEquals(_ticket, other._ticket) && _token == other._token;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ClassifierLease other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_ticket, _token);

    /// <summary>Whether two values are the same rental.</summary>
    /// <param name="left">One lease.</param>
    /// <param name="right">The other.</param>
    public static bool operator ==(ClassifierLease left, ClassifierLease right) => left.Equals(right);

    /// <summary>Whether two values are different rentals.</summary>
    /// <param name="left">One lease.</param>
    /// <param name="right">The other.</param>
    public static bool operator !=(ClassifierLease left, ClassifierLease right) => !left.Equals(right);
}
