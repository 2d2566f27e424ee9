using System.Text.Json.Serialization;
using DogClassifier.Evaluation;
using DogClassifier.Training;

namespace DogClassifier.Cli.Reporting;

/// <summary>Image counts; the split counts and cache hits appear for training only.</summary>
internal sealed record JsonCounts(
    int Images,
    int Evaluated,
    int Unusable,
    int Ignored,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Train,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Validation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Test,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CacheHits)
{
    public static JsonCounts From(RunCounts c) =>
        new(c.Images, c.Evaluated, c.Unusable, c.Ignored, c.Train, c.Validation, c.Test, c.CacheHits);
}

/// <summary>The overall metrics.</summary>
internal sealed record JsonMetrics(
    double MicroAccuracy, double MacroAccuracy, double LogLoss, double LogLossReduction);

/// <summary>One class's metrics.</summary>
internal sealed record JsonClassMetrics(
    string ClassName, double Precision, double Recall, double F1, int Support)
{
    public static JsonClassMetrics From(ClassMetrics c) =>
        new(c.ClassName, c.Precision, c.Recall, c.F1, c.Support);
}

/// <summary><c>Counts[actual][predicted]</c>, both in the order of <c>ClassNames</c>.</summary>
internal sealed record JsonConfusionMatrix(
    IReadOnlyList<string> ClassNames, IReadOnlyList<IReadOnlyList<int>> Counts);

/// <summary>The positive class's metrics of a yes/no model; the AUC is <c>null</c> when undefined.</summary>
internal sealed record JsonBinaryMetrics(
    string PositiveClass, double Precision, double Recall, double F1, double? Auc)
{
    public static JsonBinaryMetrics From(BinaryMetrics b) => new(
        b.PositiveClass, b.Precision, b.Recall, b.F1, double.IsFinite(b.Auc) ? b.Auc : null);
}

/// <summary>An image the model got wrong, with the confidence of its wrong answer.</summary>
internal sealed record JsonMisclassified(string Path, string Actual, string Predicted, float Confidence)
{
    public static JsonMisclassified From(ImageResult r) => new(r.Path, r.Actual, r.Predicted, r.Confidence);
}

/// <summary>A file that was not used, and why.</summary>
internal sealed record JsonSkipped(string Path, string Reason);

/// <summary>A head tried in training, scored on the validation split.</summary>
internal sealed record JsonCandidate(
    string Name, double ValidationAccuracy, double ValidationLogLoss, double TrainingSeconds, bool Selected)
{
    public static JsonCandidate From(HeadCandidate h) => new(
        h.Name, h.ValidationAccuracy, h.ValidationLogLoss, h.TrainingTime.TotalSeconds, h.Selected);
}

/// <summary>Durations in seconds; each part appears only for the command that has it.</summary>
internal sealed record JsonTimings(
    double TotalSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? FeaturizationSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? HeadSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? TrainingSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? EvaluationSeconds)
{
    public static JsonTimings From(RunTimings t) => new(
        t.Total.TotalSeconds, t.Featurization?.TotalSeconds, t.Head?.TotalSeconds,
        t.Training?.TotalSeconds, t.Evaluation?.TotalSeconds);
}
