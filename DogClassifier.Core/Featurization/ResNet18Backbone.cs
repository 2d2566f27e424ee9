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

        using var sessionOptions = CreateSessionOptions(options, logger, out var device);
        Device = device;
        _preprocess = new InferenceSession(prepPath, sessionOptions);
        _network = new InferenceSession(netPath, sessionOptions);
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

    /// <summary>
    /// Runs the network alone on an input that is already prepared (BGR planes, ImageNet mean
    /// subtracted): the ceiling that decoding and resizing are measured against.
    /// </summary>
    public void RunNetwork(ReadOnlySpan<float> prepared, Span<float> features)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var buffers = _buffers.Get();
        try
        {
            prepared[..ImageDecoder.TensorLength].CopyTo(buffers.Prepared);
            _network.Run(buffers.RunOptions, [_netInput], [buffers.PreparedValue], [_netOutput], [buffers.OutputValue]);
            buffers.Output.AsSpan(0, FeatureSize).CopyTo(features);
        }
        finally
        {
            _buffers.Return(buffers);
        }
    }

    /// <summary>Runs the preprocessing network alone: RGB planes in 0–255 to the network's input.</summary>
    public void Prepare(ReadOnlySpan<float> rgbPlanes, Span<float> prepared)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var buffers = _buffers.Get();
        try
        {
            rgbPlanes[..ImageDecoder.TensorLength].CopyTo(buffers.Input);
            _preprocess.Run(buffers.RunOptions, [_prepInput], [buffers.InputValue], [_prepOutput], [buffers.PreparedValue]);
            buffers.Prepared.AsSpan(0, ImageDecoder.TensorLength).CopyTo(prepared);
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

    private static SessionOptions CreateSessionOptions(BackboneOptions options, ILogger logger, out string device)
    {
        device = "CPU";
        SessionOptions? sessionOptions = null;
        if (options.GpuDeviceId is int gpu)
        {
            try
            {
                sessionOptions = SessionOptions.MakeSessionOptionWithCudaProvider(gpu);
                device = $"CUDA:{gpu}";
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
            {
                Log.GpuUnavailable(logger, gpu, ex.Message);
            }
        }

        sessionOptions ??= new SessionOptions();
        sessionOptions.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        sessionOptions.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
        sessionOptions.IntraOpNumThreads = options.IntraOpThreads;
        return sessionOptions;
    }

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
