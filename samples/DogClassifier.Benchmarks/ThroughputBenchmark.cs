using DogClassifier.Data;
using DogClassifier.Featurization;
using DogClassifier.Imaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogClassifier.Benchmarks;

/// <summary>
/// The network alone on ready inputs (the ceiling) against the whole featurization of real photos
/// (read, decode, resize, network). The two alternate in small blocks, so that each ratio
/// compares figures taken under the same load.
/// </summary>
internal sealed class ThroughputBenchmark(ResNet18Backbone backbone, ImageOptions options, ReadyTensors tensors)
{
    private const int PhotosPerBlock = 40;
    private const int NetworkRunsPerBlock = 20;

    private readonly FeatureExtractor _extractor = new(backbone, options, cache: null, NullLogger.Instance);

    public void Run(ImageDataset photos, int rounds, MemorySampler memory)
    {
        Figures.Heading("Throughput: network alone (ceiling) against featurization, images/s");
        var callers = Environment.ProcessorCount;
        var figures = new RoundFigures();
        var collections = GC.CollectionCount(2);
        for (int round = 0; round < rounds; round++)
        {
            var (single, concurrent, endToEnd) = (new Meter(), new Meter(), new Meter());
            var chunk = photos.Images.Where((_, i) => i % rounds == round).ToList();
            foreach (var block in chunk.Chunk(PhotosPerBlock))
            {
                single.Measure(NetworkRunsPerBlock, () => Ceiling(NetworkRunsPerBlock, 1, NetworkUse.Single));
                concurrent.Measure(
                    NetworkRunsPerBlock, () => Ceiling(NetworkRunsPerBlock, callers, NetworkUse.Batch));
                memory.Resume();
                endToEnd.Measure(block.Length, () => Featurize(block));
                memory.Pause();
            }

            figures.Add(single, concurrent, endToEnd);
            Console.WriteLine(
                $"  round {round + 1}: network 1 caller {Figures.Format(single.ImagesPerSecond)}, {callers} callers " +
                $"{Figures.Format(concurrent.ImagesPerSecond)}; featurization of {chunk.Count} photos " +
                $"{Figures.Format(endToEnd.ImagesPerSecond)}");
        }

        figures.Print(callers);
        Figures.Line("full garbage collections during the rounds", $"{GC.CollectionCount(2) - collections}");
        Figures.Line(
            $"peak working set while featurizing {photos.Images.Count} photos", $"{memory.Peak / 1048576.0:0} MB");
        StageCosts(photos.Images);
    }

    /// <summary>One photo's decoding and the network's run timed apart, on one thread.</summary>
    private void StageCosts(IReadOnlyList<LabeledImage> photos)
    {
        var (decode, network) = (new Meter(), new Meter());
        var lane = backbone.RentLane();
        try
        {
            foreach (var photo in photos.Take(40))
            {
                decode.Measure(1, () =>
                {
                    var bytes = ImageDecoder.ReadFile(photo.Path, options);
                    ImageDecoder.DecodeToSquare(bytes, photo.Path, options, lane.Square);
                    backbone.Preparation.Write(lane.Square.GetPixelSpan(), lane.Input);
                });
                network.Measure(1, () => backbone.Run(lane, NetworkUse.Batch));
            }
        }
        finally
        {
            backbone.ReturnLane(lane);
        }

        var (d, n) = (decode.CpuMillisecondsPerImage, network.CpuMillisecondsPerImage);
        Figures.Line("one thread, processor ms per photo: read, decode, resize, prepare", Figures.Format(d, "0.00"));
        Figures.Line("one thread, processor ms per photo: network (batch session)", Figures.Format(n, "0.00"));
        Figures.Line("bound on featurization / network, every core busy", Figures.Format(n / (d + n), "0.00"));
    }

    private void Ceiling(int count, int callers, NetworkUse use)
    {
        var next = -1;
        var threads = Enumerable.Range(0, callers).Select(_ => new Thread(() =>
        {
            var features = new float[ResNet18Backbone.FeatureSize];
            for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                backbone.RunNetwork(tensors[i], features, use);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    private void Featurize(IReadOnlyList<LabeledImage> photos)
    {
        var result = _extractor.Extract(photos, mirror: false, onProgress: null, CancellationToken.None);
        if (result.Skipped.Count > 0)
        {
            Console.WriteLine($"  ({result.Skipped.Count} photos could not be used and were skipped)");
        }
    }
}
