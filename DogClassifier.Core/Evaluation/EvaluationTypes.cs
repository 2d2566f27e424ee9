namespace DogClassifier.Evaluation;

/// <summary>Precision, recall and F1 of one class.</summary>
/// <param name="ClassName">The class.</param>
/// <param name="Precision">Of the images predicted as this class, the share that are; 0 when none were predicted.</param>
/// <param name="Recall">Of the images of this class, the share predicted as it.</param>
/// <param name="F1">The harmonic mean of precision and recall; 0 when both are 0.</param>
/// <param name="Support">The number of images of this class.</param>
public sealed record ClassMetrics(string ClassName, double Precision, double Recall, double F1, int Support);

/// <summary>The metrics of the positive class of a binary question.</summary>
/// <param name="PositiveClass">The positive class.</param>
/// <param name="Precision">Of the images predicted positive, the share that are.</param>
/// <param name="Recall">Of the positive images, the share predicted positive.</param>
/// <param name="F1">The harmonic mean of precision and recall.</param>
/// <param name="Auc">The area under the ROC curve of the positive class's score.</param>
public sealed record BinaryMetrics(string PositiveClass, double Precision, double Recall, double F1, double Auc);

/// <summary>The outcome for one evaluated image.</summary>
/// <param name="Path">The image file.</param>
/// <param name="Actual">Its true class.</param>
/// <param name="Predicted">The class the model gave.</param>
/// <param name="Confidence">The model's score for <paramref name="Predicted"/>.</param>
/// <param name="Scores">Every class's score, in the order of the class names; they sum to one.</param>
public sealed record ImageResult(string Path, string Actual, string Predicted, float Confidence, IReadOnlyList<float> Scores)
{
    /// <summary>Whether the prediction was right.</summary>
    public bool IsCorrect => Actual == Predicted;
}

/// <summary>Counts of actual (rows) against predicted (columns) classes.</summary>
public sealed class ConfusionMatrix
{
    /// <summary>Creates a matrix.</summary>
    /// <param name="classNames">The classes, the order of both rows and columns.</param>
    /// <param name="counts">counts[actual][predicted].</param>
    public ConfusionMatrix(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<int>> counts)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != classNames.Count || counts.Any(r => r.Count != classNames.Count))
        {
            throw new ArgumentException("The counts must be a square of the class count.", nameof(counts));
        }

        ClassNames = classNames;
        Counts = counts;
    }

    /// <summary>The classes, the order of both rows and columns.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Counts[actual][predicted].</summary>
    public IReadOnlyList<IReadOnlyList<int>> Counts { get; }

    /// <summary>The number of images of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public int this[string actual, string predicted] =>
        Counts[IndexOf(actual)][IndexOf(predicted)];

    private int IndexOf(string name)
    {
        for (int i = 0; i < ClassNames.Count; i++)
        {
            if (ClassNames[i] == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"The class '{name}' is not in the confusion matrix.");
    }
}
