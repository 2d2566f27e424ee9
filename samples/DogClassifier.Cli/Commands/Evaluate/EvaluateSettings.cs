using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DogClassifier.Cli.Commands.Evaluate;

/// <summary>The options of <c>evaluate</c>.</summary>
internal sealed class EvaluateSettings : CommonSettings
{
    [CommandOption("-m|--model <FILE>", isRequired: true)]
    [Description("The model file written by train. Models must come from a trusted source.")]
    public string? Model { get; init; }

    [CommandOption("-d|--data <DIR>", isRequired: true)]
    [Description("The folder of labelled images, one sub-folder per class. A model trained on a yes/no " +
        "question counts every folder other than its positive class as the negative class.")]
    public string? Data { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Also writes the report as JSON to this file.")]
    public string? Json { get; init; }

    [CommandOption("--report <FILE>")]
    [Description("Also writes the report as one self-contained HTML page to this file: the metrics, " +
        "the confusion matrix, the ROC and precision-recall curves of a yes/no model, a reliability " +
        "diagram and the misclassified images. It opens offline.")]
    public string? Report { get; init; }

    [CommandOption("--tta")]
    [Description("Test-time augmentation: also classifies every image mirrored and averages the two " +
        "sets of scores. It costs a second pass through the network.")]
    public bool Tta { get; init; }

    public override ValidationResult Validate() => new InputChecks()
        .FileExists("--model", Model)
        .FolderExists("--data", Data)
        .Writable("--json", Json)
        .Writable("--report", Report)
        .Different("--json", Json, "--report", Report)
        .ToResult();
}
