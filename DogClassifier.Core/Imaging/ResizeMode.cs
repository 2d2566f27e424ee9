namespace DogClassifier.Imaging;

/// <summary>How an image is brought to the network's square input.</summary>
public enum ResizeMode
{
    /// <summary>Stretch the whole image to the square, changing its aspect ratio.</summary>
    Stretch,

    /// <summary>Scale the short side to the square and cut the long side to the centre.</summary>
    CenterCrop,

    /// <summary>Scale the long side to the square and pad the rest with the background colour.</summary>
    Pad,
}
