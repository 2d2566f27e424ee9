using System.Globalization;
using System.Security.Cryptography;
using DogClassifier.Data;
using DogClassifier.Diagnostics;
using DogClassifier.Imaging;
using Microsoft.Extensions.Logging;

namespace DogClassifier.Featurization;

/// <summary>The features of a list of images, with the images that could not be used.</summary>
/// <param name="Features">One vector per input image, or <c>null</c> where the image was skipped.</param>
/// <param name="Skipped">The skipped images and why.</param>
/// <param name="CacheHits">How many vectors came from the cache.</param>
internal sealed record ExtractionResult(float[]?[] Features, IReadOnlyList<SkippedFile> Skipped, int CacheHits);

/// <summary>
/// Turns image files into feature vectors: read, hash, look up the cache, else decode, resize and
/// run the network. A file that cannot be used is skipped and reported, never fatal.
/// </summary>
/// <remarks>
/// A list of images is shared by one worker per core. Each worker takes the next image, decodes
/// it into its own reused buffers and runs the network on it single-threaded, so that every
/// core is always busy with one image and no thread waits for another. A lone image, as in a
/// prediction, is instead spread over the cores: resized in strips, then run on every core.
/// </remarks>
internal sealed class FeatureExtractor(
    ResNet18Backbone backbone, ImageOptions imageOptions, FeatureCache? cache, ILogger logger)
{
    /// <summary>A lone image is resized in this many strips at once, for its latency.</summary>
    private static readonly int SingleImageStrips = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>The preprocessing and network identity that cached features depend on.</summary>
    public string Fingerprint(bool mirror) => string.Create(
        CultureInfo.InvariantCulture,
        $"net={backbone.Hash};in={ImageDecoder.InputSize};resize={imageOptions.ResizeMode};" +
        $"bg={imageOptions.BackgroundRgb:x6};mirror={mirror};decoder=skia-exif-1");

    public ExtractionResult Extract(
        IReadOnlyList<LabeledImage> images,
        bool mirror,
        Action<int, int>? onProgress,
        CancellationToken cancellationToken)
    {
        var run = new ExtractionRun(images, Fingerprint(mirror), mirror, onProgress);
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, images.Count));
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = workers,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, workers, parallel, _ => Work(run, cancellationToken));
        return run.ToResult();
    }

    /// <summary>The features of one image held in memory; the cache is not used.</summary>
    /// <exception cref="InvalidImageException">The bytes are not a usable image.</exception>
    public float[] ExtractOne(ReadOnlySpan<byte> bytes, string source, bool mirror = false)
    {
        var lane = backbone.RentLane();
        try
        {
            return FromNetwork(lane, bytes, source, mirror, NetworkUse.Single);
        }
        finally
        {
            backbone.ReturnLane(lane);
        }
    }

    private void Work(ExtractionRun run, CancellationToken cancellationToken)
    {
        var lane = backbone.RentLane();
        try
        {
            while (run.TryTake(out var index, out var path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var bytes = ImageDecoder.ReadFile(path, imageOptions);
                    run.Complete(index, FromCacheOrNetwork(run, lane, bytes, path));
                }
                catch (InvalidImageException ex)
                {
                    Log.ImageSkipped(logger, path, ex.Reason);
                    run.Skip(index, new SkippedFile(path, ex.Reason));
                }
            }
        }
        finally
        {
            backbone.ReturnLane(lane);
        }
    }

    private float[] FromCacheOrNetwork(ExtractionRun run, NetworkLane lane, byte[] bytes, string path)
    {
        if (cache is null)
        {
            return FromNetwork(lane, bytes, path, run.Mirror, NetworkUse.Batch);
        }

        var key = FeatureCache.Key(SHA256.HashData(bytes), run.Fingerprint);
        var features = new float[ResNet18Backbone.FeatureSize];
        if (cache.TryRead(key, features))
        {
            run.CountHit();
            return features;
        }

        features = FromNetwork(lane, bytes, path, run.Mirror, NetworkUse.Batch);
        cache.Write(key, features);
        return features;
    }

    private float[] FromNetwork(
        NetworkLane lane, ReadOnlySpan<byte> bytes, string source, bool mirror, NetworkUse use)
    {
        var strips = use == NetworkUse.Single ? SingleImageStrips : 1;
        ImageDecoder.DecodeToSquare(bytes, source, imageOptions, lane.Square, mirror, strips);
        backbone.Preparation.Write(lane.Square.GetPixelSpan(), lane.Input);
        backbone.Run(lane, use);
        return (float[])lane.Output.Clone();
    }
}
