namespace DogClassifier;

/// <summary>The base of every exception the library throws for bad input or a failed operation.</summary>
public class DogClassifierException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public DogClassifierException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong, in a full sentence.</param>
    public DogClassifierException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong, in a full sentence.</param>
    /// <param name="innerException">The cause.</param>
    public DogClassifierException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
