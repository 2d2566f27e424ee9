using SkiaSharp;

namespace DogClassifier.Tests.Support.Encoders;

/// <summary>
/// Writes GIF files, animated when given several frames. The image data is LZW-coded in its
/// simplest valid form: every pixel a literal code, with a clear code often enough that the
/// code width never grows.
/// </summary>
internal static class GifWriter
{
    private const int MinCodeSize = 8;
    private const int ClearCode = 1 << MinCodeSize;
    private const int EndCode = ClearCode + 1;
    private const int CodeWidth = MinCodeSize + 1;
    private const int LiteralsPerClear = 100;

    /// <summary>Encodes frames of palette indices, each covering the whole canvas.</summary>
    /// <param name="palette">At most 256 colours.</param>
    /// <param name="frames">One index per pixel, row by row, for each frame.</param>
    /// <param name="transparentIndex">A palette index drawn as transparent, or <c>null</c>.</param>
    public static byte[] Encode(
        int width,
        int height,
        IReadOnlyList<SKColor> palette,
        IReadOnlyList<byte[]> frames,
        int? transparentIndex = null)
    {
        using var output = new MemoryStream();
        output.Write("GIF89a"u8);
        WriteShort(output, width);
        WriteShort(output, height);
        output.WriteByte(0xF7); // global colour table of 256 entries, 8 bits per primary
        output.WriteByte(0);
        output.WriteByte(0);
        for (int i = 0; i < 256; i++)
        {
            var color = i < palette.Count ? palette[i] : SKColors.Black;
            output.Write([color.Red, color.Green, color.Blue]);
        }

        if (frames.Count > 1)
        {
            output.Write([0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 0x03, 0x01, 0x00, 0x00, 0x00]);
        }

        foreach (var frame in frames)
        {
            WriteFrame(output, width, height, frame, transparentIndex);
        }

        output.WriteByte(0x3B);
        return output.ToArray();
    }

    private static void WriteFrame(Stream output, int width, int height, byte[] indices, int? transparentIndex)
    {
        var flags = (byte)(transparentIndex is null ? 0x04 : 0x05);
        output.Write([0x21, 0xF9, 0x04, flags, 10, 0, (byte)(transparentIndex ?? 0), 0x00]);
        output.WriteByte(0x2C);
        WriteShort(output, 0);
        WriteShort(output, 0);
        WriteShort(output, width);
        WriteShort(output, height);
        output.WriteByte(0);
        output.WriteByte(MinCodeSize);

        var data = Lzw(indices);
        for (int start = 0; start < data.Length; start += 255)
        {
            var length = Math.Min(255, data.Length - start);
            output.WriteByte((byte)length);
            output.Write(data, start, length);
        }

        output.WriteByte(0);
    }

    private static byte[] Lzw(byte[] indices)
    {
        var bits = new List<byte>();
        int accumulator = 0, count = 0;
        void Emit(int code)
        {
            accumulator |= code << count;
            count += CodeWidth;
            while (count >= 8)
            {
                bits.Add((byte)accumulator);
                accumulator >>= 8;
                count -= 8;
            }
        }

        for (int i = 0; i < indices.Length; i++)
        {
            if (i % LiteralsPerClear == 0)
            {
                Emit(ClearCode);
            }

            Emit(indices[i]);
        }

        Emit(EndCode);
        if (count > 0)
        {
            bits.Add((byte)accumulator);
        }

        return [.. bits];
    }

    private static void WriteShort(Stream output, int value)
    {
        output.WriteByte((byte)value);
        output.WriteByte((byte)(value >> 8));
    }
}
