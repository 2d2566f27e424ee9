namespace DogClassifier.Data;

/// <summary>
/// Resolves every symbolic link along a path, so two paths to the same folder compare equal
/// however they were reached, and tells whether one folder lies inside another.
/// </summary>
internal static class RealPath
{
    /// <summary>How many links one resolution follows before it calls the path a loop, as the kernel does.</summary>
    private const int MaxLinks = 40;

    /// <summary>How paths compare on this system: exactly on Linux, ignoring case elsewhere.</summary>
    public static StringComparer Comparer { get; } =
        OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    private static StringComparison Comparison { get; } =
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>The path with every link resolved, or <c>null</c> when a link is broken or loops.</summary>
    public static string? Resolve(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it; both resolved.</summary>
    public static bool IsSameOrInside(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        var prefix = Path.EndsInDirectorySeparator(trimmed) ? trimmed : trimmed + Path.DirectorySeparatorChar;
        return path.Equals(trimmed, Comparison) || path.StartsWith(prefix, Comparison);
    }

    private static string? Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    return null;
                }

                var resolved = Resolve(Path.GetFullPath(target, current), ref links);
                if (resolved is null)
                {
                    return null;
                }

                next = resolved;
            }

            current = next;
        }

        return Path.Exists(current) ? Path.TrimEndingDirectorySeparator(current) : null;
    }
}
