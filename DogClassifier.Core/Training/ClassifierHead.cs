namespace DogClassifier.Training;

/// <summary>How a head is stored in a model file.</summary>
internal enum HeadKind
{
    /// <summary>An ML.NET transformer chain, stored as ML.NET's own zip.</summary>
    MlNet,

    /// <summary>A <see cref="SoftmaxHead"/>, stored as its standardisation and weights in JSON.</summary>
    Softmax,
}

/// <summary>
/// The trainable part of a model: it maps the network's features to one probability per class,
/// in class-name order. Implementations are immutable and thread-safe.
/// </summary>
internal abstract class ClassifierHead : IDisposable
{
    /// <summary>How the head is stored in a model file.</summary>
    public abstract HeadKind Kind { get; }

    /// <summary>The class probabilities of one feature vector.</summary>
    public abstract float[] Score(float[] features);

    /// <summary>The class probabilities of many feature vectors, in order.</summary>
    public virtual IReadOnlyList<float[]> ScoreAll(IReadOnlyList<float[]> features) =>
        [.. features.Select(Score)];

    /// <summary>Releases what the head caches for scoring; the default holds nothing.</summary>
    public virtual void Dispose()
    {
    }

    /// <summary>The mean of the class probabilities of an image and of its mirror image.</summary>
    public static float[] Average(float[] first, float[] second)
    {
        var result = new float[first.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (first[i] + second[i]) / 2;
        }

        return result;
    }
}
