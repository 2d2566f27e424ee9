using System.Collections.Concurrent;
using DogClassifier.Prediction;
using DogClassifier.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DogClassifier.Tests.Prediction;

[TestFixture]
public sealed class PoolReloadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private TempFolder _temp = null!;
    private PetModels _models = null!;
    private byte[] _photo = null!;

    [OneTimeSetUp]
    public async Task TrainModels()
    {
        _temp = new TempFolder();
        _models = await PetModels.SharedAsync();
        _photo = File.ReadAllBytes(PetModels.UnseenPhotos("dog", 1)[0]);
    }

    [OneTimeTearDown]
    public void DeleteModels() => _temp.Dispose();

    [Test]
    public void WatchedFile_ReplacedUnderLoad_NoCallFailsAndNoCallAfterTheSwapGetsTheOldModel()
    {
        var path = CopyModel(_models.BinaryPath);
        using var pool = CreateWatchedPool(path, new RecordingLoggerProvider());
        pool.EnsureLoaded();
        var load = new PredictionLoad(pool, _photo, threads: 4, predictionsAfterSwap: 4);

        load.WaitUntilEveryThreadPredicted(3, Patience);
        PetModels.ReplaceAtomically(_models.ThreeClassPath, path);
        load.Join(Patience);

        Assert.That(load.Failures, Is.Empty, () => string.Join(Environment.NewLine, load.Failures));
        Assert.That(load.SwapSeen, Is.True, "no call ever got the new model");
        Assert.That(load.OldAfterSwap, Is.Zero, "calls that started after the swap was seen got the old model");
        Assert.That(load.OldAfterNewInSameThread, Is.Zero, "a thread got the old model after the new one");
        Assert.That(pool.GetStatus().Model!.Version, Is.EqualTo(2));
        Assert.That(pool.LiveModelCount, Is.EqualTo(1));
    }

    [Test]
    public void WatchedFile_WrittenInTwoSteps_RetriesKeepsServingAndLoadsTheCompleteFile()
    {
        var path = CopyModel(_models.BinaryPath);
        var logs = new RecordingLoggerProvider();
        using var pool = CreateWatchedPool(path, logs);
        pool.EnsureLoaded();
        var bytes = File.ReadAllBytes(_models.ThreeClassPath);

        ImagePrediction whileWriting;
        using (var writer = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
        {
            writer.Write(bytes.AsSpan(0, bytes.Length / 2));
            writer.Flush();
            WaitUntil(() => pool.GetStatus().LastError is not null, Patience);
            whileWriting = pool.Predict(ImageClassifierPool.DefaultModelName, _photo, "photo");
            writer.Write(bytes.AsSpan(bytes.Length / 2));
        }

        WaitUntil(() => pool.GetStatus().Model?.Version == 2, Patience);
        var after = pool.Predict(ImageClassifierPool.DefaultModelName, _photo, "photo");

        Assert.That(whileWriting.Scores.Keys, Is.EquivalentTo(PetModels.BinaryClasses));
        Assert.That(after.Scores.Keys, Is.EquivalentTo(PetModels.ThreeClasses));
        Assert.That(pool.GetStatus().LastError, Is.Null);
        Assert.That(logs.Entries, Has.Some.Matches<(LogLevel Level, EventId Id, string Message)>(
            e => e.Level == LogLevel.Warning && e.Message.Contains(path, StringComparison.Ordinal)));
        Assert.That(logs.Entries, Has.Some.Matches<(LogLevel Level, EventId Id, string Message)>(
            e => e.Level == LogLevel.Information && e.Message.Contains("version 2", StringComparison.Ordinal)
                && e.Message.Contains(path, StringComparison.Ordinal) && e.Message.Contains(" ms", StringComparison.Ordinal)));
    }

    [Test]
    public void WatchedFile_InAFolderCreatedLater_IsFoundByPolling()
    {
        var folder = _temp.Combine("later", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "model.zip");
        var logs = new RecordingLoggerProvider();
        using var pool = CreateWatchedPool(path, logs);

        Assert.Throws<DogClassifierException>(() => pool.Rent());
        Directory.CreateDirectory(folder);
        PetModels.ReplaceAtomically(_models.BinaryPath, path);
        WaitUntil(() => pool.GetStatus().IsLoaded, Patience);

        using var lease = pool.Rent();
        Assert.That(lease.Classifier.ClassNames, Is.EqualTo(PetModels.BinaryClasses));
        Assert.That(logs.Entries, Has.Some.Matches<(LogLevel Level, EventId Id, string Message)>(
            e => e.Level == LogLevel.Warning && e.Message.Contains("polling", StringComparison.Ordinal)));
    }

    [Test]
    public void Reload_ThirtyTimesUnderThousandsOfPredictions_MemoryAndLiveModelsStayFlat()
    {
        const int Reloads = 30;
        const int PredictionsPerReload = 200;
        var path = CopyModel(_models.BinaryPath);
        using var pool = new ImageClassifierPool(new ImageClassifierPoolOptions()
            .AddModel(ImageClassifierPool.DefaultModelName, path));
        var features = ExtractFeatures();
        var sources = new[] { _models.ThreeClassPath, _models.BinaryPath };
        var maxLive = 0;
        long baseline = 0;

        for (int reload = 0; reload < Reloads; reload++)
        {
            if (reload == 3)
            {
                baseline = GC.GetTotalMemory(forceFullCollection: true);
            }

            var held = pool.Rent();
            PetModels.ReplaceAtomically(sources[reload % 2], path);
            Assert.That(pool.Reload(), Is.True);
            maxLive = Math.Max(maxLive, pool.LiveModelCount);
            held.Dispose();
            ScoreMany(pool, features, PredictionsPerReload);
            _ = pool.Predict(ImageClassifierPool.DefaultModelName, _photo, "photo");
        }

        var growth = GC.GetTotalMemory(forceFullCollection: true) - baseline;

        Assert.That(pool.GetStatus().Model!.Version, Is.EqualTo(Reloads + 1));
        Assert.That(maxLive, Is.EqualTo(2));
        Assert.That(pool.LiveModelCount, Is.EqualTo(1));
        // A version kept alive holds about 0.3 MB of managed memory, so 27 leaked versions would
        // pass this bound almost four times over; without a leak the growth is a few kilobytes.
        Assert.That(growth, Is.LessThan(2 * 1024 * 1024), $"managed memory grew by {growth:N0} bytes");
    }

    private List<float[]> ExtractFeatures()
    {
        using var classifier = ImageClassifier.Load(_models.BinaryPath);
        return [.. PetModels.UnseenMix(perClass: 1)
            .Select(p => classifier.Extractor.ExtractOne(File.ReadAllBytes(p), p))];
    }

    /// <summary>Head-only predictions through rented leases: the pool's work without the network's cost.</summary>
    private static void ScoreMany(ImageClassifierPool pool, List<float[]> features, int count)
    {
        for (int i = 0; i < count; i++)
        {
            using var lease = pool.Rent();
            var scores = lease.Classifier.ScoreOne(features[i % features.Count]);
            Assert.That(scores.Sum(), Is.EqualTo(1).Within(1e-4));
        }
    }

    private ImageClassifierPool CreateWatchedPool(string path, ILoggerProvider logs)
    {
        var options = new ImageClassifierPoolOptions
        {
            ReloadDelay = TimeSpan.FromMilliseconds(100),
            PollInterval = TimeSpan.FromMilliseconds(250),
            RetryDelay = TimeSpan.FromMilliseconds(100),
            ReloadAttempts = 100,
        }.AddModel(ImageClassifierPool.DefaultModelName, path, watchForChanges: true);
        var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        return new ImageClassifierPool(options, loggerFactory);
    }

    private string CopyModel(string source)
    {
        var path = _temp.Combine("copies", Guid.NewGuid().ToString("N"), "model.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path);
        return path;
    }

    private static void WaitUntil(Func<bool> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The condition did not become true within {patience.TotalSeconds} s.");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>
    /// Threads that predict in a loop and check, for every call, that none started after the new
    /// model was first seen gets the old one (told apart by its number of classes).
    /// </summary>
    private sealed class PredictionLoad
    {
        private readonly ImageClassifierPool _pool;
        private readonly byte[] _photo;
        private readonly int _predictionsAfterSwap;
        private readonly int[] _counts;
        private readonly List<Thread> _threads;
        private int _swapSeen;
        private int _oldAfterSwap;
        private int _oldAfterNew;

        public PredictionLoad(ImageClassifierPool pool, byte[] photo, int threads, int predictionsAfterSwap)
        {
            _pool = pool;
            _photo = photo;
            _predictionsAfterSwap = predictionsAfterSwap;
            _counts = new int[threads];
            _threads = [.. Enumerable.Range(0, threads).Select(i => new Thread(() => Run(i)))];
            _threads.ForEach(t => t.Start());
        }

        public ConcurrentQueue<Exception> Failures { get; } = new();

        public bool SwapSeen => Volatile.Read(ref _swapSeen) == 1;

        public int OldAfterSwap => Volatile.Read(ref _oldAfterSwap);

        public int OldAfterNewInSameThread => Volatile.Read(ref _oldAfterNew);

        public void WaitUntilEveryThreadPredicted(int count, TimeSpan patience) =>
            WaitUntil(
                () => Enumerable.Range(0, _counts.Length).All(i => Volatile.Read(ref _counts[i]) >= count)
                    || !Failures.IsEmpty,
                patience);

        public void Join(TimeSpan patience)
        {
            foreach (var thread in _threads)
            {
                Assert.That(thread.Join(patience), Is.True, "a prediction thread did not finish");
            }
        }

        private void Run(int index)
        {
            var deadline = DateTime.UtcNow + Patience;
            var newSeen = 0;
            try
            {
                while (newSeen < _predictionsAfterSwap && DateTime.UtcNow < deadline)
                {
                    var startedAfterSwap = SwapSeen;
                    var prediction = _pool.Predict(ImageClassifierPool.DefaultModelName, _photo, "photo");
                    Interlocked.Increment(ref _counts[index]);
                    if (prediction.Scores.Count == 3)
                    {
                        Volatile.Write(ref _swapSeen, 1);
                        newSeen++;
                    }
                    else if (startedAfterSwap || newSeen > 0)
                    {
                        Interlocked.Increment(ref startedAfterSwap ? ref _oldAfterSwap : ref _oldAfterNew);
                    }
                }
            }
            catch (Exception ex)
            {
                Failures.Enqueue(ex);
            }
        }
    }
}
