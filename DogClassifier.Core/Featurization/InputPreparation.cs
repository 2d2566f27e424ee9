using System.Runtime.InteropServices;
using DogClassifier.Imaging;

namespace DogClassifier.Featurization;

/// <summary>
/// The arithmetic of the package's preprocessing network, done while the resized pixels are
/// copied into the network's input: channels reordered from RGB to BGR and the ImageNet mean
/// image subtracted. Doing it in place saves a second network run and a copy of the input.
/// </summary>
/// <remarks>
/// The mean image and the channel order are read from the preprocessing network itself, by
/// running it on a black input and on one with a different value per channel, and the result is
/// checked against the network on a noise input before it is used: the features are the same,
/// bit for bit, as those of the two-network path.
/// </remarks>
internal sealed class InputPreparation
{
    private const int Plane = ImageDecoder.InputSize * ImageDecoder.InputSize;
    private static readonly float[] ProbeLevels = [64, 128, 192];

    private readonly float[] _mean;
    private readonly int[] _sourceChannel;

    private InputPreparation(float[] mean, int[] sourceChannel)
    {
        _mean = mean;
        _sourceChannel = sourceChannel;
    }

    /// <summary>
    /// Reads the preparation from the preprocessing network, given as a function from RGB planes
    /// in 0–255 to the network's input.
    /// </summary>
    /// <exception cref="DogClassifierException">
    /// The network does not reorder channels and subtract a mean.
    /// </exception>
    public static InputPreparation FromNetwork(Action<float[], float[]> preprocess)
    {
        var input = new float[ImageDecoder.TensorLength];
        var output = new float[ImageDecoder.TensorLength];
        preprocess(input, output);
        var mean = output.Select(v => -v).ToArray();

        for (int c = 0; c < 3; c++)
        {
            input.AsSpan(c * Plane, Plane).Fill(ProbeLevels[c]);
        }

        preprocess(input, output);
        var sourceChannel = new int[3];
        for (int k = 0; k < 3; k++)
        {
            var level = MathF.Round(output[k * Plane] + mean[k * Plane]);
            sourceChannel[k] = Array.IndexOf(ProbeLevels, level);
        }

        var preparation = new InputPreparation(mean, sourceChannel);
        preparation.Verify(preprocess);
        return preparation;
    }

    /// <summary>Writes the network's input from the RGBA bytes of a square of the input size.</summary>
    public void Write(ReadOnlySpan<byte> rgba, Span<float> destination)
    {
        var mean = _mean.AsSpan();
        for (int k = 0; k < 3; k++)
        {
            var source = rgba[_sourceChannel[k]..];
            var plane = destination.Slice(k * Plane, Plane);
            var planeMean = mean.Slice(k * Plane, Plane);
            for (int i = 0; i < plane.Length; i++)
            {
                plane[i] = source[i * 4] - planeMean[i];
            }
        }
    }

    private void Verify(Action<float[], float[]> preprocess)
    {
        if (_sourceChannel.Any(c => c < 0) || _sourceChannel.Distinct().Count() != 3)
        {
            throw Unexpected("it does not map each colour channel to one input channel");
        }

        var random = new Random(7);
        var rgba = new byte[Plane * 4];
        random.NextBytes(rgba);
        var planes = new float[ImageDecoder.TensorLength];
        for (int i = 0; i < Plane; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                planes[(c * Plane) + i] = rgba[(i * 4) + c];
            }
        }

        var expected = new float[ImageDecoder.TensorLength];
        var actual = new float[ImageDecoder.TensorLength];
        preprocess(planes, expected);
        Write(rgba, actual);
        if (!MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(actual.AsSpan())))
        {
            throw Unexpected("its output on a test input is not the input's channels less a mean image");
        }
    }

    private static DogClassifierException Unexpected(string reason) => new(
        $"The ResNet-18 preprocessing network is not the one DogClassifier was built for: {reason}. " +
        "Use the Microsoft.ML.DnnImageFeaturizer.ResNet18 package version the library references.");
}
