namespace DogClassifier.Data;

/// <summary>
/// Walks a class folder recursively: follows symbolic links to folders once each (so a link
/// loop ends), skips hidden and system entries, and keeps files with an image extension.
/// </summary>
internal sealed class FolderScanner(IReadOnlyCollection<string> extensions)
{
    private readonly HashSet<string> _extensions = new(extensions, StringComparer.OrdinalIgnoreCase);

    public void Scan(string folder, List<string> images, List<SkippedFile> ignored)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Walk(new DirectoryInfo(folder), images, ignored, visited);
    }

    private void Walk(DirectoryInfo folder, List<string> images, List<SkippedFile> ignored, HashSet<string> visited)
    {
        var real = RealPath(folder);
        if (real is null || !visited.Add(real))
        {
            ignored.Add(new SkippedFile(folder.FullName, "a link to a folder already visited (a loop or a repeat)"));
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
                Walk(directory, images, ignored, visited);
            }
            else if (!_extensions.Contains(entry.Extension))
            {
                ignored.Add(new SkippedFile(entry.FullName, $"not an image extension ({Describe(entry.Extension)})"));
            }
            else if (entry.LinkTarget is not null && !File.Exists(entry.FullName))
            {
                ignored.Add(new SkippedFile(entry.FullName, "a symbolic link whose target does not exist"));
            }
            else
            {
                images.Add(entry.FullName);
            }
        }
    }

    internal static bool IsHidden(FileSystemInfo entry) =>
        entry.Name.StartsWith('.')
        || (entry.Attributes & (FileAttributes.Hidden | FileAttributes.System)) != 0
        || entry.Name.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase)
        || entry.Name.Equals("desktop.ini", StringComparison.OrdinalIgnoreCase);

    private static string Describe(string extension) => extension.Length == 0 ? "none" : extension;

    private static string? RealPath(DirectoryInfo folder)
    {
        try
        {
            var target = folder.LinkTarget is null ? folder : folder.ResolveLinkTarget(returnFinalTarget: true);
            return target is { Exists: true } ? Path.TrimEndingDirectorySeparator(target.FullName) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
