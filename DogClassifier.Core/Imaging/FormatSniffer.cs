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

    /// <summary>The format the decoder reads whose signature starts the bytes, else <c>null</c>.</summary>
    public static string? SupportedFormat(ReadOnlySpan<byte> bytes)
    {
        if (Starts(bytes, [0xFF, 0xD8, 0xFF]))
        {
            return "JPEG";
        }

        if (Starts(bytes, [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "PNG";
        }

        if (Starts(bytes, "GIF8"u8))
        {
            return "GIF";
        }

        // Two letters are a weak signature: text that starts with them is still text.
        if (Starts(bytes, "BM"u8) && !LooksLikeText(bytes))
        {
            return "BMP";
        }

        return Starts(bytes, "RIFF"u8) && Has(bytes, 8, "WEBP"u8) ? "WebP" : null;
    }

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

    private static string? DescribeBinary(ReadOnlySpan<byte> bytes)
    {
        if (Starts(bytes, "II*\0"u8) || Starts(bytes, "MM\0*"u8))
        {
            return "a TIFF image";
        }

        if (Starts(bytes, "8BPS"u8))
        {
            return "a Photoshop (PSD) document";
        }

        if (Has(bytes, 4, "ftyp"u8))
        {
            return Has(bytes, 8, "avi"u8) ? "an AVIF image"
                : Has(bytes, 8, "hei"u8) || Has(bytes, 8, "mif1"u8) ? "a HEIC/HEIF image"
                : "an ISO media file (a video or a HEIF image)";
        }

        if (Starts(bytes, [0x00, 0x00, 0x00, 0x0C, .. "jP  "u8]))
        {
            return "a JPEG 2000 image";
        }

        if (Starts(bytes, [0xFF, 0x0A]) || Starts(bytes, [0x00, 0x00, 0x00, 0x0C, .. "JXL "u8]))
        {
            return "a JPEG XL image";
        }

        return Starts(bytes, "%PDF"u8) ? "a PDF document"
            : Starts(bytes, [.. "PK"u8, 0x03, 0x04]) ? "a ZIP archive"
            : Starts(bytes, [0x1F, 0x8B]) ? "a gzip archive"
            : null;
    }

    private static bool Starts(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> expected) => Has(bytes, 0, expected);

    private static bool Has(ReadOnlySpan<byte> bytes, int offset, ReadOnlySpan<byte> expected) =>
        bytes.Length >= offset + expected.Length && bytes.Slice(offset, expected.Length).SequenceEqual(expected);

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
