using DogClassifier.Data;
using DogClassifier.Tests.Support;
using DogClassifier.Training;

namespace DogClassifier.Tests.Training;

/// <summary>
/// On a copy of the real photos salted with one file of every bad kind, training skips and
/// reports each bad file and reaches the accuracy of the clean photos. Explicit: it needs a
/// writable copy named by <c>DOGCLASSIFIER_SALTED_PETS</c> and takes a few minutes.
/// </summary>
/// <remarks>
/// Both runs use the same first <c>DOGCLASSIFIER_SALTED_PER_CLASS</c> photos of each class
/// (default 150), split once; the salted run adds the bad files to the three parts in turn, so
/// the good images of every part are the same and so must be the accuracies.
/// </remarks>
[TestFixture]
[Explicit("Needs a salted copy of the real photos; see docs/intake.md.")]
public sealed class SaltedPetsComparisonTests
{
    [Test]
    public async Task TrainAsync_SaltedCopyOfThePets_SkipsEveryBadFileAndMatchesTheCleanAccuracy()
    {
        var clean = RealData.RequirePets();
        var salted = SaltedFolder(clean);
        var salt = SaltOnce(salted);
        var perClass = int.TryParse(Environment.GetEnvironmentVariable("DOGCLASSIFIER_SALTED_PER_CLASS"), out var n) ? n : 150;
        var cleanSplit = Subset(ImageDataset.FromFolder(clean, new DatasetOptions { PositiveClass = "dog" }), perClass).Split();
        using var logs = new ListLoggerFactory();
        var saltedSet = ImageDataset.FromFolder(salted, new DatasetOptions { PositiveClass = "dog" }, logs.CreateLogger("data"));
        var saltedSplit = Salted(cleanSplit, clean, salted, saltedSet);
        var options = new TrainingOptions { UseFeatureCache = false };

        using var cleanRun = await new ImageClassifierTrainer(options).TrainAsync(cleanSplit);
        using var saltedRun = await new ImageClassifierTrainer(options, logs).TrainAsync(saltedSplit);

        Report(saltedSet, cleanRun, saltedRun);
        Assert.That(saltedRun.Skipped.Select(s => s.Path), Is.EquivalentTo(salt));
        Assert.That(saltedRun.Counts, Is.EqualTo(cleanRun.Counts));
        Assert.That(saltedRun.Test!.MicroAccuracy, Is.EqualTo(cleanRun.Test!.MicroAccuracy).Within(1e-9));
        Assert.That(saltedRun.Validation.MicroAccuracy, Is.EqualTo(cleanRun.Validation.MicroAccuracy).Within(1e-9));
        Assert.That(saltedRun.Test.LogLoss, Is.EqualTo(cleanRun.Test.LogLoss).Within(1e-6));
        Assert.That(logs.Warnings.Count(w => w.EventId.Id == 12), Is.EqualTo(salt.Count));
    }

    private static string SaltedFolder(string clean)
    {
        var salted = Environment.GetEnvironmentVariable("DOGCLASSIFIER_SALTED_PETS");
        if (string.IsNullOrWhiteSpace(salted) || !Directory.Exists(salted))
        {
            Assert.Ignore("Set DOGCLASSIFIER_SALTED_PETS to a copy of the pets folder (cp -r), never the original.");
        }

        var real = RealPath.Resolve(salted!);
        Assert.That(real, Is.Not.EqualTo(RealPath.Resolve(clean)), "the salted folder must be a copy");
        return real!;
    }

    /// <summary>Writes one file of every bad kind into the class folders, unless an earlier run did.</summary>
    private static List<string> SaltOnce(string salted)
    {
        string[] classes = ["cat", "dog", "other"];
        var written = BadImages.All.Select((bad, k) =>
            Path.Combine(salted, classes[k % classes.Length], $"bad-{bad.Kind}-{bad.FileName}")).ToList();
        if (!written.All(File.Exists))
        {
            var made = DrawnDataset.Salt(salted, classes);
            Assert.That(made.Select(m => m.Path), Is.EqualTo(written));
        }

        return written;
    }

    private static ImageDataset Subset(ImageDataset full, int perClass) =>
        ImageDataset.FromImages(
            full.Images.GroupBy(i => i.SourceClass).SelectMany(g => g.OrderBy(i => i.Path, StringComparer.Ordinal).Take(perClass)),
            full.ClassNames,
            full.PositiveClass);

    /// <summary>The clean split with each path moved into the salted copy and the bad files dealt to the parts.</summary>
    private static DatasetSplit Salted(DatasetSplit split, string clean, string salted, ImageDataset saltedSet)
    {
        var byPath = saltedSet.Images.ToDictionary(i => i.Path, RealPath.Comparer);
        LabeledImage Move(LabeledImage image) => byPath[Path.Combine(salted, Path.GetRelativePath(clean, image.Path))];
        var bad = saltedSet.Images.Where(i => Path.GetFileName(i.Path).StartsWith("bad-", StringComparison.Ordinal)).ToList();
        var parts = new[] { split.Train, split.Validation, split.Test }
            .Select((part, p) => ImageDataset.FromImages(
                part.Images.Select(Move).Concat(bad.Where((_, k) => k % 3 == p)), split.ClassNames, split.PositiveClass))
            .ToArray();
        return new DatasetSplit(parts[0], parts[1], parts[2]);
    }

    private static void Report(ImageDataset saltedSet, TrainingResult clean, TrainingResult salted)
    {
        var output = TestContext.Out;
        output.WriteLine($"salted folder: {saltedSet.Images.Count} image files, {saltedSet.IgnoredFiles.Count} ignored, " +
            $"{saltedSet.DuplicateGroups.Count} duplicate groups");
        foreach (var (name, run) in new[] { ("clean", clean), ("salted", salted) })
        {
            output.WriteLine($"{name,-6}: counts {run.Counts}, validation accuracy {run.Validation.MicroAccuracy:0.0000}, " +
                $"test accuracy {run.Test!.MicroAccuracy:0.0000}, test log-loss {run.Test.LogLoss:0.000000}, " +
                $"head {run.Model.Head}, {run.TotalTime.TotalSeconds:0} s");
        }

        output.WriteLine($"skipped ({salted.Skipped.Count}):");
        foreach (var skipped in salted.Skipped)
        {
            output.WriteLine($"  {skipped.Path}: {skipped.Reason}");
        }
    }
}
