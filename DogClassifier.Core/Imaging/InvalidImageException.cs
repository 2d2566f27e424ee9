namespace DogClassifier.Imaging;

/// <summary>
/// Thrown when bytes cannot be used as an image: empty, truncated, not an image at all, in a
/// format the decoder cannot read, too large for the pixel budget or too small to mean anything.
/// </summary>
public sealed class InvalidImageException : DogClassifierException
{
    /// <summary>Creates an exception with no message.</summary>
    public InvalidImageException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public InvalidImageException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidImageException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Creates an exception naming the image and the reason it was refused.</summary>
    /// <param name="source">The file path or upload name of the image.</param>
    /// <param name="reason">Why the image was refused, e.g. "the file is empty".</param>
    public InvalidImageException(string source, string reason)
        : base($"Image '{source}' cannot be used: {reason}.")
    {
        ImageSource = source;
        Reason = reason;
    }

    /// <summary>Creates an exception naming the image, the reason, and the failure that revealed it.</summary>
    /// <param name="source">The file path or upload name of the image.</param>
    /// <param name="reason">Why the image was refused.</param>
    /// <param name="innerException">The failure that revealed the problem, e.g. the decoder's.</param>
    public InvalidImageException(string source, string reason, Exception innerException)
        : base($"Image '{source}' cannot be used: {reason}.", innerException)
    {
        ImageSource = source;
        Reason = reason;
    }

    /// <summary>The file path or upload name of the refused image.</summary>
    public string? ImageSource { get; }

    /// <summary>Why the image was refused.</summary>
    public string Reason { get; } = string.Empty;
}
