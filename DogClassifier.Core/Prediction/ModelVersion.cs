namespace DogClassifier.Prediction;

/// <summary>
/// One loaded version of a pooled model, counted: the pool holds one reference while the version
/// is current and every lease holds one more. The classifier is disposed when the count reaches
/// zero, that is, once the version has been replaced and its last lease has been returned.
/// </summary>
internal sealed class ModelVersion
{
    private readonly Action<ModelVersion> _onReleased;
    private int _references = 1;

    public ModelVersion(
        string name, int number, ImageClassifier classifier, string sha256, Action<ModelVersion> onReleased)
    {
        Name = name;
        Number = number;
        Classifier = classifier;
        Sha256 = sha256;
        _onReleased = onReleased;
    }

    public string Name { get; }

    /// <summary>1 for the first load of the name, counting up with every reload.</summary>
    public int Number { get; }

    public ImageClassifier Classifier { get; }

    /// <summary>SHA-256 of the model file's bytes, in hex.</summary>
    public string Sha256 { get; }

    public DateTimeOffset LoadedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Adds a reference unless the version has already been released.</summary>
    public bool TryAcquire()
    {
        var count = Volatile.Read(ref _references);
        while (count > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, count + 1, count);
            if (seen == count)
            {
                return true;
            }

            count = seen;
        }

        return false;
    }

    /// <summary>Drops a reference, disposing the classifier with the last one.</summary>
    public void Release()
    {
        var count = Interlocked.Decrement(ref _references);
        if (count == 0)
        {
            Classifier.Dispose();
            _onReleased(this);
        }
        else if (count < 0)
        {
            throw new InvalidOperationException(
                $"Version {Number} of model '{Name}' was released more often than it was acquired.");
        }
    }
}
