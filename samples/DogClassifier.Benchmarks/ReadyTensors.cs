using DogClassifier.Data;
using DogClassifier.Featurization;
using DogClassifier.Imaging;

namespace DogClassifier.Benchmarks;

/// <summary>
/// A few network inputs made from real photos ahead of time, so that the network can be timed
/// alone: decoded, resized and passed through the preprocessing network once, then reused.
/// </summary>
internal sealed class ReadyTensors
{
    private readonly float[][] _tensors;

    public ReadyTensors(
        ResNet18Backbone backbone, ImageOptions options, IReadOnlyList<LabeledImage> photos, int count)
    {
        var planes = new float[ImageDecoder.TensorLength];
        _tensors = [.. photos.Take(count).Select(photo =>
        {
            ImageDecoder.DecodeToTensor(File.ReadAllBytes(photo.Path), photo.Path, options, planes);
            var prepared = new float[ImageDecoder.TensorLength];
            backbone.Prepare(planes, prepared);
            return prepared;
        })];
    }

    public float[] this[int index] => _tensors[index % _tensors.Length];
}
