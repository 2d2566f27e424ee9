using DogClassifier.Featurization;
using DogClassifier.Imaging;

namespace DogClassifier.Training;

/// <summary>How a classifier is trained. Every default works on a few thousand ordinary photos.</summary>
/// <remarks>
/// Training runs every image once through the network (features are cached between runs), then
/// tries the head trainers named by <see cref="Heads"/> in a fixed order within
/// <see cref="HeadSearchBudget"/> and keeps the one with the lowest validation log-loss.
/// <see cref="Epochs"/>, <see cref="BatchSize"/>, <see cref="LearningRate"/>,
/// <see cref="WeightDecay"/>, <see cref="EarlyStopping"/> and <see cref="EpochProgress"/> apply
/// to the mini-batch softmax head only; <see cref="L2Candidates"/> to the L-BFGS heads and
/// <see cref="SdcaIterations"/> to the SDCA heads.
/// </remarks>
public sealed record TrainingOptions
{
    /// <summary>The default settings.</summary>
    public static TrainingOptions Default { get; } = new();

    /// <summary>How images are decoded and resized; stored in the model. Default: <see cref="ImageOptions.Default"/>.</summary>
    public ImageOptions Image { get; init; } = ImageOptions.Default;

    /// <summary>Where the network is and what it runs on. Default: <see cref="BackboneOptions.Default"/>.</summary>
    public BackboneOptions Backbone { get; init; } = BackboneOptions.Default;

    /// <summary>
    /// The folder of the persistent feature cache. Default: <c>null</c>, meaning
    /// <c>DogClassifier/features</c> under the user's cache folder (<c>$XDG_CACHE_HOME</c>, else
    /// <c>~/.cache</c>; on Windows the local application-data folder).
    /// </summary>
    public string? FeatureCacheDirectory { get; init; }

    /// <summary>Whether features are cached between runs. Default: <c>true</c>.</summary>
    public bool UseFeatureCache { get; init; } = true;

    /// <summary>
    /// The share of each class of the training set held out to choose the head when the split
    /// has no validation images of its own. Ignored when it has (a split made by
    /// <see cref="Data.ImageDataset.Split"/> with a validation fraction, or read by
    /// <see cref="Data.DatasetSplit.FromFolders"/>). The hold-out is stratified and drawn
    /// from <see cref="Seed"/>. Default: 0.15.
    /// </summary>
    public double ValidationFraction { get; init; } = 0.15;

    /// <summary>
    /// Whether every training image is also learnt mirrored left to right, doubling the training
    /// rows. The mirrored features are computed once and cached like the others; validation and
    /// test images are never mirrored. Default: <c>false</c>.
    /// </summary>
    public bool MirrorAugmentation { get; init; }

    /// <summary>The head trainers tried, in the order mini-batch softmax, L-BFGS, SDCA. Default: all.</summary>
    public HeadTrainers Heads { get; init; } = HeadTrainers.All;

    /// <summary>
    /// The wall-clock time the head search may take. Candidates start in a fixed order while time
    /// is left; the first always runs, one already started runs to its end (the mini-batch head
    /// stops after its current epoch), and those not started are listed as skipped.
    /// Default: 60 seconds.
    /// </summary>
    public TimeSpan HeadSearchBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The L2 regularisation strengths tried for the L-BFGS head, one candidate each.
    /// Default: 0.1, 1, 10, 30, 100.
    /// </summary>
    public IReadOnlyList<float> L2Candidates { get; init; } = [0.1f, 1f, 10f, 30f, 100f];

    /// <summary>
    /// The most passes over the training rows tried for the SDCA head, one candidate each: fewer
    /// passes regularise more. Default: 20, 50, 100.
    /// </summary>
    public IReadOnlyList<int> SdcaIterations { get; init; } = [20, 50, 100];

    /// <summary>The most passes over the training rows the mini-batch softmax head makes. Default: 100.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>The rows in one gradient step of the mini-batch softmax head. Default: 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The step size of the mini-batch softmax head's Adam optimiser. Default: 0.001.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// The L2 penalty on the mini-batch softmax head's weights (not its biases), added to the
    /// gradient. Default: 0.01.
    /// </summary>
    public double WeightDecay { get; init; } = 1e-2;

    /// <summary>
    /// When the mini-batch softmax head stops early; <c>null</c> trains every epoch and keeps the
    /// last weights. Default: <see cref="EarlyStoppingOptions.Default"/> (validation loss, patience 10).
    /// </summary>
    public EarlyStoppingOptions? EarlyStopping { get; init; } = EarlyStoppingOptions.Default;

    /// <summary>
    /// Receives the mini-batch softmax head's metrics after every epoch. It is called on the
    /// training thread; a <see cref="Progress{T}"/> passes the reports on to its own context.
    /// Default: <c>null</c>. The same figures are in <see cref="TrainingResult.Epochs"/> afterwards.
    /// </summary>
    public IProgress<EpochMetrics>? EpochProgress { get; init; }

    /// <summary>The seed of every random choice in training. Default: 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws when a value is out of range, naming every bad value at once.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Image is null)
        {
            errors.Add($"{nameof(Image)} must be set");
        }

        if (Backbone is null)
        {
            errors.Add($"{nameof(Backbone)} must be set");
        }

        if (!(ValidationFraction > 0 && ValidationFraction < 1))
        {
            errors.Add($"{nameof(ValidationFraction)} must be above 0 and below 1 (was {ValidationFraction})");
        }

        if (Heads == HeadTrainers.None || (Heads & ~HeadTrainers.All) != 0)
        {
            errors.Add($"{nameof(Heads)} must name at least one trainer and no unknown one (was {(int)Heads})");
        }

        if (HeadSearchBudget <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(HeadSearchBudget)} must be positive (was {HeadSearchBudget})");
        }

        if (L2Candidates is null || L2Candidates.Count == 0 || L2Candidates.Any(l => !(l >= 0) || float.IsInfinity(l)))
        {
            errors.Add($"{nameof(L2Candidates)} must hold at least one finite value of 0 or more");
        }

        if (SdcaIterations is null || SdcaIterations.Count == 0 || SdcaIterations.Any(i => i < 1))
        {
            errors.Add($"{nameof(SdcaIterations)} must hold at least one value, each 1 or more");
        }

        ValidateMiniBatch(errors);
        OptionsValidation.ThrowIfAny(nameof(TrainingOptions), errors);
        Image?.Validate();
        Backbone?.Validate();
        EarlyStopping?.Validate();
    }

    internal string ResolveCacheDirectory()
    {
        if (FeatureCacheDirectory is { } directory)
        {
            return directory;
        }

        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root))
        {
            root = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(root, "DogClassifier", "features");
    }

    private void ValidateMiniBatch(List<string> errors)
    {
        if (Epochs < 1)
        {
            errors.Add($"{nameof(Epochs)} must be at least 1 (was {Epochs})");
        }

        if (BatchSize < 1)
        {
            errors.Add($"{nameof(BatchSize)} must be at least 1 (was {BatchSize})");
        }

        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            errors.Add($"{nameof(LearningRate)} must be a finite value above 0 (was {LearningRate})");
        }

        if (!double.IsFinite(WeightDecay) || WeightDecay < 0)
        {
            errors.Add($"{nameof(WeightDecay)} must be a finite value of 0 or more (was {WeightDecay})");
        }
    }
}
