using System.Text;
using DogClassifier.Tests.Support.Encoders;
using SkiaSharp;

namespace DogClassifier.Tests.Support;

/// <summary>One kind of file that must be refused, with the words its refusal must contain.</summary>
/// <param name="Kind">A short name for the kind, e.g. "empty".</param>
/// <param name="FileName">A file name for it, with an image extension.</param>
/// <param name="Bytes">The file's content.</param>
/// <param name="Reason">A fragment the refusal's reason must contain.</param>
internal sealed record BadImage(string Kind, string FileName, byte[] Bytes, string Reason)
{
    public override string ToString() => Kind;
}

/// <summary>Every kind of unusable file a user's folder may hold, made in memory.</summary>
internal static class BadImages
{
    public const int HugeSide = 50_000;

    public static IReadOnlyList<BadImage> All { get; } =
    [
        new("empty", "empty.jpg", [], "the file is empty"),
        new("truncated", "truncated.jpg", Truncated(), "truncated"),
        new("text", "notes.jpg", Encoding.UTF8.GetBytes(TextContent), "holds text"),
        new("html", "page.jpg", Encoding.UTF8.GetBytes(HtmlContent), "HTML"),
        new("random", "noise.jpg", RandomBytes(4096), "not an image"),
        new("zeros", "zeroed.jpg", new byte[4096], "not an image"),
        new("wbmp-like", "header-zeros.jpg", [0, 0, 64, 64, .. new byte[4096]], "not an image"),
        new("tiff", "scan.jpg", Tiff(), "TIFF"),
        new("psd", "layers.jpg", Psd(), "Photoshop"),
        new("ico", "favicon.jpg", Ico(), "ICO icon"),
        new("svg", "drawing.jpg", Encoding.UTF8.GetBytes(SvgContent), "SVG"),
        new("huge", "huge.png", PngWriter.HeaderOnly(HugeSide, HugeSide), "over the budget"),
        new("tiny", "tiny.png", TestImages.Encode(12, 9, SKColors.Orange, SKEncodedImageFormat.Png), "at least 16"),
    ];

    /// <summary>The names of the kinds, for test cases.</summary>
    public static IEnumerable<string> Kinds => All.Select(b => b.Kind);

    public static BadImage Get(string kind) => All.Single(b => b.Kind == kind);

    private const string TextContent =
        "Shopping list\n- dog food\n- a new lead\n- treats\nThis file was renamed to .jpg by mistake.\n";

    private const string HtmlContent =
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n" +
        "<body><h1>Not Found</h1><p>The requested image was not found.</p></body></html>\n";

    private const string SvgContent =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">" +
        "<circle cx=\"32\" cy=\"32\" r=\"20\" fill=\"brown\"/></svg>\n";

    private static byte[] Truncated()
    {
        var jpeg = TestImages.Encode(320, 240, SKColors.SaddleBrown);
        return jpeg[..(jpeg.Length / 2)];
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x5A; // not 0x00: two leading zero bytes are all a WBMP header needs
        return bytes;
    }

    /// <summary>A little-endian TIFF header with one IFD that describes a 64 × 64 image.</summary>
    private static byte[] Tiff()
    {
        byte[] header = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 2, 0];
        byte[] width = [0x00, 0x01, 3, 0, 1, 0, 0, 0, 64, 0, 0, 0];
        byte[] height = [0x01, 0x01, 3, 0, 1, 0, 0, 0, 64, 0, 0, 0];
        return [.. header, .. width, .. height, 0, 0, 0, 0, .. new byte[256]];
    }

    /// <summary>An icon file holding one 32 × 32 PNG, as browsers save a site's icon.</summary>
    private static byte[] Ico()
    {
        var png = TestImages.Encode(32, 32, SKColors.Gold, SKEncodedImageFormat.Png);
        var size = BitConverter.GetBytes(png.Length);
        byte[] header = [0, 0, 1, 0, 1, 0];
        byte[] entry = [32, 32, 0, 0, 1, 0, 32, 0, .. size, 22, 0, 0, 0];
        return [.. header, .. entry, .. png];
    }

    /// <summary>A Photoshop header: signature, version 1, three channels, 64 × 64, 8 bits, RGB.</summary>
    private static byte[] Psd() =>
        [.. "8BPS"u8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 64, 0, 0, 0, 64, 0, 8, 0, 3, .. new byte[256]];
}
