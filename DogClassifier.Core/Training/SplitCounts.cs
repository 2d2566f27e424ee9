namespace DogClassifier.Training;

/// <summary>How many usable images each part of a split held.</summary>
/// <param name="Train">Images the model learnt from.</param>
/// <param name="Validation">Images the model was chosen on.</param>
/// <param name="Test">Images held out for the final report.</param>
public sealed record SplitCounts(int Train, int Validation, int Test);
