namespace DogClassifier.Featurization;

/// <summary>Where the pretrained network is found and what it runs on.</summary>
public sealed record BackboneOptions
{
    /// <summary>The default settings: model files beside the application, on the CPU.</summary>
    public static BackboneOptions Default { get; } = new();

    /// <summary>
    /// The folder holding <c>ResNet18Onnx/ResNet18.onnx</c> and <c>ResNetPrepOnnx/ResNetPreprocess.onnx</c>.
    /// Default: <c>null</c>, meaning the <c>DnnImageModels</c> folder beside the application,
    /// where the <c>DogClassifier.Core</c> package copies them.
    /// </summary>
    public string? ModelDirectory { get; init; }

    /// <summary>
    /// Runs the network on this CUDA device through ONNX Runtime's GPU build, falling back to the
    /// CPU with a logged warning (event 11, <c>GpuUnavailable</c>) when the GPU build, the CUDA
    /// libraries or the device is missing. Default: <c>null</c> (CPU).
    /// </summary>
    /// <remarks>
    /// The package brings ONNX Runtime's CPU build. To use a GPU, the application references
    /// <c>Microsoft.ML.OnnxRuntime.Gpu.Linux</c> (or <c>.Gpu.Windows</c>) and excludes the CPU build
    /// with <c>&lt;PackageReference Include="Microsoft.ML.OnnxRuntime" ExcludeAssets="all" /&gt;</c>;
    /// the package's build check fails a project that has both. The package README shows the steps.
    /// </remarks>
    public int? GpuDeviceId { get; init; }

    /// <summary>
    /// Threads ONNX Runtime spreads one lone image over, as in a single prediction.
    /// Default: 0, meaning one per core.
    /// </summary>
    /// <remarks>
    /// On the CPU, many images at once (training, evaluation, concurrent predictions) are instead
    /// run one per core, each on a single thread, by a second copy of the network that costs
    /// about 150 MB of memory. Set 1 to load the network once and run every image on one thread.
    /// </remarks>
    public int IntraOpThreads { get; init; }

    /// <summary>Throws when a value is out of range, naming every bad value at once.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (GpuDeviceId < 0)
        {
            errors.Add($"{nameof(GpuDeviceId)} must not be negative (was {GpuDeviceId})");
        }

        if (IntraOpThreads < 0)
        {
            errors.Add($"{nameof(IntraOpThreads)} must not be negative (was {IntraOpThreads})");
        }

        OptionsValidation.ThrowIfAny(nameof(BackboneOptions), errors);
    }

    internal string ResolveModelDirectory() =>
        ModelDirectory ?? Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
}
