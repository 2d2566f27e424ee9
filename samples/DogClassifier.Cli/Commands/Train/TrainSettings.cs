using System.ComponentModel;
using System.Globalization;
using DogClassifier.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DogClassifier.Cli.Commands.Train;

/// <summary>The options of <c>train</c>.</summary>
internal sealed class TrainSettings : CommonSettings
{
    /// <summary>The longest head search accepted: one day.</summary>
    private const double MaxHeadBudgetSeconds = 86_400;

    [CommandOption("-d|--data <DIR>")]
    [Description("The folder of images, one sub-folder per class. Default: $DOGCLASSIFIER_DATA/pets " +
        "when DOGCLASSIFIER_DATA is set, else ../shared/datasets/pets relative to the current directory.")]
    public string? Data { get; init; }

    [CommandOption("-p|--positive <CLASS>")]
    [Description("Asks a yes/no question: this class folder against all the others, which are labelled " +
        "not-CLASS. Default: every class folder is its own class.")]
    public string? Positive { get; init; }

    [CommandOption("-o|--out <FILE>")]
    [Description("Where the trained model is written (atomically), relative to the current directory.")]
    [DefaultValue("model.zip")]
    public string Out { get; init; } = "model.zip";

    [CommandOption("--json <FILE>")]
    [Description("Also writes the test-split report as JSON to this file.")]
    public string? Json { get; init; }

    [CommandOption("--report <FILE>")]
    [Description("Also writes the test-split report as one self-contained HTML page to this file: the " +
        "metrics, the confusion matrix, the ROC and precision-recall curves of a yes/no model, a " +
        "reliability diagram and the misclassified images. It opens offline.")]
    public string? Report { get; init; }

    [CommandOption("--seed <N>")]
    [Description("The seed of the 70/15/15 split and of training; the same files and seed " +
        "give the same model.")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;

    [CommandOption("--cache <DIR>")]
    [Description("The folder of the feature cache. Default: DogClassifier/features under $XDG_CACHE_HOME, " +
        "else under ~/.cache.")]
    public string? Cache { get; init; }

    [CommandOption("--no-cache")]
    [Description("Runs every image through the network, neither reading nor writing the feature cache.")]
    public bool NoCache { get; init; }

    [CommandOption("--mirror")]
    [Description("Also learns every training image mirrored left to right, doubling the training rows. " +
        "Validation and test images are never mirrored.")]
    public bool Mirror { get; init; }

    [CommandOption("--head-budget <SECONDS>")]
    [Description("The time the search over head trainers may take, in seconds (above 0, at most " +
        "86400). The first candidate always runs; those not started in time are listed as skipped.")]
    [DefaultValue(60.0)]
    public double HeadBudget { get; init; } = 60;

    /// <summary>The data folder to train on.</summary>
    public DataFolder ResolveData() => DataFolder.Resolve(Data);

    /// <summary>The library's training options for these settings.</summary>
    public TrainingOptions ToTrainingOptions() => new()
    {
        Seed = Seed,
        FeatureCacheDirectory = Cache is null ? null : Path.GetFullPath(Cache),
        UseFeatureCache = !NoCache,
        MirrorAugmentation = Mirror,
        HeadSearchBudget = TimeSpan.FromSeconds(HeadBudget),
    };

    public override ValidationResult Validate() => new InputChecks()
        .FolderExists("--data", ResolveData().Path)
        .NotBlank("--positive", Positive)
        .Writable("--out", Out)
        .Require(!string.IsNullOrWhiteSpace(Out), "--out must name a file")
        .Writable("--json", Json)
        .Writable("--report", Report)
        .Different("--out", Out, "--json", Json)
        .Different("--out", Out, "--report", Report)
        .Different("--json", Json, "--report", Report)
        .NotBlank("--cache", Cache)
        .Require(!(NoCache && Cache is not null), "--cache and --no-cache cannot be used together")
        .Require(HeadBudget is > 0 and <= MaxHeadBudgetSeconds,
            "--head-budget must be above 0 and at most 86400 seconds " +
            $"(was {HeadBudget.ToString(CultureInfo.InvariantCulture)})")
        .ToResult();
}
