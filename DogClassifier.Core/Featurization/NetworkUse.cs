namespace DogClassifier.Featurization;

/// <summary>What a network run is for, which decides how many threads it gets.</summary>
internal enum NetworkUse
{
    /// <summary>One image whose latency matters, such as a prediction.</summary>
    Single,

    /// <summary>One of many images run at once, one per core, such as a training set.</summary>
    Batch,
}
