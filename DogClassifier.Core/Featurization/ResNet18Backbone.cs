using System.Security.Cryptography;
using DogClassifier.Diagnostics;
using DogClassifier.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML.OnnxRuntime;

namespace DogClassifier.Featurization;

/// <summary>
/// The frozen ImageNet-pretrained ResNet-18 shipped by <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>,
/// run by ONNX Runtime: the package's preprocessing network (RGB to BGR, ImageNet mean subtracted)
/// followed by the network itself, whose 512 pooled activations are the features.
/// </summary>
/// <remarks>
/// Thread-safe: ONNX Runtime sessions accept concurrent runs, and each run takes its own buffers
/// from a pool.
/// </remarks>
internal sealed class ResNet18Backbone : IDisposable
{
    public const int FeatureSize = 512;

    private const string PreprocessFile = "ResNetPrepOnnx/ResNetPreprocess.onnx";
    private const string NetworkFile = "ResNet18Onnx/ResNet18.onnx";
    private static readonly long[] InputShape = [1, 3, ImageDecoder.InputSize, ImageDecoder.InputSize];
    private static readonly long[] OutputShape = [1, FeatureSize, 1, 1];

    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _network;
    private readonly string _prepInput;
    private readonly string _prepOutput;
    private readonly string _netInput;
    private readonly string _netOutput;
    private readonly ObjectPool<Buffers> _buffers =
        new DefaultObjectPoolProvider { MaximumRetained = 32 }.Create(new BuffersPolicy());
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

        (_preprocess, _network, Device) = OpenSessions(options, prepPath, netPath, logger);
        _prepInput = _preprocess.InputNames[0];
        _prepOutput = _preprocess.OutputNames[0];
        _netInput = _network.InputNames[0];
        _netOutput = _network.OutputNames[0];
        Hash = HashFiles(prepPath, netPath);
        Log.BackboneLoaded(logger, directory, Device, Hash[..12]);
    }

    /// <summary>SHA-256 of both network files, in hex: the network's identity in caches and model files.</summary>
    public string Hash { get; }

    /// <summary>"CPU" or "CUDA:n".</summary>
    public string Device { get; }

    /// <summary>Runs one input tensor (three planes of 224² floats in 0–255) through the network.</summary>
    public void Featurize(ReadOnlySpan<float> tensor, Span<float> features)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var buffers = _buffers.Get();
        try
        {
            tensor[..ImageDecoder.TensorLength].CopyTo(buffers.Input);
            _preprocess.Run(buffers.RunOptions, [_prepInput], [buffers.InputValue], [_prepOutput], [buffers.PreparedValue]);
            _network.Run(buffers.RunOptions, [_netInput], [buffers.PreparedValue], [_netOutput], [buffers.OutputValue]);
            buffers.Output.AsSpan(0, FeatureSize).CopyTo(features);
        }
        finally
        {
            _buffers.Return(buffers);
        }
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
        (_buffers as IDisposable)?.Dispose();
    }

    /// <summary>
    /// Opens both networks on the requested CUDA device, else on the CPU. A GPU that fails at any
    /// step (a CPU-only ONNX Runtime, missing CUDA libraries, no such device) is logged and the
    /// CPU is used instead.
    /// </summary>
    /// <exception cref="DogClassifierException">ONNX Runtime's native library cannot be loaded.</exception>
    private static (InferenceSession Preprocess, InferenceSession Network, string Device) OpenSessions(
        BackboneOptions options, string prepPath, string netPath, ILogger logger)
    {
        try
        {
            if (options.GpuDeviceId is int gpu
                && TryOpenOnGpu(gpu, options, prepPath, netPath, logger) is { } onGpu)
            {
                return (onGpu.Preprocess, onGpu.Network, $"CUDA:{gpu}");
            }

            using var cpu = new SessionOptions();
            var (preprocess, network) = Open(cpu, options, prepPath, netPath);
            return (preprocess, network, "CPU");
        }
        catch (Exception ex) when (IsNativeLibraryMissing(ex))
        {
            throw new DogClassifierException(
                "ONNX Runtime's native library could not be loaded. The application needs exactly one ONNX " +
                "Runtime native package: Microsoft.ML.OnnxRuntime (CPU, the default) or a GPU build such as " +
                "Microsoft.ML.OnnxRuntime.Gpu.Linux.", ex);
        }
    }

    private static (InferenceSession Preprocess, InferenceSession Network)? TryOpenOnGpu(
        int gpu, BackboneOptions options, string prepPath, string netPath, ILogger logger)
    {
        try
        {
            using var cuda = SessionOptions.MakeSessionOptionWithCudaProvider(gpu);
            return Open(cuda, options, prepPath, netPath);
        }
        catch (Exception ex)
            when (ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
        {
            Log.GpuUnavailable(logger, gpu, ex.Message);
            return null;
        }
    }

    private static (InferenceSession Preprocess, InferenceSession Network) Open(
        SessionOptions sessionOptions, BackboneOptions options, string prepPath, string netPath)
    {
        sessionOptions.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        sessionOptions.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
        sessionOptions.IntraOpNumThreads = options.IntraOpThreads;
        var preprocess = new InferenceSession(prepPath, sessionOptions);
        try
        {
            return (preprocess, new InferenceSession(netPath, sessionOptions));
        }
        catch
        {
            preprocess.Dispose();
            throw;
        }
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

    /// <summary>One run's input, intermediate and output, pinned once and reused.</summary>
    private sealed class Buffers : IDisposable
    {
        public Buffers()
        {
            InputValue = OrtValue.CreateTensorValueFromMemory(Input, InputShape);
            PreparedValue = OrtValue.CreateTensorValueFromMemory(Prepared, InputShape);
            OutputValue = OrtValue.CreateTensorValueFromMemory(Output, OutputShape);
        }

        public float[] Input { get; } = new float[ImageDecoder.TensorLength];

        public float[] Prepared { get; } = new float[ImageDecoder.TensorLength];

        public float[] Output { get; } = new float[FeatureSize];

        public OrtValue InputValue { get; }

        public OrtValue PreparedValue { get; }

        public OrtValue OutputValue { get; }

        public RunOptions RunOptions { get; } = new();

        public void Dispose()
        {
            RunOptions.Dispose();
            InputValue.Dispose();
            PreparedValue.Dispose();
            OutputValue.Dispose();
        }
    }

    private sealed class BuffersPolicy : PooledObjectPolicy<Buffers>
    {
        public override Buffers Create() => new();

        public override bool Return(Buffers obj) => true;
    }
}
