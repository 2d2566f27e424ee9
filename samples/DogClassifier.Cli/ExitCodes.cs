namespace DogClassifier.Cli;

/// <summary>The process exit codes every command returns.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>
    /// The input was unusable: a parse or validation error, a missing or damaged file, a data
    /// folder that cannot be trained on, or (for <c>predict</c>) at least one image refused.
    /// </summary>
    public const int BadInput = 1;

    /// <summary>The command failed for another reason, or was cancelled.</summary>
    public const int Failure = 2;
}
