using System.Diagnostics;
using DogClassifier.Cli.Diagnostics;
using DogClassifier.Cli.Reporting;
using DogClassifier.Data;
using DogClassifier.Prediction;
using DogClassifier.Training;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DogClassifier.Cli.Commands.Train;

/// <summary>
/// Trains a model on a folder: reads it, splits it 70/15/15, trains with a progress bar, saves
/// the model and reports the test split's metrics.
/// </summary>
internal sealed class TrainCommand(IAnsiConsole console, ILoggerFactory loggerFactory)
    : AsyncCommand<TrainSettings>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<TrainCommand>();

    public override async Task<int> ExecuteAsync(
        CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var data = settings.ResolveData();
        var options = settings.ToTrainingOptions();
        Log.DataFolderResolved(_logger, data.Path, data.Source);
        Log.TrainingStarted(_logger, data.Path, settings.Positive ?? "none", settings.Seed,
            options.UseFeatureCache ? options.FeatureCacheDirectory ?? "default" : "off");

        var datasetOptions = new DatasetOptions { PositiveClass = settings.Positive };
        var dataset = ImageDataset.FromFolder(data.Path, datasetOptions, _logger);
        var split = dataset.Split(new SplitOptions { Seed = settings.Seed });
        var trainer = new ImageClassifierTrainer(options, loggerFactory);
        using var result = await TrainAsync(trainer, split, cancellationToken);

        var modelPath = Path.GetFullPath(settings.Out);
        result.Model.Save(modelPath);
        var report = RunReport.FromTraining(result, dataset, data, modelPath, watch.Elapsed);
        ConsoleReport.Write(console, report);
        console.MarkupLineInterpolated($"Model saved to [blue]{modelPath}[/]");
        PredictHeldOut(modelPath, split.Test, options);
        ReportFiles.Write(console, _logger, report, settings.Json, settings.Report);

        return ExitCodes.Success;
    }

    /// <summary>
    /// Loads the saved model back and predicts two held-out test photos per class, which shows
    /// the whole round trip: train, save, load, predict.
    /// </summary>
    private void PredictHeldOut(string modelPath, ImageDataset test, TrainingOptions options)
    {
        var samples = test.Images
            .GroupBy(i => i.SourceClass)
            .SelectMany(g => g.OrderBy(i => i.Path, StringComparer.Ordinal).Take(2))
            .ToList();
        if (samples.Count == 0)
        {
            return;
        }

        using var model = ImageClassifier.Load(modelPath, options.Backbone, loggerFactory);
        console.WriteLine();
        console.MarkupLine("[bold]Held-out test photos, predicted by the saved model[/]");
        foreach (var sample in samples)
        {
            var prediction = model.Predict(sample.Path);
            var line = PredictionLine.Success(prediction.Input ?? sample.Path, prediction.Label, prediction.Confidence);
            console.Profile.Out.Writer.WriteLine($"{line}  actual: {sample.SourceClass}");
        }
    }

    private Task<TrainingResult> TrainAsync(
        ImageClassifierTrainer trainer, DatasetSplit split, CancellationToken cancellationToken) =>
        console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .StartAsync(context =>
                trainer.TrainAsync(split, new TrainingProgressBar(context), cancellationToken));
}
