namespace DogClassifier.Api;

/// <summary>The name an upload is reported and logged under: the client's file name, folders removed.</summary>
internal static class UploadName
{
    private const int MaxLength = 255;

    public static string Of(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = new string([.. name[(name.LastIndexOf('/') + 1)..].Where(c => !char.IsControl(c))]).Trim();
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength];
        }

        return name.Length == 0 ? "unnamed" : name;
    }
}
