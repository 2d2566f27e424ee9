namespace DogClassifier.Data;

/// <summary>
/// Walks a class folder recursively: skips hidden and system entries, keeps files with an image
/// extension, and follows symbolic links to folders once each. A link back to a folder already
/// walked (a loop), to the dataset folder or above it, or into another class's folder is not
/// followed, so reading always ends and no image is labelled twice.
/// </summary>
internal sealed class FolderScanner
{
    private readonly HashSet<string> _extensions;
    private readonly string? _datasetRoot;

    public FolderScanner(IReadOnlyCollection<string> extensions, string datasetRoot)
    {
        _extensions = new HashSet<string>(extensions, StringComparer.OrdinalIgnoreCase);
        _datasetRoot = RealPath.Resolve(datasetRoot);
    }

    public void Scan(DirectoryInfo classFolder, List<string> images, List<SkippedFile> ignored)
    {
        var classRoot = RealPath.Resolve(classFolder.FullName);
        var visited = new HashSet<string>(RealPath.Comparer);
        Walk(classFolder, classRoot, images, ignored, visited);
    }

    private void Walk(
        DirectoryInfo folder, string? classRoot, List<string> images, List<SkippedFile> ignored, HashSet<string> visited)
    {
        var refusal = Refuse(RealPath.Resolve(folder.FullName), classRoot, visited);
        if (refusal is not null)
        {
            ignored.Add(new SkippedFile(folder.FullName, refusal));
            return;
        }

        FileSystemInfo[] entries;
        try
        {
            entries = folder.GetFileSystemInfos();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ignored.Add(new SkippedFile(folder.FullName, $"the folder could not be read ({ex.Message})"));
            return;
        }

        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (IsHidden(entry))
            {
                ignored.Add(new SkippedFile(entry.FullName, "a hidden or system file"));
            }
            else if (entry is DirectoryInfo directory)
            {
                Walk(directory, classRoot, images, ignored, visited);
            }
            else if (!_extensions.Contains(entry.Extension))
            {
                ignored.Add(new SkippedFile(entry.FullName, $"not an image extension ({Describe(entry.Extension)})"));
            }
            else if (entry.LinkTarget is not null && !LinkedFileExists(entry))
            {
                ignored.Add(new SkippedFile(entry.FullName, "a symbolic link whose target does not exist"));
            }
            else
            {
                images.Add(entry.FullName);
            }
        }
    }

    /// <summary>Why a folder is not walked, or <c>null</c> when it is; records it as visited.</summary>
    private string? Refuse(string? real, string? classRoot, HashSet<string> visited)
    {
        if (real is null || classRoot is null)
        {
            return "a link to a folder that does not exist or cannot be resolved";
        }

        if (_datasetRoot is not null && RealPath.IsSameOrInside(_datasetRoot, real))
        {
            return "a link to the dataset folder or a folder above it, which would read every class again";
        }

        if (_datasetRoot is not null && RealPath.IsSameOrInside(real, _datasetRoot)
            && !RealPath.IsSameOrInside(real, classRoot))
        {
            var other = Path.GetRelativePath(_datasetRoot, real).Split(Path.DirectorySeparatorChar)[0];
            return $"a link into the class folder '{other}', whose images belong to that class";
        }

        return visited.Add(real) ? null : "a link to a folder already visited (a loop or a repeat)";
    }

    /// <summary>Whether a file link leads to a file; a broken link still "exists" as a link.</summary>
    private static bool LinkedFileExists(FileSystemInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true };
        }
        catch (IOException)
        {
            return false;
        }
    }

    internal static bool IsHidden(FileSystemInfo entry) =>
        entry.Name.StartsWith('.')
        || (entry.Attributes & (FileAttributes.Hidden | FileAttributes.System)) != 0
        || entry.Name.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase)
        || entry.Name.Equals("desktop.ini", StringComparison.OrdinalIgnoreCase);

    private static string Describe(string extension) => extension.Length == 0 ? "none" : extension;
}
