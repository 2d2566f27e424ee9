using DogClassifier.Training;

namespace DogClassifier.Tests.Support;

/// <summary>
/// Two small models trained on the real photos, whose answers can be told apart: a binary one
/// (dog, not-dog) and a three-class one (cat, dog, other). Trained on a few photos per class with
/// a feature cache inside the given folder, so a fixture pays for featurizing them once.
/// </summary>
internal sealed record PetModels(string BinaryPath, string ThreeClassPath)
{
    public static readonly string[] BinaryClasses = ["dog", "not-dog"];

    public static readonly string[] ThreeClasses = ["cat", "dog", "other"];

    public static async Task<PetModels> TrainAsync(TempFolder folder, int perClass = 10)
    {
        var options = new TrainingOptions
        {
            FeatureCacheDirectory = folder.Combine("features"),
            L2Candidates = [1f],
        };
        var trainer = new ImageClassifierTrainer(options);
        var binaryPath = folder.Combine("trained", "binary.zip");
        var threeClassPath = folder.Combine("trained", "three-class.zip");
        using (var binary = await trainer.TrainAsync(RealData.PetsSubset(perClass).Split()))
        {
            binary.Model.Save(binaryPath);
        }

        using (var threeClass = await trainer.TrainAsync(RealData.PetsSubset(perClass, positiveClass: null).Split()))
        {
            threeClass.Model.Save(threeClassPath);
        }

        return new PetModels(binaryPath, threeClassPath);
    }

    /// <summary>Photos of a class that the models were not trained on (past the first 100, in path order).</summary>
    public static IReadOnlyList<string> UnseenPhotos(string className, int count) =>
        [.. Directory.GetFiles(Path.Combine(RealData.RequirePets(), className))
            .Order(StringComparer.Ordinal)
            .Skip(100)
            .Take(count)];

    /// <summary>Unseen photos of every class, interleaved: dog, cat, other, dog, …</summary>
    public static IReadOnlyList<string> UnseenMix(int perClass)
    {
        var lists = new[] { "dog", "cat", "other" }.Select(c => UnseenPhotos(c, perClass)).ToList();
        return [.. Enumerable.Range(0, perClass).SelectMany(i => lists.Select(l => l[i]))];
    }

    /// <summary>Replaces a file the way a careful deployment does: a temporary file renamed over it.</summary>
    public static void ReplaceAtomically(string source, string destination)
    {
        var temporary = destination + $".{Guid.NewGuid():N}.tmp";
        File.Copy(source, temporary);
        File.Move(temporary, destination, overwrite: true);
    }
}
