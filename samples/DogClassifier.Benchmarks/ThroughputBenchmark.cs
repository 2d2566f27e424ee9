using System.Diagnostics;
using DogClassifier.Data;
using DogClassifier.Featurization;
using DogClassifier.Imaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogClassifier.Benchmarks;

/// <summary>
/// The network alone on ready inputs (the ceiling) against the whole featurization of real photos
/// (read, decode, resize, network), alternated round by round so that each ratio compares
/// figures taken under the same load.
/// </summary>
internal sealed class ThroughputBenchmark(ResNet18Backbone backbone, ImageOptions options, ReadyTensors tensors)
{
    public void Run(ImageDataset photos, int rounds, MemorySampler memory)
    {
        Figures.Heading("Throughput: network alone (ceiling) against featurization, images/s");
        var callers = Environment.ProcessorCount;
        var single = new List<double>();
        var concurrent = new List<double>();
        var endToEnd = new List<double>();
        var processed = 0;
        for (int round = 0; round < rounds; round++)
        {
            var chunk = photos.Images.Where((_, i) => i % rounds == round).ToList();
            var ceilingCount = Math.Clamp(chunk.Count, 60, 200);
            single.Add(Ceiling(ceilingCount, 1, NetworkUse.Single));
            concurrent.Add(Ceiling(ceilingCount, callers, NetworkUse.Batch));

            memory.Resume();
            endToEnd.Add(Featurize(chunk));
            memory.Pause();
            processed += chunk.Count;
            Console.WriteLine(
                $"  round {round + 1}: network 1 caller {Figures.Format(single[^1])}, {callers} callers " +
                $"{Figures.Format(concurrent[^1])}; featurization of {chunk.Count} photos {Figures.Format(endToEnd[^1])}");
        }

        var best = single.Zip(concurrent, Math.Max).ToList();
        Figures.Line("network alone, 1 caller (single-image session)", Figures.Range(single));
        Figures.Line($"network alone, {callers} concurrent callers (batch session)", Figures.Range(concurrent));
        Figures.Line("featurization: read, decode, resize, network (no cache)", Figures.Range(endToEnd));
        Figures.Line("ratio featurization / network with 1 caller", Figures.Range(Ratios(endToEnd, single), "0.00"));
        Figures.Line("ratio featurization / best network figure", Figures.Range(Ratios(endToEnd, best), "0.00"));
        Figures.Line($"peak working set while featurizing {processed} photos", $"{memory.Peak / 1048576.0:0} MB");
    }

    private static List<double> Ratios(List<double> numerators, List<double> denominators) =>
        [.. numerators.Zip(denominators, (n, d) => n / d)];

    private double Ceiling(int count, int callers, NetworkUse use)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
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
        return count / watch.Elapsed.TotalSeconds;
    }

    private double Featurize(IReadOnlyList<LabeledImage> photos)
    {
        var extractor = new FeatureExtractor(backbone, options, cache: null, NullLogger.Instance);
        var watch = Stopwatch.StartNew();
        var result = extractor.Extract(photos, mirror: false, onProgress: null, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        if (result.Skipped.Count > 0)
        {
            Console.WriteLine($"  ({result.Skipped.Count} photos could not be used and were skipped)");
        }

        return photos.Count / seconds;
    }
}
