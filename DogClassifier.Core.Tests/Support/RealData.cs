using DogClassifier.Data;

namespace DogClassifier.Tests.Support;

/// <summary>
/// Finds the real photos: <c>$DOGCLASSIFIER_DATA</c>, else <c>../shared/datasets</c> beside the
/// repository. Tests that need them are ignored when they are missing, except under
/// <c>CI=true</c>, where missing photos fail the run.
/// </summary>
internal static class RealData
{
    public static string DatasetsRoot
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("DOGCLASSIFIER_DATA");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Path.GetFullPath(configured);
            }

            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DogClassifier.sln")))
            {
                directory = directory.Parent;
            }

            var repository = directory?.FullName ?? Directory.GetCurrentDirectory();
            return Path.GetFullPath(Path.Combine(repository, "..", "shared", "datasets"));
        }
    }

    public static string PetsFolder => Path.Combine(DatasetsRoot, "pets");

    /// <summary>The pets folder, or the test is ignored (failed under CI) when it is missing.</summary>
    public static string RequirePets()
    {
        var folder = PetsFolder;
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var message = $"The real photos were not found at '{folder}'. Set DOGCLASSIFIER_DATA to the datasets folder.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return folder;
    }

    /// <summary>The first <paramref name="perClass"/> photos of each pets class, in path order.</summary>
    public static ImageDataset PetsSubset(int perClass, string? positiveClass = "dog")
    {
        var full = ImageDataset.FromFolder(RequirePets(), new DatasetOptions { PositiveClass = positiveClass });
        var subset = full.Images
            .GroupBy(i => i.SourceClass)
            .SelectMany(g => g.OrderBy(i => i.Path, StringComparer.Ordinal).Take(perClass));
        return ImageDataset.FromImages(subset, full.ClassNames, positiveClass);
    }
}
