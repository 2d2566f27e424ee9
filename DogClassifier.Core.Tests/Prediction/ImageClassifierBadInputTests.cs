using DogClassifier.Data;
using DogClassifier.Imaging;
using DogClassifier.Prediction;
using DogClassifier.Tests.Support;
using DogClassifier.Training;

namespace DogClassifier.Tests.Prediction;

/// <summary>
/// Prediction answers bad bytes, files and streams with an <see cref="InvalidImageException"/>
/// naming the input and the reason: never another exception type, never a hang.
/// </summary>
[TestFixture]
public sealed class ImageClassifierBadInputTests
{
    private const long ByteLimit = 1024 * 1024;
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(10);

    private TempFolder _root = null!;
    private TrainingResult _trained = null!;

    private ImageClassifier Model => _trained.Model;

    [OneTimeSetUp]
    public async Task TrainOnce()
    {
        _root = new TempFolder();
        DrawnDataset.Write(_root.Path, 10);
        var options = new TrainingOptions
        {
            UseFeatureCache = false,
            Image = ImageOptions.Default with { MaxFileBytes = ByteLimit },
        };
        _trained = await new ImageClassifierTrainer(options).TrainAsync(ImageDataset.FromFolder(_root.Path).Split());
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _trained?.Dispose();
        _root?.Dispose();
    }

    [Test]
    public void Predict_GoodImages_ReturnTheirClass()
    {
        var red = Model.Predict(DrawnDataset.RedImage(30), "red.jpg");
        var blue = Model.Predict(DrawnDataset.BlueImage(30), "blue.jpg");

        Assert.That((red.Label, blue.Label), Is.EqualTo((DrawnDataset.Red, DrawnDataset.Blue)));
    }

    [TestCaseSource(typeof(BadImages), nameof(BadImages.Kinds))]
    public void Predict_BadBytes_ThrowsInvalidImageExceptionWithTheReason(string kind)
    {
        var bad = BadImages.Get(kind);

        var ex = Answer(() => Model.Predict(bad.Bytes, bad.FileName));

        Assert.That(ex, Is.TypeOf<InvalidImageException>(), ex?.ToString());
        Assert.That(((InvalidImageException)ex!).Reason, Does.Contain(bad.Reason));
        Assert.That(ex.Message, Does.Contain(bad.FileName));
    }

    [TestCaseSource(typeof(BadImages), nameof(BadImages.Kinds))]
    public void Predict_BadFile_ThrowsInvalidImageExceptionNamingTheFile(string kind)
    {
        var bad = BadImages.Get(kind);
        var path = _root.Combine($"upload-{bad.FileName}");
        File.WriteAllBytes(path, bad.Bytes);

        var ex = Answer(() => Model.Predict(path));

        Assert.That(ex, Is.TypeOf<InvalidImageException>(), ex?.ToString());
        Assert.That(ex!.Message, Does.Contain(Path.GetFileName(path)).And.Contain(bad.Reason));
    }

    [TestCaseSource(typeof(BadImages), nameof(BadImages.Kinds))]
    public void Predict_BadStream_ThrowsInvalidImageException(string kind)
    {
        var bad = BadImages.Get(kind);
        using var stream = new MemoryStream(bad.Bytes);

        var ex = Answer(() => Model.Predict(stream, bad.FileName));

        Assert.That(ex, Is.TypeOf<InvalidImageException>(), ex?.ToString());
        Assert.That(((InvalidImageException)ex!).Reason, Does.Contain(bad.Reason));
    }

    [Test]
    public void Predict_MissingFile_ThrowsInvalidImageExceptionNamingIt()
    {
        var path = _root.Combine("never-written.jpg");

        var ex = Answer(() => Model.Predict(path));

        Assert.That(ex, Is.TypeOf<InvalidImageException>());
        Assert.That(ex!.Message, Does.Contain(path).And.Contain("does not exist"));
    }

    [Test]
    public void Predict_EndlessStream_IsRefusedAfterReadingLittleMoreThanTheLimit()
    {
        using var stream = new EndlessStream();

        var ex = Answer(() => Model.Predict(stream, "endless"));

        Assert.That(ex, Is.TypeOf<InvalidImageException>(), ex?.ToString());
        Assert.That(ex!.Message, Does.Contain("endless").And.Contain("more than the limit of 1,048,576 bytes"));
        Assert.That(stream.BytesRead, Is.LessThan(2 * ByteLimit));
    }

    [Test]
    public void Predict_StreamThatFails_ThrowsInvalidImageException()
    {
        using var stream = new EndlessStream(failAfter: 4096);

        var ex = Answer(() => Model.Predict(stream, "dropped upload"));

        Assert.That(ex, Is.TypeOf<InvalidImageException>(), ex?.ToString());
        Assert.That(ex!.Message, Does.Contain("dropped upload").And.Contain("could not be read"));
    }

    /// <summary>Runs a prediction on its own task and returns what it threw; it must answer in time.</summary>
    private static Exception? Answer(Func<ImagePrediction> predict)
    {
        var task = Task.Run(predict);
        try
        {
            Assert.That(task.Wait(AnswerBound), Is.True, "prediction must answer");
            return null;
        }
        catch (AggregateException ex)
        {
            return ex.InnerException;
        }
    }

    /// <summary>A stream of zeros that never ends, or fails like a dropped connection.</summary>
    private sealed class EndlessStream(long failAfter = long.MaxValue) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (BytesRead >= failAfter)
            {
                throw new IOException("The connection was reset.");
            }

            Array.Clear(buffer, offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
