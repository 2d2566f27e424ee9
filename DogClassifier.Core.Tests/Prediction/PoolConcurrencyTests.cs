using System.Collections.Concurrent;
using DogClassifier.Prediction;
using DogClassifier.Tests.Support;

namespace DogClassifier.Tests.Prediction;

[TestFixture]
public sealed class PoolConcurrencyTests
{
    private const int Threads = 8;

    private PetModels _models = null!;

    [OneTimeSetUp]
    public async Task LoadModels() => _models = await PetModels.SharedAsync();

    [Test]
    public void Predict_EightThreadsAtOnce_GiveTheSingleThreadAnswers()
    {
        using var pool = CreatePool();
        var photos = PetModels.UnseenMix(perClass: 2);
        var expected = photos.Select(p => pool.Predict("three", p)).ToList();

        var answers = RunAtOnce(Threads, thread => photos
            .Select((photo, i) => (photo, i))
            .OrderBy(p => (p.i + thread) % photos.Count)
            .Select(p => (p.i, Prediction: pool.Predict("three", p.photo)))
            .OrderBy(p => p.i)
            .Select(p => p.Prediction)
            .ToList());

        Assert.That(answers, Has.Count.EqualTo(Threads));
        Assert.Multiple(() =>
        {
            foreach (var threadAnswers in answers)
            {
                for (int i = 0; i < photos.Count; i++)
                {
                    Assert.That(threadAnswers[i].Label, Is.EqualTo(expected[i].Label), photos[i]);
                    Assert.That(threadAnswers[i].Scores, Is.EqualTo(expected[i].Scores), photos[i]);
                }
            }
        });
    }

    [Test]
    public void Rent_ConcurrentFirstUseOfTwoNames_LoadsEachOnceWithoutThrowing()
    {
        using var pool = CreatePool();

        var rented = RunAtOnce(2 * Threads, thread =>
        {
            using var lease = pool.Rent(thread % 2 == 0 ? "binary" : "three");
            return (lease.ModelName, lease.ModelVersion, lease.Classifier);
        });

        var byName = rented.GroupBy(r => r.ModelName).ToDictionary(g => g.Key, g => g.ToList());
        Assert.That(byName.Keys, Is.EquivalentTo(new[] { "binary", "three" }));
        Assert.That(rented.Select(r => r.ModelVersion), Is.All.EqualTo(1));
        Assert.That(byName["binary"].Select(r => r.Classifier).Distinct().Count(), Is.EqualTo(1));
        Assert.That(byName["three"].Select(r => r.Classifier).Distinct().Count(), Is.EqualTo(1));
        Assert.That(pool.LiveModelCount, Is.EqualTo(2));
    }

    private ImageClassifierPool CreatePool() => new(new ImageClassifierPoolOptions()
        .AddModel("binary", _models.BinaryPath)
        .AddModel("three", _models.ThreeClassPath));

    /// <summary>Runs the work on dedicated threads released together; rethrows any failure.</summary>
    private static List<T> RunAtOnce<T>(int count, Func<int, T> work)
    {
        var results = new T[count];
        var failures = new ConcurrentQueue<Exception>();
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                results[i] = work(i);
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.That(failures, Is.Empty, () => string.Join(Environment.NewLine, failures));
        return [.. results];
    }
}
