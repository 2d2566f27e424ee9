using DogClassifier.Cli.Diagnostics;
using DogClassifier.Cli.Reporting;
using DogClassifier.Imaging;
using DogClassifier.Prediction;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DogClassifier.Cli.Commands.Predict;

/// <summary>
/// Classifies image files, printing one JSON line per image to standard output. An image whose
/// best score falls below <c>--threshold</c> is printed as "unsure". An image that cannot be used
/// gets a line with its error and the exit code becomes 1; the others are still classified.
/// </summary>
internal sealed class PredictCommand(IAnsiConsole console, ILoggerFactory loggerFactory)
    : Command<PredictSettings>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<PredictCommand>();

    public override int Execute(
        CommandContext context, PredictSettings settings, CancellationToken cancellationToken)
    {
        using var model = ImageClassifier.Load(settings.Model!, loggerFactory: loggerFactory);
        var options = settings.ToPredictionOptions();

        // The lines go to the output unstyled and unwrapped, so that every line parses as JSON.
        var output = console.Profile.Out.Writer;
        var failures = 0;
        foreach (var image in settings.Images)
        {
            cancellationToken.ThrowIfCancellationRequested();
            output.WriteLine(Classify(model, options, image, ref failures));
        }

        output.Flush();
        return failures == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }

    private string Classify(
        ImageClassifier model, PredictionOptions options, string image, ref int failures)
    {
        var input = Path.GetFileName(image);
        try
        {
            var prediction = model.Predict(image, options);
            return prediction.IsUnsure
                ? PredictionLine.Unsure(input, prediction.Label, prediction.Confidence)
                : PredictionLine.Success(input, prediction.Label, prediction.Confidence);
        }
        catch (InvalidImageException ex)
        {
            failures++;
            Log.ImageRefused(_logger, image, ex.Reason);
            return PredictionLine.Failure(input, ex.Reason);
        }
    }
}
