using SkiaSharp;

namespace DogClassifier.Imaging;

/// <summary>
/// The one path by which training, evaluation, prediction and the service turn bytes into the
/// network's input: checks, decoding, EXIF orientation, alpha compositing and resizing.
/// </summary>
/// <remarks>
/// The header is read before any pixel is decoded, so an image that claims to be enormous is
/// refused without allocating its pixels. JPEGs are decoded at a reduced scale (1/2, 1/4, 1/8)
/// whenever that still leaves at least the network's input size, which is most of the speed.
/// </remarks>
internal static class ImageDecoder
{
    /// <summary>The side of the network's square input, in pixels.</summary>
    public const int InputSize = 224;

    /// <summary>The number of floats in one input tensor: three planes of <see cref="InputSize"/> squared.</summary>
    public const int TensorLength = 3 * InputSize * InputSize;

    private const string UnknownBytes =
        "the bytes are not an image in a format the decoder can read (" + FormatSniffer.Supported + ")";

    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Reads a file for decoding, refusing empty, oversized and unreadable files.</summary>
    /// <exception cref="InvalidImageException">The file is empty, too large or unreadable.</exception>
    public static byte[] ReadFile(string path, ImageOptions options)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InvalidImageException(path, "the file does not exist");
            }

            CheckLength(path, info.Length, options);
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidImageException(path, $"the file could not be read ({ex.Message})", ex);
        }
    }

    /// <summary>
    /// Reads a stream for decoding, refusing an empty one and stopping as soon as it passes the
    /// byte limit, so an endless or enormous upload is never held in memory whole.
    /// </summary>
    /// <exception cref="InvalidImageException">The stream is empty, too long or unreadable.</exception>
    public static byte[] ReadStream(Stream stream, string source, ImageOptions options)
    {
        try
        {
            if (stream.CanSeek)
            {
                CheckLength(source, stream.Length - stream.Position, options);
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > options.MaxFileBytes)
                {
                    throw new InvalidImageException(
                        source, $"the stream holds more than the limit of {options.MaxFileBytes:N0} bytes");
                }
            }

            CheckLength(source, buffer.Length, options);
            return buffer.ToArray();
        }
        catch (IOException ex)
        {
            throw new InvalidImageException(source, $"the stream could not be read ({ex.Message})", ex);
        }
    }

    /// <summary>Refuses a byte count that is zero or over the configured limit.</summary>
    /// <exception cref="InvalidImageException">The length is zero or too large.</exception>
    public static void CheckLength(string source, long length, ImageOptions options)
    {
        if (length == 0)
        {
            throw new InvalidImageException(source, "the file is empty");
        }

        if (length > options.MaxFileBytes)
        {
            throw new InvalidImageException(
                source, $"the file has {length:N0} bytes, over the limit of {options.MaxFileBytes:N0}");
        }
    }

    /// <summary>
    /// Decodes an image into <paramref name="destination"/> as three planes (R, G, B) of
    /// <see cref="InputSize"/> squared floats in 0–255, upright and resized as the options say.
    /// </summary>
    /// <exception cref="InvalidImageException">The bytes are not a usable image.</exception>
    public static void DecodeToTensor(
        ReadOnlySpan<byte> bytes, string source, ImageOptions options, Span<float> destination, bool mirror = false)
    {
        if (destination.Length < TensorLength)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; {TensorLength} are needed.", nameof(destination));
        }

        using var square = CreateSquare();
        DecodeToSquare(bytes, source, options, square, mirror);
        WritePlanes(square.GetPixelSpan(), destination);
    }

    /// <summary>A bitmap of the network's input size that <see cref="DecodeToSquare"/> can draw into.</summary>
    public static SKBitmap CreateSquare() =>
        new(new SKImageInfo(InputSize, InputSize, SKColorType.Rgba8888, SKAlphaType.Premul));

    /// <summary>
    /// Decodes an image into <paramref name="square"/>, a bitmap made by <see cref="CreateSquare"/>
    /// that is reused from image to image: RGBA bytes, upright and resized as the options say.
    /// </summary>
    /// <param name="bytes">The encoded image.</param>
    /// <param name="source">The file path or upload name, for messages.</param>
    /// <param name="options">The checks and the resizing.</param>
    /// <param name="square">Receives the pixels.</param>
    /// <param name="mirror">Whether to flip the image left to right.</param>
    /// <param name="strips">
    /// How many horizontal strips of the square are drawn in parallel, to shorten one image's
    /// latency; every pixel is computed as it would be in one piece.
    /// </param>
    /// <exception cref="InvalidImageException">The bytes are not a usable image.</exception>
    public static void DecodeToSquare(
        ReadOnlySpan<byte> bytes, string source, ImageOptions options, SKBitmap square, bool mirror = false,
        int strips = 1)
    {
        if (square.Width != InputSize || square.Height != InputSize || square.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException(
                $"The square must be an RGBA bitmap of {InputSize}×{InputSize} pixels.", nameof(square));
        }

        using var decoded = DecodeOriented(bytes, source, options, InputSize, out var origin);
        using var image = SKImage.FromBitmap(decoded);
        var fit = new Fit(decoded.Width, decoded.Height, origin, options.ResizeMode, mirror);
        var background = Background(options);
        if (strips <= 1)
        {
            DrawStrip(square, image, fit, background, 0, InputSize);
            return;
        }

        var rows = (InputSize + strips - 1) / strips;
        Parallel.For(0, strips, strip =>
            DrawStrip(square, image, fit, background, strip * rows, Math.Min(InputSize, (strip + 1) * rows)));
    }

    /// <summary>Decodes an upright image whose long side is at most <paramref name="maxSide"/> pixels.</summary>
    /// <exception cref="InvalidImageException">The bytes are not a usable image.</exception>
    public static SKBitmap DecodeThumbnail(ReadOnlySpan<byte> bytes, string source, ImageOptions options, int maxSide)
    {
        // Decoded at the smallest scale that keeps both sides at least maxSide, so a JPEG shrunk
        // on decoding still fills the thumbnail.
        using var decoded = DecodeOriented(bytes, source, options, maxSide, out var origin);
        var (width, height) = UprightSize(decoded.Width, decoded.Height, origin);
        var scale = Math.Min(1f, (float)maxSide / Math.Max(width, height));
        var outWidth = Math.Max(1, (int)MathF.Round(width * scale));
        var outHeight = Math.Max(1, (int)MathF.Round(height * scale));

        var result = new SKBitmap(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(result);
        canvas.Clear(Background(options));
        canvas.Scale((float)outWidth / width, (float)outHeight / height);
        canvas.Concat(OrientationMatrix(origin, decoded.Width, decoded.Height));
        using var image = SKImage.FromBitmap(decoded);
        canvas.DrawImage(image, 0, 0, Sampling);
        return result;
    }

    /// <summary>
    /// Reads the header, checks the format and the budget, and decodes at the smallest useful
    /// scale. Anything the native decoder throws becomes an <see cref="InvalidImageException"/>.
    /// </summary>
    private static SKBitmap DecodeOriented(
        ReadOnlySpan<byte> bytes, string source, ImageOptions options, int minOutputSide, out SKEncodedOrigin origin)
    {
        CheckLength(source, bytes.Length, options);
        try
        {
            using var data = SKData.CreateCopy(bytes);
            // The codec takes ownership of the stream it reads from.
            using var codec = SKCodec.Create(new SKMemoryStream(data), out var createResult)
                ?? throw new InvalidImageException(source, DescribeCreateFailure(bytes, createResult));

            CheckFormat(source, codec.EncodedFormat);
            var info = codec.Info;
            CheckDimensions(source, info.Width, info.Height, options);
            origin = codec.EncodedOrigin;
            return DecodePixels(codec, source, minOutputSide);
        }
        catch (Exception ex) when (ex is not InvalidImageException)
        {
            throw new InvalidImageException(source, $"the decoder failed ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    private static SKBitmap DecodePixels(SKCodec codec, string source, int minOutputSide)
    {
        var info = codec.Info;
        var scale = Math.Min(1f, Math.Max((float)minOutputSide / info.Width, (float)minOutputSide / info.Height));
        var size = scale < 1f ? codec.GetScaledDimensions(scale) : new SKSizeI(info.Width, info.Height);
        var target = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);

        var bitmap = new SKBitmap(target);
        var pixels = bitmap.GetPixels();
        var result = pixels == IntPtr.Zero ? SKCodecResult.InternalError : codec.GetPixels(target, pixels);
        if (result is SKCodecResult.Success)
        {
            // Immutable pixels are drawn in place; mutable ones would be copied first.
            bitmap.SetImmutable();
            return bitmap;
        }

        bitmap.Dispose();
        var format = Name(codec.EncodedFormat) ?? codec.EncodedFormat.ToString();
        throw new InvalidImageException(source, result switch
        {
            _ when pixels == IntPtr.Zero => $"there is not enough memory for its {size.Width}×{size.Height} pixels",
            SKCodecResult.IncompleteInput => $"the {format} file is truncated",
            SKCodecResult.ErrorInInput or SKCodecResult.InvalidInput => $"the {format} image data is corrupt",
            SKCodecResult.InvalidScale or SKCodecResult.InvalidConversion =>
                $"the {format} image cannot be converted to RGB",
            _ => $"the {format} image could not be decoded ({result})",
        });
    }

    /// <summary>Refuses what the codec reads but the library does not accept.</summary>
    private static void CheckFormat(string source, SKEncodedImageFormat format)
    {
        if (Name(format) is not null)
        {
            return;
        }

        // WBMP has no signature: almost any bytes that start with two zeros parse as one.
        throw new InvalidImageException(source, format == SKEncodedImageFormat.Wbmp
            ? UnknownBytes
            : $"the file is {Describe(format)}, a format this library does not accept " +
              $"(it reads {FormatSniffer.Supported})");
    }

    private static void CheckDimensions(string source, int width, int height, ImageOptions options)
    {
        if (width <= 0 || height <= 0)
        {
            throw new InvalidImageException(source, $"the header gives no usable size ({width}×{height})");
        }

        if ((long)width * height > options.MaxPixels)
        {
            throw new InvalidImageException(
                source,
                $"the image has {width}×{height} pixels, over the budget of {options.MaxPixels:N0} pixels");
        }

        if (Math.Min(width, height) < options.MinSide)
        {
            throw new InvalidImageException(
                source,
                $"the image is {width}×{height} pixels; the shortest side must be at least {options.MinSide}");
        }
    }

    private static string DescribeCreateFailure(ReadOnlySpan<byte> bytes, SKCodecResult result)
    {
        if (FormatSniffer.SupportedFormat(bytes) is { } format)
        {
            return result == SKCodecResult.IncompleteInput
                ? $"the {format} file is truncated before its header ends"
                : $"the {format} header is corrupt";
        }

        if (FormatSniffer.DescribeUnsupported(bytes) is { } unsupported)
        {
            return unsupported;
        }

        return result == SKCodecResult.IncompleteInput ? "the file is truncated before its header ends" : UnknownBytes;
    }

    private static string Describe(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Ico => "an ICO icon",
        SKEncodedImageFormat.Dng => "a DNG raw photo",
        SKEncodedImageFormat.Heif => "a HEIF image",
        SKEncodedImageFormat.Avif => "an AVIF image",
        SKEncodedImageFormat.Jpegxl => "a JPEG XL image",
        _ => $"a {format.ToString().ToUpperInvariant()} file",
    };

    /// <summary>The name of a format the library accepts, or <c>null</c> for any other.</summary>
    private static string? Name(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "JPEG",
        SKEncodedImageFormat.Png => "PNG",
        SKEncodedImageFormat.Gif => "GIF",
        SKEncodedImageFormat.Bmp => "BMP",
        SKEncodedImageFormat.Webp => "WebP",
        _ => null,
    };

    private static SKColor Background(ImageOptions options) =>
        new((byte)(options.BackgroundRgb >> 16), (byte)(options.BackgroundRgb >> 8), (byte)options.BackgroundRgb);

    /// <summary>Draws rows <paramref name="top"/> to <paramref name="bottom"/> of the square.</summary>
    private static void DrawStrip(SKBitmap square, SKImage image, Fit fit, SKColor background, int top, int bottom)
    {
        using var canvas = new SKCanvas(square);
        canvas.ClipRect(new SKRect(0, top, InputSize, bottom));
        canvas.Clear(background);
        DrawFitted(canvas, image, fit);
    }

    /// <summary>Draws the decoded image upright into the square canvas as the resize mode says.</summary>
    private static void DrawFitted(SKCanvas canvas, SKImage image, Fit fit)
    {
        var (width, height) = UprightSize(fit.Width, fit.Height, fit.Origin);
        float scaleX = (float)InputSize / width;
        float scaleY = (float)InputSize / height;
        if (fit.Mode != ResizeMode.Stretch)
        {
            scaleX = scaleY = fit.Mode == ResizeMode.CenterCrop ? Math.Max(scaleX, scaleY) : Math.Min(scaleX, scaleY);
        }

        if (fit.Mirror)
        {
            canvas.Translate(InputSize, 0);
            canvas.Scale(-1, 1);
        }

        canvas.Translate((InputSize - (width * scaleX)) / 2, (InputSize - (height * scaleY)) / 2);
        canvas.Scale(scaleX, scaleY);
        canvas.Concat(OrientationMatrix(fit.Origin, fit.Width, fit.Height));
        canvas.DrawImage(image, 0, 0, Sampling);
    }

    private static (int Width, int Height) UprightSize(int width, int height, SKEncodedOrigin origin) =>
        origin >= SKEncodedOrigin.LeftTop ? (height, width) : (width, height);

    /// <summary>The matrix taking stored pixel coordinates to upright ones, for each EXIF orientation.</summary>
    internal static SKMatrix OrientationMatrix(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>Turns interleaved RGBA bytes into three planes of floats in 0–255.</summary>
    private static void WritePlanes(ReadOnlySpan<byte> rgba, Span<float> destination)
    {
        const int plane = InputSize * InputSize;
        var red = destination[..plane];
        var green = destination.Slice(plane, plane);
        var blue = destination.Slice(2 * plane, plane);
        for (int i = 0, p = 0; i < plane; i++, p += 4)
        {
            red[i] = rgba[p];
            green[i] = rgba[p + 1];
            blue[i] = rgba[p + 2];
        }
    }

    /// <summary>How a decoded image of the given stored size is placed in the square.</summary>
    private readonly record struct Fit(int Width, int Height, SKEncodedOrigin Origin, ResizeMode Mode, bool Mirror);
}
