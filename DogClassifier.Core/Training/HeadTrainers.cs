namespace DogClassifier.Training;

/// <summary>The head trainers a training run may try; combine them with <c>|</c>.</summary>
[Flags]
public enum HeadTrainers
{
    /// <summary>No trainer; not a valid setting on its own.</summary>
    None = 0,

    /// <summary>
    /// A softmax layer trained by mini-batch gradient descent (Adam) with early stopping and
    /// per-epoch metrics; see <see cref="TrainingOptions.Epochs"/> and the settings beside it.
    /// </summary>
    MiniBatchSoftmax = 1,

    /// <summary>
    /// ML.NET's L-BFGS maximum entropy, once per value of <see cref="TrainingOptions.L2Candidates"/>.
    /// </summary>
    LbfgsMaximumEntropy = 2,

    /// <summary>
    /// ML.NET's SDCA maximum entropy, once per value of <see cref="TrainingOptions.SdcaIterations"/>.
    /// </summary>
    SdcaMaximumEntropy = 4,

    /// <summary>Every trainer above.</summary>
    All = MiniBatchSoftmax | LbfgsMaximumEntropy | SdcaMaximumEntropy,
}
