using DogClassifier.Cli.Reporting;
using DogClassifier.Data;
using DogClassifier.Evaluation;

namespace DogClassifier.Tests.Cli.Reporting;

/// <summary>Builds small reports by hand, with figures chosen so that each is easy to check.</summary>
internal static class SampleReports
{
    public const string DataFolder = "/data/pets";

    /// <summary>
    /// Two classes, three images: one dog right (0.75), one cat right (0.5), one cat taken for a
    /// dog (0.625). With <paramref name="auc"/> NaN it stands for a set where the AUC is undefined.
    /// </summary>
    public static RunReport Evaluation(double auc = 0.5)
    {
        var results = new List<ImageResult>
        {
            new($"{DataFolder}/dog/a.jpg", "dog", "dog", 0.75f, [0.75f, 0.25f]),
            new($"{DataFolder}/cat/b.jpg", "not-dog", "not-dog", 0.5f, [0.5f, 0.5f]),
            new($"{DataFolder}/cat/c.jpg", "not-dog", "dog", 0.625f, [0.625f, 0.375f]),
        };
        var metrics = new EvaluationReport
        {
            Count = 3,
            MicroAccuracy = 2 / 3.0,
            MacroAccuracy = 0.75,
            LogLoss = 0.5,
            LogLossReduction = 0.25,
            PerClass =
            [
                new ClassMetrics("dog", 0.5, 1, 2 / 3.0, 1),
                new ClassMetrics("not-dog", 1, 0.5, 2 / 3.0, 2),
            ],
            ConfusionMatrix = new ConfusionMatrix(["dog", "not-dog"], [[1, 0], [1, 1]]),
            Binary = new BinaryMetrics("dog", 0.5, 1, 2 / 3.0, auc),
            Results = results,
            Skipped = [new SkippedFile($"{DataFolder}/cat/d.jpg", "the file is empty")],
        };
        return new RunReport
        {
            Command = "evaluate",
            Set = "All images in the folder",
            DataFolder = DataFolder,
            ModelPath = "/models/dog.zip",
            Metrics = metrics,
            Counts = new RunCounts(4, 3, 1, 0),
            Timings = new RunTimings(TimeSpan.FromSeconds(2.5)) { Evaluation = TimeSpan.FromSeconds(1.25) },
            Skipped = metrics.Skipped,
        };
    }
}
