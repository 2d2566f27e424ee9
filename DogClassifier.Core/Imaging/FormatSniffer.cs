using System.Text;
using System.Text.Unicode;

namespace DogClassifier.Imaging;

/// <summary>
/// Names what a file holds from its first bytes, so that a refusal can say "a TIFF image" or
/// "an HTML page" instead of only "not an image". It decides nothing about decoding.
/// </summary>
internal static class FormatSniffer
{
    /// <summary>The formats the decoder reads, in words, for messages.</summary>
    public const string Supported = "JPEG, PNG, GIF, BMP and WebP";

    private const int TextSample = 1024;

    /// <summary>The name of a format the decoder reads whose signature the bytes start with, else <c>null</c>.</summary>
    public static string? SupportedFormat(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "JPEG",
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => "PNG",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "GIF",
        [(byte)'B', (byte)'M', ..] => "BMP",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "WebP",
        _ => null,
    };

    /// <summary>
    /// Why bytes that no decoder accepted are not an image, when their start says what they are:
    /// another image format, a document, or text; else <c>null</c>.
    /// </summary>
    public static string? DescribeUnsupported(ReadOnlySpan<byte> bytes)
    {
        var binary = DescribeBinary(bytes);
        if (binary is not null)
        {
            return $"the file is {binary}, a format the decoder cannot read (it reads {Supported})";
        }

        return LooksLikeText(bytes) ? DescribeText(bytes) : null;
    }

    private static string? DescribeBinary(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => "a TIFF image",
        [(byte)'8', (byte)'B', (byte)'P', (byte)'S', ..] => "a Photoshop (PSD) document",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'a', (byte)'v', (byte)'i', _, ..] => "an AVIF image",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'h', (byte)'e', (byte)'i', _, ..]
            or [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'i', (byte)'f', (byte)'1', ..]
            => "a HEIC/HEIF image",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => "an ISO media file (a video or a HEIF image)",
        [0x00, 0x00, 0x00, 0x0C, (byte)'j', (byte)'P', 0x20, 0x20, ..] => "a JPEG 2000 image",
        [0xFF, 0x0A, ..] or [0x00, 0x00, 0x00, 0x0C, (byte)'J', (byte)'X', (byte)'L', 0x20, ..] => "a JPEG XL image",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF document",
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => "a ZIP archive",
        [0x1F, 0x8B, ..] => "a gzip archive",
        _ => null,
    };

    private static string DescribeText(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, TextSample)]);
        if (text.Contains("<svg", StringComparison.OrdinalIgnoreCase))
        {
            return $"the file holds an SVG drawing (vector graphics), which the decoder cannot read " +
                $"(it reads {Supported})";
        }

        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            return "the file holds an HTML web page, not an image (often a download that failed)";
        }

        return "the file holds text, not an image";
    }

    /// <summary>
    /// Whether the start of the bytes is text: valid UTF-8 without control characters other
    /// than white space. A short binary fragment such as a JPEG cut after two bytes is not.
    /// </summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, TextSample)];
        foreach (var b in sample)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F)
            {
                return false;
            }
        }

        // A sample cut from a longer file may end inside a character of up to four bytes.
        var cut = sample.Length < bytes.Length ? 3 : 0;
        for (int trim = 0; trim <= Math.Min(cut, sample.Length - 1); trim++)
        {
            if (Utf8.IsValid(sample[..^trim]))
            {
                return true;
            }
        }

        return false;
    }
}
