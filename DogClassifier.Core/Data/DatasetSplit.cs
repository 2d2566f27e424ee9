using Microsoft.Extensions.Logging;

namespace DogClassifier.Data;

/// <summary>A dataset in three parts: training, validation (to choose the model) and test (to report).</summary>
public sealed class DatasetSplit
{
    /// <summary>Creates a split from three datasets that share their class names.</summary>
    /// <param name="train">The images the model learns from.</param>
    /// <param name="validation">The images the model is chosen on.</param>
    /// <param name="test">The images held out for the final report; may be empty.</param>
    /// <exception cref="ArgumentException">The parts disagree on their classes.</exception>
    public DatasetSplit(ImageDataset train, ImageDataset validation, ImageDataset test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        foreach (var (name, part) in new[] { ("validation", validation), ("test", test) })
        {
            var unknown = part.Images.Select(i => i.Label).Distinct().Except(train.ClassNames).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException(
                    $"The {name} set has classes the training set lacks: {string.Join(", ", unknown)}.");
            }
        }

        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>The images the model learns from.</summary>
    public ImageDataset Train { get; }

    /// <summary>The images the model and its settings are chosen on.</summary>
    public ImageDataset Validation { get; }

    /// <summary>The images held out for the final report.</summary>
    public ImageDataset Test { get; }

    /// <summary>The class names, in the order of the model's scores.</summary>
    public IReadOnlyList<string> ClassNames => Train.ClassNames;

    /// <summary>The positive class of a binary question, or <c>null</c>.</summary>
    public string? PositiveClass => Train.PositiveClass;

    /// <summary>
    /// Reads explicit training, validation and test folders, each with one sub-folder per class.
    /// </summary>
    /// <param name="trainFolder">The training images.</param>
    /// <param name="validationFolder">The validation images.</param>
    /// <param name="testFolder">The test images, or <c>null</c> for none.</param>
    /// <param name="options">How the folders are read.</param>
    /// <param name="logger">Receives what was skipped.</param>
    /// <exception cref="DogClassifierException">A folder is missing or holds no images.</exception>
    public static DatasetSplit FromFolders(
        string trainFolder, string validationFolder, string? testFolder = null,
        DatasetOptions? options = null, ILogger? logger = null)
    {
        var train = ImageDataset.FromFolder(trainFolder, options, logger);
        var validation = ImageDataset.FromFolder(validationFolder, options, logger);
        var test = testFolder is null
            ? ImageDataset.FromImages([], train.ClassNames, train.PositiveClass)
            : ImageDataset.FromFolder(testFolder, options, logger);
        return new DatasetSplit(train, validation.WithClassNames(train.ClassNames), test.WithClassNames(train.ClassNames));
    }
}
