using SkiaSharp;

namespace DogClassifier.Tests.Support.Encoders;

/// <summary>
/// A small JPEG encoder for the variants SkiaSharp does not write: progressive, grayscale and
/// CMYK. One uniform quantisation table, the standard Huffman tables, no chroma subsampling.
/// A progressive file has one DC scan followed by one full AC scan per component.
/// </summary>
internal static class JpegWriter
{
    private const int Quantizer = 4;

    /// <summary>Encodes RGB pixels as YCbCr, the usual colour JPEG.</summary>
    public static byte[] EncodeRgb(int width, int height, Func<int, int, SKColor> pixel, bool progressive = false) =>
        Encode(width, height, 3, (x, y, c) => ToYCbCr(pixel(x, y), c), progressive);

    /// <summary>Encodes one grey channel.</summary>
    public static byte[] EncodeGray(int width, int height, Func<int, int, byte> gray, bool progressive = false) =>
        Encode(width, height, 1, (x, y, _) => gray(x, y), progressive);

    /// <summary>
    /// Encodes four channels as CMYK with an Adobe marker. Like the files Photoshop writes, the
    /// samples are stored inverted: 255 means no ink.
    /// </summary>
    public static byte[] EncodeInvertedCmyk(int width, int height, Func<int, int, int, byte> ink) =>
        Encode(width, height, 4, (x, y, c) => (byte)(255 - ink(x, y, c)), progressive: false);

    /// <summary>Encodes samples already in the file's colour space, one to four components.</summary>
    public static byte[] Encode(
        int width, int height, int components, Func<int, int, int, byte> sample, bool progressive)
    {
        var blocksWide = (width + 7) / 8;
        var blocksHigh = (height + 7) / 8;
        var blocks = new int[components][][];
        for (int c = 0; c < components; c++)
        {
            blocks[c] = new int[blocksWide * blocksHigh][];
            for (int b = 0; b < blocks[c].Length; b++)
            {
                var (bx, by) = (b % blocksWide, b / blocksWide);
                blocks[c][b] = JpegBlock.Quantize(JpegBlock.Forward(bx, by, (x, y) =>
                    sample(Math.Min(x, width - 1), Math.Min(y, height - 1), c)), Quantizer);
            }
        }

        using var output = new MemoryStream();
        WriteHeaders(output, width, height, components, progressive);
        if (progressive)
        {
            WriteScan(output, Enumerable.Range(0, components).ToArray(), 0, 0, blocks, dc: true, ac: false);
            for (int c = 0; c < components; c++)
            {
                WriteScan(output, [c], 1, 63, blocks, dc: false, ac: true);
            }
        }
        else
        {
            WriteScan(output, Enumerable.Range(0, components).ToArray(), 0, 63, blocks, dc: true, ac: true);
        }

        output.Write([0xFF, 0xD9]);
        return output.ToArray();
    }

    private static byte ToYCbCr(SKColor color, int channel)
    {
        double r = color.Red, g = color.Green, b = color.Blue;
        var value = channel switch
        {
            0 => (0.299 * r) + (0.587 * g) + (0.114 * b),
            1 => 128 - (0.168736 * r) - (0.331264 * g) + (0.5 * b),
            _ => 128 + (0.5 * r) - (0.418688 * g) - (0.081312 * b),
        };
        return (byte)Math.Clamp(Math.Round(value), 0, 255);
    }

    private static void WriteHeaders(Stream output, int width, int height, int components, bool progressive)
    {
        output.Write([0xFF, 0xD8]);
        if (components == 4)
        {
            Segment(output, 0xEE, [.. "Adobe"u8, 0x00, 0x64, 0, 0, 0, 0, 0]);
        }
        else
        {
            Segment(output, 0xE0, [.. "JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        }

        Segment(output, 0xDB, [0, .. Enumerable.Repeat((byte)Quantizer, 64)]);
        var frame = new List<byte>
        {
            8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, (byte)components,
        };
        for (int c = 0; c < components; c++)
        {
            frame.AddRange([(byte)(c + 1), 0x11, 0]);
        }

        Segment(output, progressive ? (byte)0xC2 : (byte)0xC0, [.. frame]);
        Segment(output, 0xC4, [0x00, .. JpegHuffman.DcBits, .. JpegHuffman.DcValues]);
        Segment(output, 0xC4, [0x10, .. JpegHuffman.AcBits, .. JpegHuffman.AcValues]);
    }

    private static void WriteScan(
        Stream output, int[] components, int start, int end, int[][][] blocks, bool dc, bool ac)
    {
        var header = new List<byte> { (byte)components.Length };
        foreach (var c in components)
        {
            header.AddRange([(byte)(c + 1), 0x00]);
        }

        header.AddRange([(byte)start, (byte)end, 0]);
        Segment(output, 0xDA, [.. header]);

        var writer = new JpegBitWriter(output);
        var previousDc = new int[blocks.Length];
        for (int b = 0; b < blocks[0].Length; b++)
        {
            foreach (var c in components)
            {
                var block = blocks[c][b];
                if (dc)
                {
                    JpegHuffman.WriteDc(writer, block[0] - previousDc[c]);
                    previousDc[c] = block[0];
                }

                if (ac)
                {
                    JpegHuffman.WriteAc(writer, block);
                }
            }
        }

        writer.Flush();
    }

    private static void Segment(Stream output, byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        output.Write([0xFF, marker, (byte)(length >> 8), (byte)length]);
        output.Write(payload);
    }
}
