using System.IO.Compression;
using System.Text;
using DogClassifier.Imaging;
using DogClassifier.Models;
using DogClassifier.Tests.Support;
using DogClassifier.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogClassifier.Tests.Models;

public sealed class ModelFileTests
{
    private const int Features = 512;
    private static readonly string[] ClassNames = ["cat", "dog", "other"];

    [Test]
    public void WriteRead_SoftmaxHead_GivesIdenticalScores()
    {
        var head = TrainSoftmax();
        var rows = SyntheticFeatures.Random(20, Features, seed: 3);

        var (manifest, loaded) = RoundTrip(head);

        Assert.Multiple(() =>
        {
            Assert.That(manifest.HeadKind, Is.EqualTo(HeadKind.Softmax));
            Assert.That(loaded, Is.TypeOf<SoftmaxHead>());
            Assert.That(rows.Select(loaded.Score), Is.EqualTo(rows.Select(head.Score)));
        });
    }

    [Test]
    public void WriteRead_MlNetHead_GivesIdenticalScores()
    {
        var head = TrainLbfgs();
        var rows = SyntheticFeatures.Random(20, Features, seed: 4);

        var (manifest, loaded) = RoundTrip(head);

        Assert.Multiple(() =>
        {
            Assert.That(manifest.HeadKind, Is.EqualTo(HeadKind.MlNet));
            Assert.That(loaded, Is.TypeOf<MlNetHead>());
            Assert.That(loaded.ScoreAll(rows), Is.EqualTo(head.ScoreAll(rows)));
        });
    }

    [Test]
    public void Read_VersionOneFileWithoutHeadKind_ReadsItsMlNetHead()
    {
        var head = TrainLbfgs();
        using var file = new MemoryStream();
        using (var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("manifest.json").Open(), Encoding.UTF8))
            {
                writer.Write(VersionOneManifest);
            }

            using var stream = archive.CreateEntry("head.zip").Open();
            head.Save(stream);
        }

        file.Position = 0;
        var (manifest, loaded) = ModelFile.Read(file, "v1");

        var rows = SyntheticFeatures.Random(5, Features, seed: 5);
        Assert.Multiple(() =>
        {
            Assert.That(manifest.FormatVersion, Is.EqualTo(1));
            Assert.That(manifest.HeadKind, Is.EqualTo(HeadKind.MlNet));
            Assert.That(loaded.ScoreAll(rows), Is.EqualTo(head.ScoreAll(rows)));
        });
    }

    [Test]
    public void Read_SoftmaxHeadOfOtherClassCount_ThrowsDogClassifierException()
    {
        var head = TrainSoftmax();
        using var file = new MemoryStream();
        ModelFile.Write(file, Manifest() with { ClassNames = ["cat", "dog"] }, head);
        file.Position = 0;

        var error = Assert.Throws<DogClassifierException>(() => ModelFile.Read(file, "mismatch"));

        Assert.That(error!.Message, Does.Contain("3 classes"));
    }

    [Test]
    public void Read_ManifestNamingAMissingHeadEntry_ThrowsDogClassifierException()
    {
        using var file = new MemoryStream();
        using (var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("manifest.json").Open(), Encoding.UTF8);
            var softmaxManifest = VersionOneManifest.Replace(
                "\"FormatVersion\": 1", "\"FormatVersion\": 2, \"HeadKind\": \"Softmax\"");
            writer.Write(softmaxManifest);
        }

        file.Position = 0;

        var error = Assert.Throws<DogClassifierException>(() => ModelFile.Read(file, "broken"));

        Assert.That(error!.Message, Does.Contain("head.json"));
    }

    private static (ModelManifest Manifest, ClassifierHead Head) RoundTrip(ClassifierHead head)
    {
        using var file = new MemoryStream();
        ModelFile.Write(file, Manifest(), head);
        file.Position = 0;
        return ModelFile.Read(file, "round trip");
    }

    private static ModelManifest Manifest() => new()
    {
        ClassNames = ClassNames,
        Image = ImageOptions.Default,
        Backbone = "test",
        BackboneSha256 = new string('0', 64),
        FeatureSize = Features,
        Head = "test head",
    };

    private static SoftmaxHead TrainSoftmax()
    {
        var data = SyntheticFeatures.Clusters(3, 20, Features, 0.3, seed: 1);
        var options = new TrainingOptions { Epochs = 3 };
        var trainer = new SoftmaxHeadTrainer(options, 3, NullLogger.Instance);
        return trainer.Train(data, data, () => false, CancellationToken.None).Head;
    }

    private static MlNetHead TrainLbfgs()
    {
        var data = SyntheticFeatures.Clusters(3, 20, Features, 0.3, seed: 2);
        var options = new TrainingOptions { Heads = HeadTrainers.LbfgsMaximumEntropy, L2Candidates = [1f] };
        var search = new HeadSearch(options, ClassNames, null, NullLogger.Instance);
        return (MlNetHead)search.Run(data, data, null, CancellationToken.None).Head;
    }

    private const string VersionOneManifest = """
        {
          "Format": "DogClassifier.Model",
          "FormatVersion": 1,
          "ClassNames": ["cat", "dog", "other"],
          "PositiveClass": null,
          "Image": {
            "MaxPixels": 100000000, "MinSide": 16, "MaxFileBytes": 67108864,
            "ResizeMode": "Stretch", "BackgroundRgb": 8421504
          },
          "Backbone": "ResNet-18",
          "BackboneSha256": "0000000000000000000000000000000000000000000000000000000000000000",
          "FeatureSize": 512,
          "Head": "L-BFGS maximum entropy, L2=1"
        }
        """;
}
