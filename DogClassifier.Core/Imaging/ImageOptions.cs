namespace DogClassifier.Imaging;

/// <summary>
/// How images are decoded, checked and brought to the network's input. These settings are part of
/// a trained model: prediction uses the settings the model was trained with.
/// </summary>
public sealed record ImageOptions
{
    /// <summary>The default settings.</summary>
    public static ImageOptions Default { get; } = new();

    /// <summary>
    /// The largest image accepted, in pixels (width times height), checked from the header before
    /// any pixel is decoded. Default: 100,000,000 (100 megapixels).
    /// </summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>The shortest side, in pixels, of an image worth classifying. Default: 16.</summary>
    public int MinSide { get; init; } = 16;

    /// <summary>The largest file accepted, in bytes. Default: 64 MiB.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// How the image is fitted to the square input. Default: <see cref="ResizeMode.CenterCrop"/>,
    /// which scored best on the validation split of the pets photos (0.989, against 0.983 for
    /// <see cref="ResizeMode.Stretch"/> and <see cref="ResizeMode.Pad"/>).
    /// </summary>
    public ResizeMode ResizeMode { get; init; } = ResizeMode.CenterCrop;

    /// <summary>
    /// The colour, as 0xRRGGBB, that transparent pixels are composited on and that
    /// <see cref="ResizeMode.Pad"/> pads with. Default: 0x808080, a mid grey close to the
    /// ImageNet mean, so padding and transparency carry as little signal as possible.
    /// </summary>
    public int BackgroundRgb { get; init; } = 0x808080;

    /// <summary>Throws when a value is out of range, naming every bad value at once.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (MaxPixels < 1)
        {
            errors.Add($"{nameof(MaxPixels)} must be positive (was {MaxPixels})");
        }

        if (MinSide < 1)
        {
            errors.Add($"{nameof(MinSide)} must be at least 1 (was {MinSide})");
        }

        if (MaxFileBytes < 1)
        {
            errors.Add($"{nameof(MaxFileBytes)} must be positive (was {MaxFileBytes})");
        }

        if (!Enum.IsDefined(ResizeMode))
        {
            errors.Add($"{nameof(ResizeMode)} has no such value ({(int)ResizeMode})");
        }

        if (BackgroundRgb is < 0 or > 0xFFFFFF)
        {
            errors.Add($"{nameof(BackgroundRgb)} must be between 0x000000 and 0xFFFFFF");
        }

        OptionsValidation.ThrowIfAny(nameof(ImageOptions), errors);
    }
}
