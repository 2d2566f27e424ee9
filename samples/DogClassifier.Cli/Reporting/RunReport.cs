using DogClassifier.Cli.Commands;
using DogClassifier.Data;
using DogClassifier.Evaluation;
using DogClassifier.Training;

namespace DogClassifier.Cli.Reporting;

/// <summary>What <c>train</c> or <c>evaluate</c> reports: the metrics and the run around them.</summary>
internal sealed record RunReport
{
    /// <summary>The command that produced the report: <c>train</c> or <c>evaluate</c>.</summary>
    public required string Command { get; init; }

    /// <summary>The images the metrics are about, in words, e.g. "Test split".</summary>
    public required string Set { get; init; }

    /// <summary>The data folder's full path.</summary>
    public required string DataFolder { get; init; }

    /// <summary>The model file's full path.</summary>
    public required string ModelPath { get; init; }

    /// <summary>The metrics of <see cref="Set"/>.</summary>
    public required EvaluationReport Metrics { get; init; }

    /// <summary>How many images there were, and where they went.</summary>
    public required RunCounts Counts { get; init; }

    /// <summary>How long each part took.</summary>
    public required RunTimings Timings { get; init; }

    /// <summary>Files not used: ignored by the folder scan, or images that could not be decoded.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>The head candidates tried in training; empty for an evaluation.</summary>
    public IReadOnlyList<HeadCandidate> Candidates { get; init; } = [];

    /// <summary>
    /// The report of a training run, about its test split (its validation split when it has
    /// no test split).
    /// </summary>
    public static RunReport FromTraining(
        TrainingResult result, ImageDataset dataset, DataFolder data, string modelPath, TimeSpan total)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(data);

        var metrics = result.Test ?? result.Validation;
        var unusable = result.Skipped.Count;
        return new RunReport
        {
            Command = "train",
            Set = result.Test is null ? "Validation split" : "Test split",
            DataFolder = data.Path,
            ModelPath = modelPath,
            Metrics = metrics,
            Counts = new RunCounts(dataset.Images.Count, metrics.Count,
                unusable, dataset.IgnoredFiles.Count)
            {
                Train = result.Counts.Train,
                Validation = result.Counts.Validation,
                Test = result.Counts.Test,
                CacheHits = result.CacheHits,
            },
            Timings = new RunTimings(total)
            {
                Featurization = result.FeaturizationTime,
                Head = result.HeadTrainingTime,
                Training = result.TotalTime,
            },
            Skipped = [.. dataset.IgnoredFiles, .. result.Skipped],
            Candidates = result.Candidates,
        };
    }

    /// <summary>The report of an evaluation of a model on a folder.</summary>
    public static RunReport FromEvaluation(
        EvaluationReport metrics, ImageDataset dataset, DataFolder data, string modelPath,
        TimeSpan evaluation, TimeSpan total)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(data);

        return new RunReport
        {
            Command = "evaluate",
            Set = "All images in the folder",
            DataFolder = data.Path,
            ModelPath = modelPath,
            Metrics = metrics,
            Counts = new RunCounts(dataset.Images.Count, metrics.Count, metrics.Skipped.Count,
                dataset.IgnoredFiles.Count),
            Timings = new RunTimings(total) { Evaluation = evaluation },
            Skipped = [.. dataset.IgnoredFiles, .. metrics.Skipped],
        };
    }
}

/// <summary>How many images a run saw.</summary>
/// <param name="Images">Image files found in the data folder.</param>
/// <param name="Evaluated">Images the metrics are computed on.</param>
/// <param name="Unusable">Images that could not be decoded (in every split, for training).</param>
/// <param name="Ignored">Files the folder scan did not read as images.</param>
internal sealed record RunCounts(int Images, int Evaluated, int Unusable, int Ignored)
{
    /// <summary>Usable images in the training split, for training.</summary>
    public int? Train { get; init; }

    /// <summary>Usable images in the validation split, for training.</summary>
    public int? Validation { get; init; }

    /// <summary>Usable images in the test split, for training.</summary>
    public int? Test { get; init; }

    /// <summary>Feature vectors read from the cache instead of the network, for training.</summary>
    public int? CacheHits { get; init; }
}

/// <summary>How long a run took.</summary>
/// <param name="Total">The whole command, from reading the folder or model to the report.</param>
internal sealed record RunTimings(TimeSpan Total)
{
    /// <summary>Turning images into features, for training.</summary>
    public TimeSpan? Featurization { get; init; }

    /// <summary>Training and choosing the head, for training.</summary>
    public TimeSpan? Head { get; init; }

    /// <summary>The whole training run: featurization, head and evaluation, for training.</summary>
    public TimeSpan? Training { get; init; }

    /// <summary>Featurizing and scoring the folder, for an evaluation.</summary>
    public TimeSpan? Evaluation { get; init; }
}
