using DogClassifier.Featurization;

namespace DogClassifier.Benchmarks;

/// <summary>The two ONNX files of the pretrained network, where the library finds them.</summary>
internal sealed record ModelFiles(string Preprocess, string Network)
{
    public static ModelFiles Default { get; } = From(BackboneOptions.Default.ResolveModelDirectory());

    private static ModelFiles From(string directory) => new(
        Path.Combine(directory, "ResNetPrepOnnx", "ResNetPreprocess.onnx"),
        Path.Combine(directory, "ResNet18Onnx", "ResNet18.onnx"));
}
