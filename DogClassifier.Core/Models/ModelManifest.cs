using DogClassifier.Imaging;
using DogClassifier.Training;

namespace DogClassifier.Models;

/// <summary>The description stored beside the head in a model file.</summary>
/// <remarks>
/// Version 2 added <see cref="HeadKind"/>; a version 1 file has none and holds an ML.NET head.
/// </remarks>
internal sealed record ModelManifest
{
    public const string FormatName = "DogClassifier.Model";
    public const int CurrentVersion = 2;

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentVersion;

    public required IReadOnlyList<string> ClassNames { get; init; }

    public string? PositiveClass { get; init; }

    public required ImageOptions Image { get; init; }

    public required string Backbone { get; init; }

    public required string BackboneSha256 { get; init; }

    public required int FeatureSize { get; init; }

    public required string Head { get; init; }

    /// <summary>How the head is stored, and so which entry holds it.</summary>
    public HeadKind HeadKind { get; init; } = HeadKind.MlNet;

    public DateTimeOffset CreatedUtc { get; init; } = DateTimeOffset.UtcNow;

    public string? LibraryVersion { get; init; } = typeof(ModelManifest).Assembly.GetName().Version?.ToString();
}
