using System.ComponentModel;
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

    public override ValidationResult Validate() => new InputChecks()
        .FileExists("--model", Model)
        .Require(Images.Length > 0, "name at least one image")
        .ToResult();
}
