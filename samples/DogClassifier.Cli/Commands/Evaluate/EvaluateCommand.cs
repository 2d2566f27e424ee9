using System.Diagnostics;
using DogClassifier.Cli.Diagnostics;
using DogClassifier.Cli.Reporting;
using DogClassifier.Data;
using DogClassifier.Prediction;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DogClassifier.Cli.Commands.Evaluate;

/// <summary>
/// Measures a model on every image of a folder. The folder is read without folding its classes:
/// a model trained on a yes/no question folds each image's class folder as it was trained.
/// </summary>
internal sealed class EvaluateCommand(IAnsiConsole console, ILoggerFactory loggerFactory)
    : AsyncCommand<EvaluateSettings>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<EvaluateCommand>();

    public override async Task<int> ExecuteAsync(
        CommandContext context, EvaluateSettings settings, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var modelPath = Path.GetFullPath(settings.Model!);
        var data = DataFolder.Resolve(settings.Data);
        Log.EvaluationStarted(_logger, modelPath, data.Path);

        using var model = ImageClassifier.Load(modelPath, loggerFactory: loggerFactory);
        var dataset = ImageDataset.FromFolder(data.Path, DatasetOptions.Default, _logger);
        var options = new PredictionOptions { TestTimeAugmentation = settings.Tta };
        var evaluation = Stopwatch.StartNew();
        var metrics = await console.Status().StartAsync(
            $"Evaluating {Markup.Escape(Path.GetFileName(modelPath))} on {dataset.Images.Count} images",
            _ => Task.Run(() => model.Evaluate(dataset, options, cancellationToken), cancellationToken));
        var evaluationTime = evaluation.Elapsed;

        var report = RunReport.FromEvaluation(
            metrics, dataset, data, modelPath, evaluationTime, watch.Elapsed);
        ConsoleReport.Write(console, report);
        ReportFiles.Write(console, _logger, report, settings.Json, settings.Report);

        return ExitCodes.Success;
    }
}
