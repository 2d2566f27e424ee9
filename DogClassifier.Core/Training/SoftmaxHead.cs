using System.Text.Json;
using System.Text.Json.Serialization;

namespace DogClassifier.Training;

/// <summary>
/// A softmax layer over standardised features: <c>p = softmax(W · ((x − mean) ⊙ scale) + b)</c>.
/// It is the head that <see cref="SoftmaxHeadTrainer"/> learns, and it is stored in model files as
/// plain numbers (JSON), so a saved and reloaded head computes bit-for-bit the same scores.
/// </summary>
internal sealed class SoftmaxHead : ClassifierHead
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly float[] _mean;
    private readonly float[] _scale;
    private readonly float[] _weights;
    private readonly float[] _bias;

    /// <param name="mean">The mean of each feature, subtracted first.</param>
    /// <param name="scale">The factor of each feature after centring (one over its deviation).</param>
    /// <param name="weights">The weights, class by class: <c>weights[c * featureCount + i]</c>.</param>
    /// <param name="bias">One bias per class.</param>
    public SoftmaxHead(float[] mean, float[] scale, float[] weights, float[] bias)
    {
        if (mean.Length == 0 || scale.Length != mean.Length || bias.Length < 2
            || weights.Length != mean.Length * bias.Length)
        {
            throw new ArgumentException(
                $"A softmax head needs matching sizes; got {mean.Length} means, {scale.Length} scales, " +
                $"{weights.Length} weights and {bias.Length} biases.");
        }

        if (!AllFinite(mean) || !AllFinite(scale) || !AllFinite(weights) || !AllFinite(bias))
        {
            throw new ArgumentException("A softmax head's numbers must all be finite.");
        }

        (_mean, _scale, _weights, _bias) = (mean, scale, weights, bias);
    }

    public override HeadKind Kind => HeadKind.Softmax;

    public int FeatureCount => _mean.Length;

    public int ClassCount => _bias.Length;

    public override float[] Score(float[] features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} features, got {features.Length}.", nameof(features));
        }

        var standardized = new float[FeatureCount];
        Standardize(features, standardized);
        var probabilities = new float[ClassCount];
        Probabilities(_weights, _bias, standardized, probabilities);
        return probabilities;
    }

    /// <summary>Centres and scales one feature vector as this head was trained.</summary>
    public void Standardize(ReadOnlySpan<float> features, Span<float> destination)
    {
        for (int i = 0; i < _mean.Length; i++)
        {
            destination[i] = (features[i] - _mean[i]) * _scale[i];
        }
    }

    /// <summary>Softmax of <c>weights · x + bias</c>, the largest logit subtracted first for stability.</summary>
    public static void Probabilities(
        ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, Span<float> destination)
    {
        var d = x.Length;
        var max = float.NegativeInfinity;
        for (int c = 0; c < bias.Length; c++)
        {
            var row = weights.Slice(c * d, d);
            var logit = bias[c];
            for (int i = 0; i < d; i++)
            {
                logit += row[i] * x[i];
            }

            destination[c] = logit;
            max = MathF.Max(max, logit);
        }

        var sum = 0f;
        for (int c = 0; c < bias.Length; c++)
        {
            destination[c] = MathF.Exp(destination[c] - max);
            sum += destination[c];
        }

        for (int c = 0; c < bias.Length; c++)
        {
            destination[c] /= sum;
        }
    }

    /// <summary>Writes the head as JSON; floats are written in their shortest exact form.</summary>
    public void Save(Stream destination) =>
        JsonSerializer.Serialize(destination, new Stored(_mean, _scale, _weights, _bias), Json);

    /// <summary>Reads a head written by <see cref="Save"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a softmax head.</exception>
    /// <exception cref="FormatException">The numbers do not fit together.</exception>
    public static SoftmaxHead Load(Stream source)
    {
        var stored = JsonSerializer.Deserialize<Stored>(source, Json)
            ?? throw new FormatException("The softmax head is empty.");
        try
        {
            return new SoftmaxHead(stored.Mean ?? [], stored.Scale ?? [], stored.Weights ?? [], stored.Bias ?? []);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    private static bool AllFinite(float[] values) => values.All(float.IsFinite);

    private sealed record Stored(
        [property: JsonPropertyName("mean")] float[]? Mean,
        [property: JsonPropertyName("scale")] float[]? Scale,
        [property: JsonPropertyName("weights")] float[]? Weights,
        [property: JsonPropertyName("bias")] float[]? Bias);
}
