using DogClassifier.Imaging;

namespace DogClassifier.Models;

/// <summary>The description stored beside the head in a model file.</summary>
internal sealed record ModelManifest
{
    public const string FormatName = "DogClassifier.Model";
    public const int CurrentVersion = 1;

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentVersion;

    public required IReadOnlyList<string> ClassNames { get; init; }

    public string? PositiveClass { get; init; }

    public required ImageOptions Image { get; init; }

    public required string Backbone { get; init; }

    public required string BackboneSha256 { get; init; }

    public required int FeatureSize { get; init; }

    public required string Head { get; init; }

    public DateTimeOffset CreatedUtc { get; init; } = DateTimeOffset.UtcNow;

    public string? LibraryVersion { get; init; } = typeof(ModelManifest).Assembly.GetName().Version?.ToString();
}
