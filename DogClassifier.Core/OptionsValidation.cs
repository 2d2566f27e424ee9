namespace DogClassifier;

/// <summary>Reports every invalid option of an options object in one exception.</summary>
internal static class OptionsValidation
{
    public static void ThrowIfAny(string optionsName, IReadOnlyCollection<string> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        throw new ArgumentException($"Invalid {optionsName}: {string.Join("; ", errors)}.");
    }
}
