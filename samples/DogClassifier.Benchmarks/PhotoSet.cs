using DogClassifier.Data;

namespace DogClassifier.Benchmarks;

/// <summary>
/// The real photos: <c>pets/</c> under <c>--data</c>, else <c>$DOGCLASSIFIER_DATA</c>, else
/// <c>../shared/datasets</c> beside the repository.
/// </summary>
internal static class PhotoSet
{
    public static string FindPets(string? dataFolder)
    {
        var root = dataFolder ?? Environment.GetEnvironmentVariable("DOGCLASSIFIER_DATA");
        if (string.IsNullOrWhiteSpace(root))
        {
            var repository = FindRepository(AppContext.BaseDirectory) ?? FindRepository(Environment.CurrentDirectory);
            root = Path.Combine(repository ?? Environment.CurrentDirectory, "..", "shared", "datasets");
        }

        var pets = Path.GetFullPath(Path.Combine(root, "pets"));
        if (!Directory.Exists(pets))
        {
            throw new DirectoryNotFoundException(
                $"The real photos were not found at '{pets}'. Pass --data or set DOGCLASSIFIER_DATA.");
        }

        return pets;
    }

    /// <summary>The pets set as a binary dog question, at most <paramref name="limit"/> photos (0: all).</summary>
    public static ImageDataset Load(string petsFolder, int limit)
    {
        var full = ImageDataset.FromFolder(petsFolder, new DatasetOptions { PositiveClass = "dog" });
        return limit == 0 ? full : Take(full, limit, full.Images.Count);
    }

    /// <summary>The first <paramref name="perClass"/> photos of each class folder, in path order.</summary>
    public static ImageDataset PerClass(ImageDataset set, int perClass) =>
        Take(set, perClass * set.Images.Select(i => i.SourceClass).Distinct().Count(), perClass);

    /// <summary>Takes photos from each class folder in turn, in path order, up to the limits.</summary>
    private static ImageDataset Take(ImageDataset set, int total, int perClass)
    {
        var queues = set.Images
            .GroupBy(i => i.SourceClass, StringComparer.Ordinal)
            .Select(g => new Queue<LabeledImage>(g.OrderBy(i => i.Path, StringComparer.Ordinal).Take(perClass)))
            .ToList();
        var taken = new List<LabeledImage>(total);
        while (taken.Count < total && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                if (taken.Count < total)
                {
                    taken.Add(queue.Dequeue());
                }
            }
        }

        return ImageDataset.FromImages(taken, set.ClassNames, set.PositiveClass);
    }

    private static string? FindRepository(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DogClassifier.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }
}
