using System.Buffers;
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
/// Turns image files into feature vectors: read, hash, look up the cache, else decode and run
/// the network. Images are processed in parallel, one per core, so decoding one image overlaps
/// the network's work on another. A file that cannot be used is skipped and reported, never fatal.
/// </summary>
internal sealed class FeatureExtractor(
    ResNet18Backbone backbone, ImageOptions imageOptions, FeatureCache? cache, ILogger logger)
{
    /// <summary>The preprocessing and network identity that cached features depend on.</summary>
    public string Fingerprint(bool mirror) => string.Create(
        CultureInfo.InvariantCulture,
        $"net={backbone.Hash};in={ImageDecoder.InputSize};resize={imageOptions.ResizeMode};" +
        $"bg={imageOptions.BackgroundRgb:x6};mirror={mirror};decoder=skia-exif-1");

    public ExtractionResult Extract(
        IReadOnlyList<LabeledImage> images, bool mirror, Action<int, int>? onProgress, CancellationToken cancellationToken)
    {
        var features = new float[]?[images.Count];
        var skipped = new SkippedFile?[images.Count];
        var fingerprint = Fingerprint(mirror);
        int done = 0, hits = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };

        Parallel.For(0, images.Count, parallel, i =>
        {
            var path = images[i].Path;
            try
            {
                var bytes = ImageDecoder.ReadFile(path, imageOptions);
                features[i] = FromCacheOrNetwork(bytes, path, mirror, fingerprint, ref hits);
            }
            catch (InvalidImageException ex)
            {
                skipped[i] = new SkippedFile(path, ex.Reason);
                Log.ImageSkipped(logger, path, ex.Reason);
            }

            var count = Interlocked.Increment(ref done);
            onProgress?.Invoke(count, images.Count);
        });

        return new ExtractionResult(features, [.. skipped.OfType<SkippedFile>()], hits);
    }

    /// <summary>The features of one image held in memory; the cache is not used.</summary>
    /// <exception cref="InvalidImageException">The bytes are not a usable image.</exception>
    public float[] ExtractOne(ReadOnlySpan<byte> bytes, string source, bool mirror = false)
    {
        var tensor = ArrayPool<float>.Shared.Rent(ImageDecoder.TensorLength);
        try
        {
            ImageDecoder.DecodeToTensor(bytes, source, imageOptions, tensor, mirror);
            var features = new float[ResNet18Backbone.FeatureSize];
            backbone.Featurize(tensor, features);
            return features;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(tensor);
        }
    }

    private float[] FromCacheOrNetwork(byte[] bytes, string path, bool mirror, string fingerprint, ref int hits)
    {
        if (cache is null)
        {
            return ExtractOne(bytes, path, mirror);
        }

        var key = FeatureCache.Key(SHA256.HashData(bytes), fingerprint);
        var features = new float[ResNet18Backbone.FeatureSize];
        if (cache.TryRead(key, features))
        {
            Interlocked.Increment(ref hits);
            return features;
        }

        features = ExtractOne(bytes, path, mirror);
        cache.Write(key, features);
        return features;
    }
}
