namespace DogClassifier.Tests.Support.Encoders;

/// <summary>Inserts an APP1 Exif segment holding only the orientation tag (0x0112) into a JPEG.</summary>
internal static class JpegExif
{
    public static byte[] WithOrientation(byte[] jpeg, int orientation)
    {
        if (jpeg.Length < 2 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("The bytes do not start with a JPEG start-of-image marker.", nameof(jpeg));
        }

        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian header, first IFD at 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, // Orientation, SHORT, count 1
            0x00, (byte)orientation, 0x00, 0x00, // the value, left-justified
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        byte[] payload = [.. "Exif"u8, 0, 0, .. tiff];
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [0xFF, 0xD8, .. segment, .. jpeg.AsSpan(2)];
    }
}
