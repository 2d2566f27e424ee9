using System.Diagnostics;
using DogClassifier.Data;
using DogClassifier.Featurization;
using DogClassifier.Prediction;

namespace DogClassifier.Benchmarks;

/// <summary>
/// Single-image prediction latency against the network's own single-image time, each prediction
/// timed next to one network run so that both see the same load; then predictions from several
/// threads at once.
/// </summary>
internal sealed class LatencyBenchmark(ImageClassifier model, ResNet18Backbone backbone, ReadyTensors tensors)
{
    public void Run(IReadOnlyList<LabeledImage> photos, int count)
    {
        Figures.Heading($"Single-image latency over {count} photos, milliseconds");
        var features = new float[ResNet18Backbone.FeatureSize];
        for (int i = 0; i < 5; i++)
        {
            model.Predict(photos[i % photos.Count].Path);
            backbone.RunNetwork(tensors[i], features, NetworkUse.Single);
        }

        var predict = new List<double>(count);
        var network = new List<double>(count);
        for (int i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            model.Predict(photos[i % photos.Count].Path);
            predict.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            backbone.RunNetwork(tensors[i], features, NetworkUse.Single);
            network.Add(watch.Elapsed.TotalMilliseconds);
        }

        foreach (var (name, fraction) in new[] { ("p50", 0.5), ("p95", 0.95) })
        {
            var p = Figures.Percentile(predict, fraction);
            var n = Figures.Percentile(network, fraction);
            Figures.Line($"{name}: Predict(path) / network alone", $"{Figures.Format(p)} / {Figures.Format(n)}" +
                $"  ratio {Figures.Format(p / n, "0.00")}");
        }

        Figures.Heading("Concurrent Predict(path) on one shared model, images/s");
        foreach (var threads in new[] { 1, 2, 4 })
        {
            Figures.Line($"{threads} thread(s)", Figures.Format(Concurrent(photos, count, threads)));
        }
    }

    private double Concurrent(IReadOnlyList<LabeledImage> photos, int count, int threadCount)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, threadCount).Select(_ => new Thread(() =>
        {
            for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                model.Predict(photos[i % photos.Count].Path);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return count / watch.Elapsed.TotalSeconds;
    }
}
