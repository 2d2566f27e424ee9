using DogClassifier.Imaging;

namespace DogClassifier.Evaluation.Reporting;

/// <summary>What the HTML evaluation report shows.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>The default settings.</summary>
    public static HtmlReportOptions Default { get; } = new();

    /// <summary>The report's heading and page title. Default: <c>Evaluation report</c>.</summary>
    public string Title { get; init; } = "Evaluation report";

    /// <summary>
    /// A line under the heading, e.g. the model and the data set; <c>null</c> for none.
    /// Default: <c>null</c>.
    /// </summary>
    public string? Description { get; init; }

    /// <summary>
    /// The most misclassified images shown as thumbnails, most confident mistakes first; 0 shows
    /// none. Default: 60.
    /// </summary>
    public int MaxMisclassified { get; init; } = 60;

    /// <summary>The longest side of a thumbnail, in pixels. Default: 160.</summary>
    public int ThumbnailSize { get; init; } = 160;

    /// <summary>The equal-width confidence bins of the reliability diagram. Default: 10.</summary>
    public int CalibrationBins { get; init; } = 10;

    /// <summary>
    /// The positive-class scores listed in the threshold table of a binary question.
    /// Default: 0.1 to 0.9 in steps of 0.1, then 0.95 and 0.99.
    /// </summary>
    public IReadOnlyList<double> Thresholds { get; init; } =
        [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

    /// <summary>
    /// How the thumbnails' image files are read and checked (size and pixel limits).
    /// Default: <see cref="ImageOptions.Default"/>.
    /// </summary>
    public ImageOptions Image { get; init; } = ImageOptions.Default;

    /// <summary>Throws when a value is out of range, naming every bad value at once.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add($"{nameof(Title)} must not be blank");
        }

        if (MaxMisclassified < 0)
        {
            errors.Add($"{nameof(MaxMisclassified)} must not be negative (was {MaxMisclassified})");
        }

        if (ThumbnailSize is < 16 or > 1024)
        {
            errors.Add($"{nameof(ThumbnailSize)} must be between 16 and 1024 (was {ThumbnailSize})");
        }

        if (CalibrationBins is < 1 or > 100)
        {
            errors.Add($"{nameof(CalibrationBins)} must be between 1 and 100 (was {CalibrationBins})");
        }

        if (Thresholds is null || Thresholds.Any(t => !(t >= 0 && t <= 1)))
        {
            errors.Add($"{nameof(Thresholds)} must be set and hold values between 0 and 1 only");
        }

        if (Image is null)
        {
            errors.Add($"{nameof(Image)} must be set");
        }

        OptionsValidation.ThrowIfAny(nameof(HtmlReportOptions), errors);
        Image?.Validate();
    }
}
