using System.Diagnostics;
using DogClassifier.Prediction;

namespace DogClassifier.Throughput;

/// <summary>
/// Measures <see cref="ImageClassifierPool"/> throughput: images held in memory are predicted
/// from several threads at once for a fixed time, after a short warm-up.
/// </summary>
internal static class PoolCommand
{
    public static int Run(Arguments arguments)
    {
        var model = arguments.Required("model");
        var folder = arguments.Required("images");
        var threadCounts = arguments.Ints("threads", [1, 2, 4]);
        var seconds = arguments.Int("seconds", 20);
        var count = arguments.Int("count", 64);

        var images = Directory.EnumerateFiles(folder, "*.jpg", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Take(count).Select(File.ReadAllBytes).ToList();
        using var pool = new ImageClassifierPool(new ImageClassifierPoolOptions()
            .AddModel(ImageClassifierPool.DefaultModelName, model));
        pool.EnsureLoaded();
        Measure(pool, images, threads: 1, TimeSpan.FromSeconds(3));

        Console.WriteLine(
            $"{images.Count} images from {folder}, {seconds} s per run, {Environment.ProcessorCount} cores");
        Console.WriteLine("threads  images   images/s");
        foreach (var threads in threadCounts)
        {
            var done = Measure(pool, images, threads, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"{threads,7}  {done,6}  {done / (double)seconds,9:0.0}");
        }

        return 0;
    }

    private static int Measure(ImageClassifierPool pool, List<byte[]> images, int threads, TimeSpan duration)
    {
        var total = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var done = 0;
            for (int i = t; clock.Elapsed < duration; i += threads)
            {
                pool.Predict(ImageClassifierPool.DefaultModelName, images[i % images.Count]);
                done++;
            }

            Interlocked.Add(ref total, done);
        })).ToList();

        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return total;
    }
}
