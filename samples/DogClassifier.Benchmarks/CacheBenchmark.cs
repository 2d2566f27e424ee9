using DogClassifier.Data;
using DogClassifier.Training;

namespace DogClassifier.Benchmarks;

/// <summary>Training twice on the same photos with the feature cache: cold, then warm.</summary>
internal static class CacheBenchmark
{
    public static async Task RunAsync(ImageDataset photos)
    {
        Figures.Heading($"Retraining on {photos.Images.Count} photos with the feature cache, seconds");
        var folder = Path.Combine(Path.GetTempPath(), "dogclassifier-benchmark-cache", Guid.NewGuid().ToString("N"));
        try
        {
            var split = photos.Split();
            var options = new TrainingOptions { FeatureCacheDirectory = folder };
            foreach (var name in new[] { "cold (empty cache)", "warm (same photos)" })
            {
                using var result = await new ImageClassifierTrainer(options).TrainAsync(split);
                var total = result.Counts.Train + result.Counts.Validation + result.Counts.Test;
                Figures.Line(
                    name,
                    $"total {Figures.Format(result.TotalTime.TotalSeconds)}, featurization " +
                    $"{Figures.Format(result.FeaturizationTime.TotalSeconds)}, head " +
                    $"{Figures.Format(result.HeadTrainingTime.TotalSeconds)}; " +
                    $"{result.CacheHits} of {total} from the cache");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
