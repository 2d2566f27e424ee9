namespace DogClassifier.Cli.Commands;

/// <summary>A data folder and where its path came from.</summary>
/// <param name="Path">The folder's full path.</param>
/// <param name="Source">How it was chosen, in words, for logs.</param>
internal sealed record DataFolder(string Path, string Source)
{
    /// <summary>The environment variable naming the folder that holds the <c>pets</c> dataset.</summary>
    public const string EnvironmentVariable = "DOGCLASSIFIER_DATA";

    /// <summary>
    /// The folder given on the command line; else <c>$DOGCLASSIFIER_DATA/pets</c> when the
    /// variable is set; else <c>../shared/datasets/pets</c> relative to the current directory.
    /// </summary>
    /// <param name="given">The <c>--data</c> value, or <c>null</c>.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="currentDirectory">The directory relative paths start from.</param>
    public static DataFolder Resolve(
        string? given, Func<string, string?> environment, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(currentDirectory);

        if (!string.IsNullOrWhiteSpace(given))
        {
            return new DataFolder(Full(currentDirectory, given), "--data");
        }

        var root = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(root))
        {
            return new DataFolder(Full(currentDirectory, System.IO.Path.Combine(root, "pets")),
                $"${EnvironmentVariable}/pets");
        }

        var fallback = System.IO.Path.Combine("..", "shared", "datasets", "pets");
        return new DataFolder(Full(currentDirectory, fallback), "the default beside the current directory");
    }

    /// <summary>Resolves the folder from the process's environment and current directory.</summary>
    public static DataFolder Resolve(string? given) =>
        Resolve(given, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());

    private static string Full(string currentDirectory, string path) =>
        System.IO.Path.GetFullPath(path, currentDirectory);
}
