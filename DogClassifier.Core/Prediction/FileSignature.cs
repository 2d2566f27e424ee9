namespace DogClassifier.Prediction;

/// <summary>What polling compares to notice that a file changed: its size and time stamps.</summary>
internal sealed record FileSignature(bool Exists, long Length, DateTime WrittenUtc, DateTime CreatedUtc)
{
    private static readonly FileSignature Missing = new(false, 0, default, default);

    public static FileSignature Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists
                ? new FileSignature(true, info.Length, info.LastWriteTimeUtc, info.CreationTimeUtc)
                : Missing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Missing;
        }
    }
}
