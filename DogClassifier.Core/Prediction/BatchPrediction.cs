using DogClassifier.Data;

namespace DogClassifier.Prediction;

/// <summary>The outcome of classifying many images: a prediction per usable image, a reason per other.</summary>
/// <param name="Predictions">
/// One prediction per image that could be used, in input order; <see cref="ImagePrediction.Input"/>
/// is the image's path as given.
/// </param>
/// <param name="Failures">The images that could not be used (missing, empty, not an image), and why.</param>
public sealed record BatchPrediction(IReadOnlyList<ImagePrediction> Predictions, IReadOnlyList<SkippedFile> Failures)
{
    /// <summary>How many images were asked for.</summary>
    public int Count => Predictions.Count + Failures.Count;
}
