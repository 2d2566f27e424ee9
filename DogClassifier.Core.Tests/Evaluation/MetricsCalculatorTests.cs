using DogClassifier.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DogClassifier.Tests.Evaluation;

public sealed class MetricsCalculatorTests
{
    private static readonly string[] Classes = ["a", "b", "c"];

    // Six images; the predicted class (highest score) is noted beside each.
    private static readonly (string Path, int Actual, float[] Scores)[] Items =
    [
        ("1.jpg", 0, [0.7f, 0.2f, 0.1f]), // a
        ("2.jpg", 0, [0.3f, 0.6f, 0.1f]), // b
        ("3.jpg", 0, [0.5f, 0.1f, 0.4f]), // a
        ("4.jpg", 1, [0.1f, 0.8f, 0.1f]), // b
        ("5.jpg", 1, [0.2f, 0.3f, 0.5f]), // c
        ("6.jpg", 2, [0.1f, 0.1f, 0.8f]), // c
    ];

    [Test]
    public void Compute_HandWorkedExample_GivesTheConfusionMatrixCountedByHand()
    {
        var report = MetricsCalculator.Compute(Classes, Items, positiveClass: null, skipped: []);

        int[][] expected = [[2, 1, 0], [0, 1, 1], [0, 0, 1]];
        Assert.That(report.ConfusionMatrix.Counts, Is.EqualTo(expected));
        Assert.That(report.ConfusionMatrix["b", "c"], Is.EqualTo(1));
        Assert.That(report.Count, Is.EqualTo(6));
    }

    [Test]
    public void Compute_HandWorkedExample_GivesPrecisionRecallAndF1ComputedByHand()
    {
        var report = MetricsCalculator.Compute(Classes, Items, positiveClass: null, skipped: []);

        var a = report.PerClass[0];
        var b = report.PerClass[1];
        var c = report.PerClass[2];
        Assert.That((a.Precision, a.Recall, a.F1, a.Support), Is.EqualTo((1.0, 2.0 / 3, 0.8, 3)).Using(TupleComparer));
        Assert.That((b.Precision, b.Recall, b.F1, b.Support), Is.EqualTo((0.5, 0.5, 0.5, 2)).Using(TupleComparer));
        Assert.That((c.Precision, c.Recall, c.F1, c.Support), Is.EqualTo((0.5, 1.0, 2.0 / 3, 1)).Using(TupleComparer));
    }

    [Test]
    public void Compute_HandWorkedExample_GivesAccuraciesAndLogLossComputedByHand()
    {
        var report = MetricsCalculator.Compute(Classes, Items, positiveClass: null, skipped: []);

        var logLoss = -(Math.Log(0.7) + Math.Log(0.3) + Math.Log(0.5) + Math.Log(0.8) + Math.Log(0.3) + Math.Log(0.8)) / 6;
        var prior = -((0.5 * Math.Log(0.5)) + (Math.Log(1.0 / 3) / 3) + (Math.Log(1.0 / 6) / 6));
        Assert.That(report.MicroAccuracy, Is.EqualTo(4.0 / 6).Within(1e-12));
        Assert.That(report.MacroAccuracy, Is.EqualTo(13.0 / 18).Within(1e-12));
        Assert.That(report.LogLoss, Is.EqualTo(logLoss).Within(1e-6));
        Assert.That(report.LogLossReduction, Is.EqualTo(1 - (logLoss / prior)).Within(1e-6));
    }

    [Test]
    public void Compute_Misclassified_ListsTheWrongImagesMostConfidentFirst()
    {
        var report = MetricsCalculator.Compute(Classes, Items, positiveClass: null, skipped: []);

        Assert.That(report.Misclassified.Select(m => (m.Path, m.Actual, m.Predicted)), Is.EqualTo(new[]
        {
            ("2.jpg", "a", "b"),
            ("5.jpg", "b", "c"),
        }));
        Assert.That(report.Misclassified[0].Confidence, Is.EqualTo(0.6f));
    }

    [Test]
    public void Auc_TiesCountHalf_MatchesThePairsCountedByHand()
    {
        // Positives 0.9, 0.8, 0.4 against negatives 0.8, 0.3: 4.5 of 6 pairs ordered right.
        var points = new[] { (0.9f, true), (0.8f, true), (0.4f, true), (0.8f, false), (0.3f, false) };

        Assert.That(MetricsCalculator.Auc(points), Is.EqualTo(0.75).Within(1e-12));
    }

    [Test]
    public void Compute_BinaryQuestion_ReportsThePositiveClassAndItsAuc()
    {
        (string, int, float[])[] items =
        [
            ("1", 0, [0.9f, 0.1f]), ("2", 0, [0.8f, 0.2f]), ("3", 0, [0.4f, 0.6f]),
            ("4", 1, [0.8f, 0.2f]), ("5", 1, [0.3f, 0.7f]),
        ];

        var report = MetricsCalculator.Compute(["dog", "not-dog"], items, "dog", []);

        // dog predicted for 1, 2 and 4: precision 2/3; dogs found 2 of 3: recall 2/3.
        Assert.That(report.Binary, Is.Not.Null);
        Assert.That(report.Binary!.Precision, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(report.Binary.Recall, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(report.Binary.F1, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(report.Binary.Auc, Is.EqualTo(0.75).Within(1e-12));
    }

    [Test]
    public void Compute_RandomScores_AgreesWithMlNetsMulticlassEvaluator()
    {
        var random = new Random(3);
        var items = Enumerable.Range(0, 300).Select(i =>
        {
            var raw = Enumerable.Range(0, 3).Select(_ => (float)random.NextDouble() + 0.01f).ToArray();
            var sum = raw.Sum();
            return ($"{i}", random.Next(3), raw.Select(r => r / sum).ToArray());
        }).ToList();

        var ours = MetricsCalculator.Compute(Classes, items, positiveClass: null, skipped: []);
        var theirs = EvaluateWithMlNet(items);

        Assert.That(ours.MicroAccuracy, Is.EqualTo(theirs.MicroAccuracy).Within(1e-9));
        Assert.That(ours.MacroAccuracy, Is.EqualTo(theirs.MacroAccuracy).Within(1e-9));
        Assert.That(ours.LogLoss, Is.EqualTo(theirs.LogLoss).Within(1e-5));
        Assert.That(ours.LogLossReduction, Is.EqualTo(theirs.LogLossReduction).Within(1e-5));
        for (int c = 0; c < 3; c++)
        {
            Assert.That(ours.PerClass[c].Precision, Is.EqualTo(theirs.ConfusionMatrix.PerClassPrecision[c]).Within(1e-9));
            Assert.That(ours.PerClass[c].Recall, Is.EqualTo(theirs.ConfusionMatrix.PerClassRecall[c]).Within(1e-9));
            for (int p = 0; p < 3; p++)
            {
                Assert.That(ours.ConfusionMatrix.Counts[c][p], Is.EqualTo((int)theirs.ConfusionMatrix.Counts[c][p]));
            }
        }
    }

    private static MulticlassClassificationMetrics EvaluateWithMlNet(List<(string, int Actual, float[] Scores)> items)
    {
        var ml = new MLContext(seed: 0);
        var schema = SchemaDefinition.Create(typeof(ScoredRow));
        schema[nameof(ScoredRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), 3);
        schema[nameof(ScoredRow.PredictedLabel)].ColumnType = new KeyDataViewType(typeof(uint), 3);
        schema[nameof(ScoredRow.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 3);
        // Loaded from objects, a key column takes the 0-based class index as its raw value.
        var rows = items.Select(i => new ScoredRow
        {
            Label = (uint)i.Actual,
            PredictedLabel = (uint)MetricsCalculator.ArgMax(i.Scores),
            Score = i.Scores,
        });
        return ml.MulticlassClassification.Evaluate(ml.Data.LoadFromEnumerable(rows, schema));
    }

    private static readonly IEqualityComparer<(double, double, double, int)> TupleComparer =
        EqualityComparer<(double, double, double, int)>.Create((x, y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-12 && Math.Abs(x.Item2 - y.Item2) < 1e-12
            && Math.Abs(x.Item3 - y.Item3) < 1e-12 && x.Item4 == y.Item4);

    private sealed class ScoredRow
    {
        public uint Label { get; set; }

        public uint PredictedLabel { get; set; }

        public float[] Score { get; set; } = [];
    }
}
