using DogClassifier.Imaging;
using SkiaSharp;

namespace DogClassifier.Evaluation.Reporting;

/// <summary>Small JPEG thumbnails as <c>data:</c> URIs, so a report embeds its images.</summary>
internal static class Thumbnails
{
    private const int Quality = 80;

    /// <summary>The thumbnail's data URI, or the reason the file could not be shown.</summary>
    public static (string? DataUri, string? Problem) Create(string path, ImageOptions options, int maxSide)
    {
        try
        {
            var bytes = ImageDecoder.ReadFile(path, options);
            using var bitmap = ImageDecoder.DecodeThumbnail(bytes, path, options, maxSide);
            using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, Quality);
            return data is null
                ? (null, "the thumbnail could not be encoded")
                : ("data:image/jpeg;base64," + Convert.ToBase64String(data.AsSpan()), null);
        }
        catch (InvalidImageException ex)
        {
            return (null, ex.Reason);
        }
    }
}
