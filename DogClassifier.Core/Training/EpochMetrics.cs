namespace DogClassifier.Training;

/// <summary>How the mini-batch softmax head did after one epoch.</summary>
/// <param name="Epoch">The epoch, counted from 1.</param>
/// <param name="TrainAccuracy">The share of training rows classified correctly.</param>
/// <param name="TrainCrossEntropy">The mean cross-entropy (log-loss) on the training rows.</param>
/// <param name="ValidationAccuracy">The share of validation images classified correctly.</param>
/// <param name="ValidationCrossEntropy">The mean cross-entropy (log-loss) on the validation images.</param>
public sealed record EpochMetrics(
    int Epoch,
    double TrainAccuracy,
    double TrainCrossEntropy,
    double ValidationAccuracy,
    double ValidationCrossEntropy);
