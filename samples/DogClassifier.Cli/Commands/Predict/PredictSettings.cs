using System.ComponentModel;
using System.Globalization;
using DogClassifier.Prediction;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DogClassifier.Cli.Commands.Predict;

/// <summary>The options of <c>predict</c>.</summary>
internal sealed class PredictSettings : CommonSettings
{
    [CommandOption("-m|--model <FILE>", isRequired: true)]
    [Description("The model file written by train. Models must come from a trusted source.")]
    public string? Model { get; init; }

    [CommandArgument(0, "<IMAGES>")]
    [Description("The image files to classify (JPEG, PNG, GIF, BMP or WebP). A file that cannot be used " +
        "prints a line with an error; the others are still classified.")]
    public string[] Images { get; init; } = [];

    [CommandOption("--threshold <P>")]
    [Description("Abstains below this confidence (above 0, at most 1): an image whose best class scores " +
        "less is printed with \"class\": \"unsure\", its \"confidence\" still the best class's score, " +
        "and \"best\" naming that class. For a yes/no model the best score is never below 0.5. " +
        "Default: never unsure.")]
    public double? Threshold { get; init; }

    [CommandOption("--tta")]
    [Description("Test-time augmentation: also classifies every image mirrored and averages the two " +
        "sets of scores. It costs a second pass through the network.")]
    public bool Tta { get; init; }

    /// <summary>The library's prediction options for these settings.</summary>
    public PredictionOptions ToPredictionOptions() => new()
    {
        ConfidenceThreshold = Threshold,
        TestTimeAugmentation = Tta,
    };

    public override ValidationResult Validate() => new InputChecks()
        .FileExists("--model", Model)
        .Require(Images.Length > 0, "name at least one image")
        .Require(Threshold is null or (> 0 and <= 1),
            "--threshold must be above 0 and at most 1 " +
            $"(was {Threshold?.ToString(CultureInfo.InvariantCulture)})")
        .ToResult();
}
