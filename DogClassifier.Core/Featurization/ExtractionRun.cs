using DogClassifier.Data;

namespace DogClassifier.Featurization;

/// <summary>
/// The shared state of one extraction over a list of images: which image is next, the results
/// so far and the progress, safe to use from every worker at once.
/// </summary>
internal sealed class ExtractionRun(
    IReadOnlyList<LabeledImage> images, string fingerprint, bool mirror, Action<int, int>? onProgress)
{
    private readonly float[]?[] _features = new float[]?[images.Count];
    private readonly SkippedFile?[] _skipped = new SkippedFile?[images.Count];
    private int _next = -1;
    private int _done;
    private int _hits;

    public string Fingerprint => fingerprint;

    public bool Mirror => mirror;

    /// <summary>Claims the next image, or returns false when none is left.</summary>
    public bool TryTake(out int index, out string path)
    {
        index = Interlocked.Increment(ref _next);
        path = index < images.Count ? images[index].Path : string.Empty;
        return index < images.Count;
    }

    public void Complete(int index, float[] features)
    {
        _features[index] = features;
        Report();
    }

    public void Skip(int index, SkippedFile skipped)
    {
        _skipped[index] = skipped;
        Report();
    }

    public void CountHit() => Interlocked.Increment(ref _hits);

    public ExtractionResult ToResult() =>
        new(_features, [.. _skipped.OfType<SkippedFile>()], Volatile.Read(ref _hits));

    private void Report()
    {
        var done = Interlocked.Increment(ref _done);
        onProgress?.Invoke(done, images.Count);
    }
}
