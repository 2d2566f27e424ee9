namespace DogClassifier.Training;

/// <summary>The stage a training run is in.</summary>
public enum TrainingStage
{
    /// <summary>Running images through the network (or reading them from the cache).</summary>
    Featurizing,

    /// <summary>Training and scoring head candidates.</summary>
    TrainingHead,

    /// <summary>Measuring the chosen model on the test set.</summary>
    Evaluating,
}

/// <summary>A progress report from a training run.</summary>
/// <param name="Stage">The current stage.</param>
/// <param name="Completed">Units done in this stage (images, or candidates).</param>
/// <param name="Total">Units in this stage.</param>
/// <param name="Detail">What is being worked on, e.g. the set or the candidate.</param>
public sealed record TrainingProgress(TrainingStage Stage, int Completed, int Total, string Detail);

/// <summary>Whether a head candidate was trained.</summary>
public enum HeadCandidateStatus
{
    /// <summary>Trained and scored on the validation set.</summary>
    Trained,

    /// <summary>Not run, because the head search's time budget was spent.</summary>
    Skipped,
}

/// <summary>One head tried during training, with its validation score.</summary>
/// <param name="Name">The trainer and its settings.</param>
/// <param name="ValidationAccuracy">Its micro accuracy on the validation set; NaN when skipped.</param>
/// <param name="ValidationLogLoss">Its log-loss on the validation set; NaN when skipped.</param>
/// <param name="TrainingTime">How long it took to train; zero when skipped.</param>
/// <param name="Selected">Whether it was kept.</param>
public sealed record HeadCandidate(
    string Name, double ValidationAccuracy, double ValidationLogLoss, TimeSpan TrainingTime, bool Selected)
{
    /// <summary>Whether it was trained or skipped. Default: <see cref="HeadCandidateStatus.Trained"/>.</summary>
    public HeadCandidateStatus Status { get; init; } = HeadCandidateStatus.Trained;

    /// <summary>
    /// More about the run in words, e.g. how many epochs the mini-batch head ran and which it
    /// kept, or why a candidate was skipped; <c>null</c> when there is nothing to add.
    /// </summary>
    public string? Detail { get; init; }
}
