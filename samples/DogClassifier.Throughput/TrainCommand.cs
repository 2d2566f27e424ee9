using DogClassifier.Data;
using DogClassifier.Training;

namespace DogClassifier.Throughput;

/// <summary>Trains a model on the first photos of each class folder and saves it.</summary>
internal static class TrainCommand
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var data = arguments.Required("data");
        var output = arguments.Required("out");
        var perClass = arguments.Int("per-class", 40);
        var positive = arguments.Optional("positive");

        var full = ImageDataset.FromFolder(data, new DatasetOptions { PositiveClass = positive });
        var subset = full.Images
            .GroupBy(i => i.SourceClass)
            .SelectMany(g => g.OrderBy(i => i.Path, StringComparer.Ordinal).Take(perClass));
        var dataset = ImageDataset.FromImages(subset, full.ClassNames, positive);

        using var result = await new ImageClassifierTrainer().TrainAsync(dataset.Split());
        result.Model.Save(output);
        Console.WriteLine(
            $"Saved {output}: classes {string.Join(", ", result.Model.ClassNames)}, " +
            $"validation accuracy {result.Validation.MicroAccuracy:0.000}, " +
            $"trained in {result.TotalTime.TotalSeconds:0.0} s");
        return 0;
    }
}
