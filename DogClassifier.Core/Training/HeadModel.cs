using DogClassifier.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DogClassifier.Training;

/// <summary>One row the head sees: the network's features and, when known, the label.</summary>
internal sealed class FeatureRow
{
    [VectorType(ResNet18Backbone.FeatureSize)]
    public float[] Features { get; set; } = [];

    public string Label { get; set; } = string.Empty;
}

/// <summary>The head's output: one probability per class, in class-name order.</summary>
internal sealed class ScoreRow
{
    public float[] Score { get; set; } = [];
}

/// <summary>
/// The trainable part of the model: an ML.NET pipeline from the network's features to class
/// probabilities. The label is mapped to a key whose order is the class-name order, so
/// <c>Score[i]</c> is always the probability of class <c>i</c>.
/// </summary>
internal static class HeadModel
{
    public const string LabelKey = "LabelKey";

    /// <summary>The label-to-key mapping followed by feature normalisation, in front of every trainer.</summary>
    public static IEstimator<ITransformer> Prefix(MLContext ml, IReadOnlyList<string> classNames)
    {
        var keys = ml.Data.LoadFromEnumerable(classNames.Select(c => new KeyRow { Label = c }));
        return ml.Transforms.Conversion.MapValueToKey(LabelKey, nameof(FeatureRow.Label), keyData: keys)
            .Append(ml.Transforms.NormalizeMeanVariance(nameof(FeatureRow.Features)));
    }

    private sealed class KeyRow
    {
        public string Label { get; set; } = string.Empty;
    }

    public static IDataView ToDataView(MLContext ml, IEnumerable<FeatureRow> rows) =>
        ml.Data.LoadFromEnumerable(rows, SchemaDefinition.Create(typeof(FeatureRow)));

    /// <summary>Scores many rows through the thread-safe transform path.</summary>
    public static List<float[]> Score(MLContext ml, ITransformer head, IEnumerable<FeatureRow> rows)
    {
        var scored = head.Transform(ToDataView(ml, rows));
        return ml.Data.CreateEnumerable<ScoreRow>(scored, reuseRowObject: false).Select(r => r.Score).ToList();
    }
}
