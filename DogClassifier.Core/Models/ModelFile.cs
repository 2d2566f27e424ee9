using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using DogClassifier.Training;

namespace DogClassifier.Models;

/// <summary>
/// The model file: a zip archive holding <c>manifest.json</c> (classes, preprocessing settings,
/// the network's hash, the kind of head) and the head itself, in one of two forms:
/// <c>head.zip</c>, an ML.NET transformer chain, for heads trained by ML.NET's trainers; or
/// <c>head.json</c>, the standardisation, weights and biases of a <see cref="SoftmaxHead"/>
/// trained by mini-batch gradient descent. The second is stored as plain numbers rather than
/// forced into an ML.NET model, whose linear-model types cannot be built from given weights
/// through ML.NET's public API. The network itself is not stored: it is identified by its SHA-256
/// and loaded from the ResNet-18 package, which keeps model files to a few tens of kilobytes
/// instead of about 60 MB.
/// </summary>
internal static class ModelFile
{
    private const string ManifestEntry = "manifest.json";
    private const string MlNetHeadEntry = "head.zip";
    private const string SoftmaxHeadEntry = "head.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write(Stream destination, ModelManifest manifest, ClassifierHead head)
    {
        using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var stream = archive.CreateEntry(ManifestEntry).Open())
        {
            JsonSerializer.Serialize(stream, manifest with { HeadKind = head.Kind }, Json);
        }

        switch (head)
        {
            case MlNetHead mlNet:
                using (var stream = archive.CreateEntry(MlNetHeadEntry, CompressionLevel.NoCompression).Open())
                {
                    mlNet.Save(stream);
                }

                break;
            case SoftmaxHead softmax:
                using (var stream = archive.CreateEntry(SoftmaxHeadEntry).Open())
                {
                    softmax.Save(stream);
                }

                break;
            default:
                throw new InvalidOperationException($"A head of type {head.GetType().Name} cannot be saved.");
        }
    }

    /// <exception cref="DogClassifierException">The stream is not a readable model file.</exception>
    public static (ModelManifest Manifest, ClassifierHead Head) Read(Stream source, string name)
    {
        try
        {
            using var archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            var manifestEntry = archive.GetEntry(ManifestEntry)
                ?? throw new DogClassifierException(
                    $"'{name}' is not a DogClassifier model file: it lacks {ManifestEntry}.");

            ModelManifest manifest;
            using (var stream = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<ModelManifest>(stream, Json)
                    ?? throw new DogClassifierException($"The model file '{name}' has an empty manifest.");
            }

            Check(manifest, name);
            var headName = manifest.HeadKind == HeadKind.Softmax ? SoftmaxHeadEntry : MlNetHeadEntry;
            var headEntry = archive.GetEntry(headName)
                ?? throw new DogClassifierException(
                    $"The model file '{name}' is damaged: its manifest names a {manifest.HeadKind} head, " +
                    $"but it lacks {headName}.");

            using var headStream = new MemoryStream();
            using (var stream = headEntry.Open())
            {
                stream.CopyTo(headStream);
            }

            headStream.Position = 0;
            return (manifest, ReadHead(manifest, headStream, name));
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or FormatException or InvalidOperationException)
        {
            throw new DogClassifierException($"The model file '{name}' is damaged or not a model file: {ex.Message}", ex);
        }
    }

    private static ClassifierHead ReadHead(ModelManifest manifest, Stream stream, string name)
    {
        if (manifest.HeadKind == HeadKind.MlNet)
        {
            return MlNetHead.Load(stream);
        }

        var head = SoftmaxHead.Load(stream);
        if (head.ClassCount != manifest.ClassNames.Count || head.FeatureCount != manifest.FeatureSize)
        {
            throw new DogClassifierException(
                $"The model file '{name}' is damaged: its head maps {head.FeatureCount} features to " +
                $"{head.ClassCount} classes, but the manifest names {manifest.ClassNames.Count} classes " +
                $"of {manifest.FeatureSize} features.");
        }

        return head;
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

        if (!Enum.IsDefined(manifest.HeadKind))
        {
            throw new DogClassifierException($"The model file '{name}' names an unknown kind of head.");
        }
    }
}
