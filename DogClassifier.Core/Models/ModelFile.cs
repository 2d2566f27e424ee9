using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;

namespace DogClassifier.Models;

/// <summary>
/// The model file: a zip archive holding <c>manifest.json</c> (classes, preprocessing settings,
/// the network's hash) and <c>head.zip</c> (the ML.NET head). The network itself is not stored:
/// it is identified by its SHA-256 and loaded from the ResNet-18 package, which keeps model files
/// to a few tens of kilobytes instead of about 60 MB.
/// </summary>
internal static class ModelFile
{
    private const string ManifestEntry = "manifest.json";
    private const string HeadEntry = "head.zip";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write(Stream destination, ModelManifest manifest, MLContext ml, ITransformer head, DataViewSchema schema)
    {
        using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var stream = archive.CreateEntry(ManifestEntry).Open())
        {
            JsonSerializer.Serialize(stream, manifest, Json);
        }

        using (var stream = archive.CreateEntry(HeadEntry, CompressionLevel.NoCompression).Open())
        {
            ml.Model.Save(head, schema, stream);
        }
    }

    /// <exception cref="DogClassifierException">The stream is not a readable model file.</exception>
    public static (ModelManifest Manifest, ITransformer Head) Read(Stream source, string name, MLContext ml)
    {
        try
        {
            using var archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            var manifestEntry = archive.GetEntry(ManifestEntry);
            var headEntry = archive.GetEntry(HeadEntry);
            if (manifestEntry is null || headEntry is null)
            {
                throw new DogClassifierException(
                    $"'{name}' is not a DogClassifier model file: it lacks {ManifestEntry} or {HeadEntry}.");
            }

            ModelManifest manifest;
            using (var stream = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<ModelManifest>(stream, Json)
                    ?? throw new DogClassifierException($"The model file '{name}' has an empty manifest.");
            }

            Check(manifest, name);
            using var headStream = new MemoryStream();
            using (var stream = headEntry.Open())
            {
                stream.CopyTo(headStream);
            }

            headStream.Position = 0;
            return (manifest, ml.Model.Load(headStream, out _));
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or FormatException or InvalidOperationException)
        {
            throw new DogClassifierException($"The model file '{name}' is damaged or not a model file: {ex.Message}", ex);
        }
    }

    private static void Check(ModelManifest manifest, string name)
    {
        if (manifest.Format != ModelManifest.FormatName)
        {
            throw new DogClassifierException($"'{name}' is not a DogClassifier model file (format '{manifest.Format}').");
        }

        if (manifest.FormatVersion > ModelManifest.CurrentVersion)
        {
            throw new DogClassifierException(
                $"The model file '{name}' has format version {manifest.FormatVersion}; this library reads up to " +
                $"{ModelManifest.CurrentVersion}. Update DogClassifier.Core.");
        }

        if (manifest.ClassNames.Count < 2)
        {
            throw new DogClassifierException($"The model file '{name}' names fewer than two classes.");
        }
    }
}
