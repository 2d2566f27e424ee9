using System.Security.Cryptography;
using DogClassifier.Diagnostics;
using DogClassifier.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML.OnnxRuntime;

namespace DogClassifier.Featurization;

/// <summary>
/// The frozen ImageNet-pretrained ResNet-18 shipped by <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>,
/// run by ONNX Runtime: the package's preprocessing (RGB to BGR, ImageNet mean subtracted)
/// followed by the network itself, whose 512 pooled activations are the features.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe: ONNX Runtime sessions accept concurrent runs, and each run uses its own
/// <see cref="NetworkLane"/>, taken from a pool.
/// </para>
/// <para>
/// On the CPU the network is loaded twice. One session spreads a single image over
/// <see cref="BackboneOptions.IntraOpThreads"/> threads, for the latency of a lone prediction;
/// the other runs each image on the calling thread alone, for many images at once, one per
/// core, where splitting every image over all cores would only add waiting between threads.
/// </para>
/// </remarks>
internal sealed class ResNet18Backbone : IDisposable
{
    public const int FeatureSize = 512;

    private const string PreprocessFile = "ResNetPrepOnnx/ResNetPreprocess.onnx";
    private const string NetworkFile = "ResNet18Onnx/ResNet18.onnx";

    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _network;
    private readonly InferenceSession _perCore;
    private readonly PrePackedWeightsContainer _sharedWeights;
    private readonly ObjectPool<NetworkLane> _lanes =
        new DefaultObjectPoolProvider { MaximumRetained = 32 }.Create(new LanePolicy());
    private int _inFlight;
    private bool _disposed;

    public ResNet18Backbone(BackboneOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var directory = options.ResolveModelDirectory();
        var prepPath = Path.Combine(directory, PreprocessFile);
        var netPath = Path.Combine(directory, NetworkFile);
        foreach (var path in new[] { prepPath, netPath })
        {
            if (!File.Exists(path))
            {
                throw new DogClassifierException(
                    $"The ResNet-18 model file '{path}' is missing. The DogClassifier.Core package copies " +
                    "it beside the application; set BackboneOptions.ModelDirectory if it lives elsewhere.");
            }
        }

        Sessions sessions;
        try
        {
            sessions = OpenSessions(options, prepPath, netPath, logger);
        }
        catch (Exception ex) when (IsNativeLibraryMissing(ex))
        {
            throw new DogClassifierException(
                "ONNX Runtime's native library could not be loaded. The application needs exactly one ONNX " +
                "Runtime native package: Microsoft.ML.OnnxRuntime (CPU, the default) or a GPU build such as " +
                "Microsoft.ML.OnnxRuntime.Gpu.Linux.", ex);
        }

        (_preprocess, _network, _perCore, _sharedWeights, Device) = sessions;
        Preparation = InputPreparation.FromNetwork(Prepare);
        Hash = HashFiles(prepPath, netPath);
        Log.BackboneLoaded(logger, directory, Device, Hash[..12]);
    }

    /// <summary>SHA-256 of both network files, in hex: the network's identity in caches and model files.</summary>
    public string Hash { get; }

    /// <summary>"CPU" or "CUDA:n".</summary>
    public string Device { get; }

    /// <summary>The preprocessing network's arithmetic, applied while filling a lane's input.</summary>
    public InputPreparation Preparation { get; }

    /// <summary>Takes a lane from the pool; give it back with <see cref="ReturnLane"/>.</summary>
    public NetworkLane RentLane()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _lanes.Get();
    }

    public void ReturnLane(NetworkLane lane) => _lanes.Return(lane);

    /// <summary>Runs the network on the lane's input, into its output.</summary>
    /// <param name="lane">The prepared input and the output.</param>
    /// <param name="use">
    /// <see cref="NetworkUse.Batch"/> for one of many images run at once, one per core; otherwise
    /// the image gets every core, unless other runs are already in flight.
    /// </param>
    public void Run(NetworkLane lane, NetworkUse use)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var concurrent = Interlocked.Increment(ref _inFlight);
        try
        {
            var session = use == NetworkUse.Batch || concurrent > 1 ? _perCore : _network;
            session.Run(
                lane.RunOptions, session.InputNames, lane.InputValues, session.OutputNames, lane.OutputValues);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>
    /// Runs the network alone on an input that is already prepared (BGR planes, ImageNet mean
    /// subtracted): the ceiling that decoding and resizing are measured against.
    /// </summary>
    public void RunNetwork(ReadOnlySpan<float> prepared, Span<float> features, NetworkUse use)
    {
        var lane = RentLane();
        try
        {
            prepared[..ImageDecoder.TensorLength].CopyTo(lane.Input);
            Run(lane, use);
            lane.Output.CopyTo(features);
        }
        finally
        {
            ReturnLane(lane);
        }
    }

    /// <summary>
    /// Runs the package's preprocessing network as shipped: RGB planes in 0–255 to the network's
    /// input. <see cref="Preparation"/> does the same arithmetic without it.
    /// </summary>
    public void Prepare(ReadOnlySpan<float> rgbPlanes, Span<float> prepared)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var shape = new long[] { 1, 3, ImageDecoder.InputSize, ImageDecoder.InputSize };
        var input = rgbPlanes[..ImageDecoder.TensorLength].ToArray();
        var output = new float[ImageDecoder.TensorLength];
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var outputValue = OrtValue.CreateTensorValueFromMemory(output, shape);
        using var runOptions = new RunOptions();
        _preprocess.Run(
            runOptions, _preprocess.InputNames, [inputValue], _preprocess.OutputNames, [outputValue]);
        output.CopyTo(prepared);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _preprocess.Dispose();
        _network.Dispose();
        if (!ReferenceEquals(_perCore, _network))
        {
            _perCore.Dispose();
        }

        _sharedWeights.Dispose();
        (_lanes as IDisposable)?.Dispose();
    }

    private void Prepare(float[] rgbPlanes, float[] prepared) => Prepare(rgbPlanes.AsSpan(), prepared.AsSpan());

    /// <summary>
    /// Opens the sessions on the requested CUDA device, else on the CPU. A GPU that fails at any
    /// step (a CPU-only ONNX Runtime, missing CUDA libraries, no such device) is logged once and
    /// the CPU is used instead.
    /// </summary>
    private static Sessions OpenSessions(BackboneOptions options, string prepPath, string netPath, ILogger logger)
    {
        using var sessionOptions = BackboneSessions.Create(options, options.IntraOpThreads, logger, out var device);
        try
        {
            return Open(options, sessionOptions, device, prepPath, netPath, logger);
        }
        catch (OnnxRuntimeException ex) when (device != "CPU")
        {
            Log.GpuUnavailable(logger, options.GpuDeviceId ?? 0, ex.Message);
            var cpuOnly = options with { GpuDeviceId = null };
            using var cpuOptions = BackboneSessions.Create(cpuOnly, options.IntraOpThreads, logger, out var cpu);
            return Open(cpuOnly, cpuOptions, cpu, prepPath, netPath, logger);
        }
    }

    /// <summary>Loads every session, releasing what was loaded when one fails.</summary>
    private static Sessions Open(
        BackboneOptions options, SessionOptions sessionOptions, string device, string prepPath, string netPath,
        ILogger logger)
    {
        var weights = new PrePackedWeightsContainer();
        var loaded = new Stack<IDisposable>([weights]);
        try
        {
            var preprocess = Push(loaded, new InferenceSession(prepPath, sessionOptions));
            var network = Push(loaded, new InferenceSession(netPath, sessionOptions, weights));
            var perCore = network;
            if (BackboneSessions.NeedsPerCoreSession(options, device))
            {
                var cpuOnly = options with { GpuDeviceId = null };
                using var perCoreOptions = BackboneSessions.Create(cpuOnly, intraOpThreads: 1, logger, out _);
                perCore = Push(loaded, new InferenceSession(netPath, perCoreOptions, weights));
            }

            return new Sessions(preprocess, network, perCore, weights, device);
        }
        catch
        {
            while (loaded.TryPop(out var disposable))
            {
                disposable.Dispose();
            }

            throw;
        }
    }

    private static InferenceSession Push(Stack<IDisposable> loaded, InferenceSession session)
    {
        loaded.Push(session);
        return session;
    }

    private static bool IsNativeLibraryMissing(Exception ex) =>
        ex is DllNotFoundException || ex.InnerException is DllNotFoundException;

    private static string HashFiles(params string[] paths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            hash.AppendData(File.ReadAllBytes(path));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private sealed record Sessions(
        InferenceSession Preprocess,
        InferenceSession Network,
        InferenceSession PerCore,
        PrePackedWeightsContainer Weights,
        string Device);

    private sealed class LanePolicy : PooledObjectPolicy<NetworkLane>
    {
        public override NetworkLane Create() => new();

        public override bool Return(NetworkLane obj) => true;
    }
}
