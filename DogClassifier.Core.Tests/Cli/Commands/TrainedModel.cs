using DogClassifier.Prediction;
using DogClassifier.Tests.Support;
using DogClassifier.Training;

namespace DogClassifier.Tests.Cli.Commands;

/// <summary>
/// Trains one yes/no dog model on 20 real photos per class for every command test in this
/// namespace, with a feature cache of its own, and lays out small folders of other photos.
/// </summary>
[SetUpFixture]
public sealed class TrainedModel
{
    private const int TrainingPerClass = 20;
    private static TempFolder? s_temp;
    private static ImageClassifier? s_model;

    /// <summary>The saved model file.</summary>
    public static string ModelPath { get; private set; } = string.Empty;

    /// <summary>The feature cache the model was trained with; it holds the training photos.</summary>
    public static string CacheDirectory { get; private set; } = string.Empty;

    /// <summary>The model loaded from <see cref="ModelPath"/>, to compute expected results.</summary>
    public static ImageClassifier Model =>
        s_model ?? throw new InvalidOperationException("No model was trained.");

    /// <summary>A folder for one test; deleted with the fixture.</summary>
    public static string NewFolder(string name)
    {
        var folder = Temp.Combine(name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Copies real photos into <paramref name="folder"/>/class/, <paramref name="perClass"/> per
    /// class, skipping the first <paramref name="skip"/> of each class in path order.
    /// </summary>
    public static void CopyPhotos(string folder, int skip, int perClass)
    {
        foreach (var classFolder in Directory.GetDirectories(RealData.RequirePets()))
        {
            var target = Path.Combine(folder, Path.GetFileName(classFolder));
            Directory.CreateDirectory(target);
            foreach (var photo in Photos(classFolder).Skip(skip).Take(perClass))
            {
                File.Copy(photo, Path.Combine(target, Path.GetFileName(photo)));
            }
        }
    }

    /// <summary>Real photos the model was not trained on, one per class, in class order.</summary>
    public static IReadOnlyList<string> UnseenPhotos() =>
        [.. Directory.GetDirectories(RealData.RequirePets()).Order(StringComparer.Ordinal)
            .Select(c => Photos(c).Skip(TrainingPerClass + 10).First())];

    private static IEnumerable<string> Photos(string classFolder) =>
        Directory.GetFiles(classFolder).Order(StringComparer.Ordinal);

    private static TempFolder Temp => s_temp ?? throw new InvalidOperationException("No model was trained.");

    [OneTimeSetUp]
    public async Task TrainAsync()
    {
        var dataset = RealData.PetsSubset(TrainingPerClass);
        s_temp = new TempFolder();
        CacheDirectory = s_temp.Combine("features");
        var options = new TrainingOptions { FeatureCacheDirectory = CacheDirectory };

        using var result = await new ImageClassifierTrainer(options).TrainAsync(dataset.Split());
        ModelPath = s_temp.Combine("dog-model.zip");
        result.Model.Save(ModelPath);
        s_model = ImageClassifier.Load(ModelPath);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        s_model?.Dispose();
        s_temp?.Dispose();
    }
}
