using System.Buffers.Binary;
using SkiaSharp;

namespace DogClassifier.Tests.Support.Encoders;

/// <summary>Writes uncompressed 24-bit Windows bitmaps, stored bottom-up as the format prefers.</summary>
internal static class BmpWriter
{
    private const int FileHeaderSize = 14;
    private const int InfoHeaderSize = 40;

    public static byte[] Encode(int width, int height, Func<int, int, SKColor> pixel)
    {
        var stride = ((width * 3) + 3) & ~3;
        var offset = FileHeaderSize + InfoHeaderSize;
        var bytes = new byte[offset + (stride * height)];
        var span = bytes.AsSpan();

        span[0] = (byte)'B';
        span[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], offset);
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], InfoHeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], width);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], height);
        BinaryPrimitives.WriteInt16LittleEndian(span[26..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[28..], 24);
        BinaryPrimitives.WriteInt32LittleEndian(span[34..], stride * height);

        for (int y = 0; y < height; y++)
        {
            var row = offset + ((height - 1 - y) * stride);
            for (int x = 0; x < width; x++)
            {
                var color = pixel(x, y);
                bytes[row + (3 * x)] = color.Blue;
                bytes[row + (3 * x) + 1] = color.Green;
                bytes[row + (3 * x) + 2] = color.Red;
            }
        }

        return bytes;
    }
}
