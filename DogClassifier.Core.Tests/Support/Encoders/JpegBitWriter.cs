namespace DogClassifier.Tests.Support.Encoders;

/// <summary>Writes entropy-coded JPEG bits, stuffing a zero after every 0xFF byte.</summary>
internal sealed class JpegBitWriter(Stream output)
{
    private int _buffer;
    private int _count;

    public void Write((int Code, int Length) code) => Write(code.Code, code.Length);

    public void Write(int bits, int length)
    {
        for (int i = length - 1; i >= 0; i--)
        {
            _buffer = (_buffer << 1) | ((bits >> i) & 1);
            if (++_count == 8)
            {
                Emit();
            }
        }
    }

    /// <summary>Pads the last byte with one bits, as the format asks.</summary>
    public void Flush()
    {
        while (_count != 0)
        {
            Write(1, 1);
        }
    }

    private void Emit()
    {
        output.WriteByte((byte)_buffer);
        if (_buffer == 0xFF)
        {
            output.WriteByte(0);
        }

        _buffer = 0;
        _count = 0;
    }
}
