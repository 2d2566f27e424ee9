using DogClassifier.Imaging;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace DogClassifier.Featurization;

/// <summary>
/// Everything one image needs on its way through the network, allocated once and reused from
/// image to image: the square its pixels are drawn into, and the network's input and output,
/// pinned for ONNX Runtime.
/// </summary>
internal sealed class NetworkLane : IDisposable
{
    private static readonly long[] InputShape = [1, 3, ImageDecoder.InputSize, ImageDecoder.InputSize];
    private static readonly long[] OutputShape = [1, ResNet18Backbone.FeatureSize, 1, 1];

    public NetworkLane()
    {
        InputValue = OrtValue.CreateTensorValueFromMemory(Input, InputShape);
        OutputValue = OrtValue.CreateTensorValueFromMemory(Output, OutputShape);
        InputValues = [InputValue];
        OutputValues = [OutputValue];
    }

    /// <summary>The resized image, as RGBA bytes.</summary>
    public SKBitmap Square { get; } = ImageDecoder.CreateSquare();

    /// <summary>The network's input: BGR planes with the ImageNet mean subtracted.</summary>
    public float[] Input { get; } = new float[ImageDecoder.TensorLength];

    /// <summary>The network's output: the features.</summary>
    public float[] Output { get; } = new float[ResNet18Backbone.FeatureSize];

    public OrtValue InputValue { get; }

    public OrtValue OutputValue { get; }

    /// <summary>The input as ONNX Runtime's run method takes it.</summary>
    public IReadOnlyCollection<OrtValue> InputValues { get; }

    /// <summary>The output as ONNX Runtime's run method takes it.</summary>
    public IReadOnlyCollection<OrtValue> OutputValues { get; }

    public RunOptions RunOptions { get; } = new();

    public void Dispose()
    {
        RunOptions.Dispose();
        InputValue.Dispose();
        OutputValue.Dispose();
        Square.Dispose();
    }
}
