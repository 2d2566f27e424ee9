using DogClassifier.Training;

namespace DogClassifier.Tests.Support;

/// <summary>
/// Two small models trained on the real photos, whose answers can be told apart: a binary one
/// (dog, not-dog) and a three-class one (cat, dog, other). Trained on a few photos per class with
/// a feature cache inside the given folder. <see cref="SharedAsync"/> trains them once for the
/// whole test run; tests only read the files, and copy them before replacing one.
/// </summary>
internal sealed record PetModels(string BinaryPath, string ThreeClassPath)
{
    private static readonly Lock Gate = new();
    private static TempFolder? s_sharedFolder;
    private static Task<PetModels>? s_shared;
    public static readonly string[] BinaryClasses = ["dog", "not-dog"];

    public static readonly string[] ThreeClasses = ["cat", "dog", "other"];

    /// <summary>The models every fixture shares, trained on first use.</summary>
    public static Task<PetModels> SharedAsync()
    {
        lock (Gate)
        {
            s_sharedFolder ??= new TempFolder();
            return s_shared ??= TrainAsync(s_sharedFolder);
        }
    }

    /// <summary>Deletes the shared models' folder at the end of the run.</summary>
    public static void DeleteShared()
    {
        lock (Gate)
        {
            s_sharedFolder?.Dispose();
        }
    }

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
