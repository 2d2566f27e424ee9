using System.Buffers;
using System.Threading.Channels;
using DogClassifier.Data;
using DogClassifier.Featurization;
using DogClassifier.Imaging;
using Microsoft.ML.OnnxRuntime;

namespace DogClassifier.Benchmarks;

/// <summary>How the work of featurizing a list of photos is spread over threads.</summary>
internal enum Threading
{
    /// <summary>One worker per core; each decodes an image, then runs the network on it.</summary>
    Workers,

    /// <summary>One thread decodes into a bounded queue; network threads drain it.</summary>
    DecodeThenNetwork,
}

/// <summary>
/// One way of featurizing photos end to end, built from the library's own parts, so that
/// alternatives to the production path can be timed side by side.
/// </summary>
/// <param name="Name">How the variant is printed.</param>
/// <param name="Session">The network's session settings; its callers are the network threads.</param>
/// <param name="Threading">How decoding and the network share the threads.</param>
/// <param name="PreprocessingNetwork">
/// Whether the package's preprocessing network runs, instead of its arithmetic in place.
/// </param>
internal sealed record EndToEndVariant(
    string Name, SessionVariant Session, Threading Threading, bool PreprocessingNetwork)
{
    /// <summary>Loads the sessions, warms them up on one photo, then featurizes the photos once.</summary>
    public void Measure(
        Meter meter, ModelFiles files, ImageOptions options, InputPreparation preparation,
        IReadOnlyList<LabeledImage> photos)
    {
        using var sessionOptions = Session.CreateOptions();
        using var network = new InferenceSession(files.Network, sessionOptions);
        using var prepare = new InferenceSession(files.Preprocess, sessionOptions);
        var step = new Step(network, prepare, options, preparation, PreprocessingNetwork);
        using (var warmUp = new NetworkLane())
        {
            step.Run(photos[0].Path, warmUp);
        }

        meter.Measure(photos.Count, () =>
        {
            if (Threading == Threading.Workers)
            {
                RunWorkers(step, photos);
            }
            else
            {
                RunDecodeThenNetwork(step, photos).GetAwaiter().GetResult();
            }
        });
    }

    private void RunWorkers(Step step, IReadOnlyList<LabeledImage> photos)
    {
        var next = -1;
        Parallel.For(0, Session.Callers, new ParallelOptions { MaxDegreeOfParallelism = Session.Callers }, _ =>
        {
            using var lane = new NetworkLane();
            for (int i = Interlocked.Increment(ref next); i < photos.Count; i = Interlocked.Increment(ref next))
            {
                step.Run(photos[i].Path, lane);
            }
        });
    }

    private async Task RunDecodeThenNetwork(Step step, IReadOnlyList<LabeledImage> photos)
    {
        var lanes = Enumerable.Range(0, Session.Callers + 2).Select(_ => new NetworkLane()).ToList();
        var free = Channel.CreateUnbounded<NetworkLane>();
        var ready = Channel.CreateBounded<NetworkLane>(lanes.Count);
        lanes.ForEach(l => free.Writer.TryWrite(l));
        var decoder = Task.Factory.StartNew(async () =>
        {
            foreach (var photo in photos)
            {
                var lane = await free.Reader.ReadAsync();
                step.Decode(photo.Path, lane);
                await ready.Writer.WriteAsync(lane);
            }

            ready.Writer.Complete();
        }, TaskCreationOptions.LongRunning).Unwrap();
        var runners = Enumerable.Range(0, Session.Callers).Select(_ => Task.Factory.StartNew(async () =>
        {
            await foreach (var lane in ready.Reader.ReadAllAsync())
            {
                step.Network(lane);
                free.Writer.TryWrite(lane);
            }
        }, TaskCreationOptions.LongRunning).Unwrap());
        await Task.WhenAll([decoder, .. runners]);
        lanes.ForEach(l => l.Dispose());
    }

    /// <summary>The work on one photo, split into its decoding half and its network half.</summary>
    private sealed class Step(
        InferenceSession network, InferenceSession prepare, ImageOptions options, InputPreparation preparation,
        bool preprocessingNetwork)
    {
        private static readonly long[] InputShape = [1, 3, ImageDecoder.InputSize, ImageDecoder.InputSize];

        public void Run(string path, NetworkLane lane)
        {
            Decode(path, lane);
            Network(lane);
        }

        public void Decode(string path, NetworkLane lane)
        {
            var bytes = ImageDecoder.ReadFile(path, options);
            if (!preprocessingNetwork)
            {
                ImageDecoder.DecodeToSquare(bytes, path, options, lane.Square);
                preparation.Write(lane.Square.GetPixelSpan(), lane.Input);
                return;
            }

            var planes = ArrayPool<float>.Shared.Rent(ImageDecoder.TensorLength);
            try
            {
                ImageDecoder.DecodeToTensor(bytes, path, options, planes);
                using var planesValue = OrtValue.CreateTensorValueFromMemory(
                    OrtMemoryInfo.DefaultInstance, planes.AsMemory(0, ImageDecoder.TensorLength), InputShape);
                prepare.Run(
                    lane.RunOptions, prepare.InputNames, [planesValue], prepare.OutputNames, lane.InputValues);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(planes);
            }
        }

        public void Network(NetworkLane lane) =>
            network.Run(
                lane.RunOptions, network.InputNames, lane.InputValues, network.OutputNames, lane.OutputValues);
    }
}
