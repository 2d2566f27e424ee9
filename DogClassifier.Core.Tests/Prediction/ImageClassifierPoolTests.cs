using DogClassifier.Prediction;
using DogClassifier.Tests.Support;

namespace DogClassifier.Tests.Prediction;

[TestFixture]
public sealed class ImageClassifierPoolTests
{
    private TempFolder _temp = null!;
    private PetModels _models = null!;
    private string _dogPhoto = null!;

    [OneTimeSetUp]
    public async Task TrainModels()
    {
        _temp = new TempFolder();
        _models = await PetModels.SharedAsync();
        _dogPhoto = PetModels.UnseenPhotos("dog", 1)[0];
    }

    [OneTimeTearDown]
    public void DeleteModels() => _temp.Dispose();

    [Test]
    public void Constructor_InvalidOptions_NamesEveryBadValue()
    {
        var options = new ImageClassifierPoolOptions
        {
            ReloadDelay = TimeSpan.FromSeconds(-1),
            PollInterval = TimeSpan.FromSeconds(-2),
            ReloadAttempts = 0,
            RetryDelay = TimeSpan.Zero,
        };
        options.Models["blank-path"] = new PooledModelOptions { FilePath = " " };

        var ex = Assert.Throws<ArgumentException>(() => new ImageClassifierPool(options));

        Assert.That(ex!.Message, Does.Contain("ReloadDelay").And.Contain("PollInterval")
            .And.Contain("ReloadAttempts").And.Contain("RetryDelay").And.Contain("'blank-path'"));
    }

    [Test]
    public void Constructor_NoModels_SaysAModelIsNeeded()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ImageClassifierPool(new ImageClassifierPoolOptions()));

        Assert.That(ex!.Message, Does.Contain("Models must name at least one model"));
    }

    [Test]
    public void Rent_UnknownName_ThrowsNamingTheRegisteredModels()
    {
        using var pool = CreatePool(_models.BinaryPath);

        var ex = Assert.Throws<ArgumentException>(() => pool.Rent("other"));

        Assert.That(ex!.Message, Does.Contain("'other'").And.Contain(ImageClassifierPool.DefaultModelName));
    }

    [Test]
    public void Rent_MissingFile_ThrowsAndStatusTellsWhy()
    {
        var path = _temp.Combine("missing", Guid.NewGuid().ToString("N") + ".zip");
        using var pool = CreatePool(path);

        var ex = Assert.Throws<DogClassifierException>(() => pool.Rent());
        var status = pool.GetStatus();

        Assert.That(ex!.Message, Does.Contain(path).And.Contain("does not exist"));
        Assert.That(status.IsLoaded, Is.False);
        Assert.That(status.LastError, Does.Contain("does not exist"));
    }

    [Test]
    public void Predict_RealPhoto_AnswersAsTheModelLoadedDirectly()
    {
        using var direct = ImageClassifier.Load(_models.BinaryPath);
        var expected = direct.Predict(_dogPhoto);
        using var pool = CreatePool(_models.BinaryPath);

        var actual = pool.Predict(ImageClassifierPool.DefaultModelName, _dogPhoto);

        Assert.That(actual.Label, Is.EqualTo(expected.Label));
        Assert.That(actual.Scores, Is.EqualTo(expected.Scores));
    }

    [Test]
    public void GetStatus_AfterFirstUse_DescribesTheLoadedVersion()
    {
        using var pool = CreatePool(_models.ThreeClassPath);

        pool.EnsureLoaded();
        var status = pool.GetStatus();

        Assert.That(status.IsLoaded, Is.True);
        Assert.That(status.FilePath, Is.EqualTo(Path.GetFullPath(_models.ThreeClassPath)));
        Assert.That(status.Model!.Version, Is.EqualTo(1));
        Assert.That(status.Model.ClassNames, Is.EqualTo(PetModels.ThreeClasses));
        Assert.That(status.Model.Sha256, Has.Length.EqualTo(64));
        Assert.That(status.LastError, Is.Null);
    }

    [Test]
    public void Lease_DisposedTwiceOrThroughACopy_ReturnsOnce()
    {
        using var pool = CreatePool(_models.BinaryPath);
        var lease = pool.Rent();
        var copy = lease;

        lease.Dispose();
        copy.Dispose();
        lease.Dispose();
        using var next = pool.Rent();

        Assert.That(next.ModelVersion, Is.EqualTo(1));
        Assert.That(pool.LiveModelCount, Is.EqualTo(1));
        Assert.Throws<ObjectDisposedException>(() => _ = copy.Classifier);
    }

    [Test]
    public void Lease_StaleCopyAfterTicketIsReused_CannotReturnTheNewLease()
    {
        using var pool = CreatePool(_models.BinaryPath);
        var first = pool.Rent();
        first.Dispose();
        var second = pool.Rent();

        first.Dispose();

        Assert.That(second.Classifier.ClassNames, Is.EqualTo(PetModels.BinaryClasses));
        second.Dispose();
    }

    [Test]
    public void Lease_Default_ThrowsOnUseAndDisposesQuietly()
    {
        var lease = default(ClassifierLease);

        Assert.Throws<ObjectDisposedException>(() => _ = lease.Classifier);
        Assert.DoesNotThrow(lease.Dispose);
    }

    [Test]
    public void Reload_WhileLeaseIsOut_OldVersionServesUntilReturnedThenIsDisposed()
    {
        var path = CopyModel(_models.BinaryPath);
        using var pool = CreatePool(path);
        var held = pool.Rent();
        var oldClassifier = held.Classifier;
        PetModels.ReplaceAtomically(_models.ThreeClassPath, path);

        var swapped = pool.Reload();
        var whileHeld = oldClassifier.Predict(_dogPhoto);
        var liveWhileHeld = pool.LiveModelCount;
        held.Dispose();

        Assert.That(swapped, Is.True);
        Assert.That(whileHeld.Scores.Keys, Is.EquivalentTo(PetModels.BinaryClasses));
        Assert.That(liveWhileHeld, Is.EqualTo(2));
        Assert.That(pool.LiveModelCount, Is.EqualTo(1));
        Assert.Throws<ObjectDisposedException>(() => oldClassifier.Predict(_dogPhoto));
        using var current = pool.Rent();
        Assert.That(current.ModelVersion, Is.EqualTo(2));
        Assert.That(current.Classifier.ClassNames, Is.EqualTo(PetModels.ThreeClasses));
    }

    [Test]
    public void Reload_SameContent_KeepsTheCurrentVersion()
    {
        var path = CopyModel(_models.BinaryPath);
        using var pool = CreatePool(path);
        pool.EnsureLoaded();
        PetModels.ReplaceAtomically(_models.BinaryPath, path);

        var swapped = pool.Reload();

        Assert.That(swapped, Is.False);
        Assert.That(pool.GetStatus().Model!.Version, Is.EqualTo(1));
        Assert.That(pool.LiveModelCount, Is.EqualTo(1));
    }

    [Test]
    public void Reload_DamagedFile_ThrowsAndKeepsServingTheOldVersion()
    {
        var path = CopyModel(_models.BinaryPath);
        using var pool = CreatePool(path);
        pool.EnsureLoaded();
        File.WriteAllBytes(path, File.ReadAllBytes(_models.ThreeClassPath)[..1000]);

        Assert.Throws<DogClassifierException>(() => pool.Reload());
        var status = pool.GetStatus();
        var prediction = pool.Predict(ImageClassifierPool.DefaultModelName, _dogPhoto);

        Assert.That(status.Model!.Version, Is.EqualTo(1));
        Assert.That(status.LastError, Is.Not.Null);
        Assert.That(prediction.Scores.Keys, Is.EquivalentTo(PetModels.BinaryClasses));
        Assert.That(pool.LiveModelCount, Is.EqualTo(1));
    }

    [Test]
    public void Dispose_WithLeaseOut_ReleasesTheModelWhenTheLeaseReturns()
    {
        var pool = CreatePool(_models.BinaryPath);
        var lease = pool.Rent();

        pool.Dispose();
        var liveAfterDispose = pool.LiveModelCount;
        var stillUsable = lease.Classifier.Predict(_dogPhoto);
        lease.Dispose();

        Assert.That(liveAfterDispose, Is.EqualTo(1));
        Assert.That(stillUsable.Label, Is.Not.Empty);
        Assert.That(pool.LiveModelCount, Is.Zero);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    private string CopyModel(string source)
    {
        var path = _temp.Combine("copies", Guid.NewGuid().ToString("N"), "model.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path);
        return path;
    }

    private static ImageClassifierPool CreatePool(string path) =>
        new(new ImageClassifierPoolOptions().AddModel(ImageClassifierPool.DefaultModelName, path));
}
