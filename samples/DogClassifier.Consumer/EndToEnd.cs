using DogClassifier.Data;
using DogClassifier.Featurization;
using DogClassifier.Prediction;
using DogClassifier.Training;
using Microsoft.Extensions.Logging;

namespace DogClassifier.Consumer;

/// <summary>Train, save, load and predict, checking each step's result.</summary>
internal static class EndToEnd
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    public static async Task<int> RunAsync(
        Arguments arguments, ILoggerFactory loggerFactory, TextWriter output)
    {
        var image = Path.GetFullPath(arguments.Image);
        var dataset = ImageDataset.FromImages(
            PickPhotos(arguments, exclude: image), positiveClass: arguments.PositiveClass);
        output.WriteLine($"Training on {Describe(dataset)} from {arguments.DataFolder}");

        var backbone = new BackboneOptions { GpuDeviceId = arguments.GpuDeviceId };
        var trainer = new ImageClassifierTrainer(
            new TrainingOptions { Backbone = backbone, UseFeatureCache = false }, loggerFactory);
        using var result = await trainer.TrainAsync(dataset.Split());
        output.WriteLine($"Trained {result.Model.Head}: " +
            $"validation accuracy {result.Validation.MicroAccuracy:P1}, " +
            $"test accuracy {result.Test?.MicroAccuracy:P1}");

        var folder = Directory.CreateTempSubdirectory("dogclassifier-consumer-");
        try
        {
            var modelPath = Path.Combine(folder.FullName, "dogs.model");
            result.Model.Save(modelPath);
            output.WriteLine($"Saved the model: {new FileInfo(modelPath).Length:N0} bytes");

            using var loaded = ImageClassifier.Load(modelPath, backbone, loggerFactory);
            var fresh = result.Model.Predict(image);
            var reloaded = loaded.Predict(image);
            output.WriteLine($"Prediction for {Path.GetFileName(image)}: {reloaded.Label} " +
                $"(confidence {reloaded.Confidence:0.0000}; " +
                $"the model before saving: {fresh.Label} {fresh.Confidence:0.0000})");
            return Check(arguments, fresh, reloaded, output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static int Check(
        Arguments arguments, ImagePrediction fresh, ImagePrediction reloaded, TextWriter output)
    {
        if (fresh.Label != reloaded.Label || Math.Abs(fresh.Confidence - reloaded.Confidence) > 1e-4f)
        {
            output.WriteLine("FAILED: the loaded model does not predict what the trained model predicted.");
            return 1;
        }

        if (arguments.Expect is { } expected && reloaded.Label != expected)
        {
            output.WriteLine($"FAILED: expected '{expected}', got '{reloaded.Label}'.");
            return 1;
        }

        output.WriteLine("OK");
        return 0;
    }

    /// <summary>
    /// The first photos of each class folder in name order; every class but the positive one is
    /// folded into one negative class.
    /// </summary>
    private static List<LabeledImage> PickPhotos(Arguments arguments, string exclude)
    {
        var negative = $"not-{arguments.PositiveClass}";
        var photos = new List<LabeledImage>();
        foreach (var classFolder in Directory.GetDirectories(arguments.DataFolder).Order(StringComparer.Ordinal))
        {
            var sourceClass = Path.GetFileName(classFolder);
            var label = sourceClass == arguments.PositiveClass ? sourceClass : negative;
            photos.AddRange(Directory.EnumerateFiles(classFolder)
                .Where(p => ImageExtensions.Contains(
                    Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
                .Select(Path.GetFullPath)
                .Where(p => p != exclude)
                .Order(StringComparer.Ordinal)
                .Take(arguments.PerClass)
                .Select(p => new LabeledImage(p, label, sourceClass)));
        }

        return photos;
    }

    private static string Describe(ImageDataset dataset) =>
        string.Join(", ", dataset.CountByClass.Select(c => $"{c.Value} {c.Key}"));
}
