using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DogClassifier.Tests.Support.Encoders;

/// <summary>
/// Writes PNG files byte by byte, so tests can make the variants an ordinary encoder does not:
/// 16 bits per sample, grayscale, paletted, or a header alone.
/// </summary>
internal static class PngWriter
{
    public const byte Gray = 0;
    public const byte Rgb = 2;
    public const byte Indexed = 3;
    public const byte Rgba = 6;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>
    /// Encodes an image whose row <c>y</c> is given, already packed, by <paramref name="row"/>
    /// (each sample big-endian when 16 bits deep).
    /// </summary>
    public static byte[] Encode(
        int width, int height, byte bitDepth, byte colorType, Func<int, byte[]> row, byte[]? palette = null)
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        WriteChunk(output, "IHDR", Header(width, height, bitDepth, colorType));
        if (palette is not null)
        {
            WriteChunk(output, "PLTE", palette);
        }

        WriteChunk(output, "IDAT", Compress(height, row));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// A PNG whose header claims <paramref name="width"/> by <paramref name="height"/> pixels,
    /// followed by a few rows' worth of image data and the end: what an image bomb looks like.
    /// </summary>
    public static byte[] HeaderOnly(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        WriteChunk(output, "IHDR", Header(width, height, 8, Rgb));
        WriteChunk(output, "IDAT", Compress(1, _ => new byte[3 * 64]));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>Packs 8-bit samples into a row.</summary>
    public static byte[] Row8(int width, int channels, Func<int, int, byte> sample)
    {
        var row = new byte[width * channels];
        for (int x = 0; x < width; x++)
        {
            for (int c = 0; c < channels; c++)
            {
                row[(x * channels) + c] = sample(x, c);
            }
        }

        return row;
    }

    /// <summary>Packs 16-bit samples, big-endian, into a row.</summary>
    public static byte[] Row16(int width, int channels, Func<int, int, ushort> sample)
    {
        var row = new byte[width * channels * 2];
        for (int x = 0; x < width; x++)
        {
            for (int c = 0; c < channels; c++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(row.AsSpan(((x * channels) + c) * 2), sample(x, c));
            }
        }

        return row;
    }

    private static byte[] Header(int width, int height, byte bitDepth, byte colorType)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colorType;
        return header;
    }

    private static byte[] Compress(int height, Func<int, byte[]> row)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(row(y));
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc([.. typeBytes, .. data]));
        output.Write(number);
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
