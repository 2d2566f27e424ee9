namespace DogClassifier.Data;

/// <summary>How a dataset is split into training, validation and test sets.</summary>
/// <remarks>
/// The split is stratified: every class is split in the same proportions. It is reproducible: the
/// same files and the same <see cref="Seed"/> give the same split on every machine.
/// Byte-identical files are kept together on one side.
/// </remarks>
public sealed record SplitOptions
{
    /// <summary>The default split: 70 / 15 / 15 with seed 42.</summary>
    public static SplitOptions Default { get; } = new();

    /// <summary>The share of each class used for training. Default: 0.70.</summary>
    public double TrainFraction { get; init; } = 0.70;

    /// <summary>The share of each class used to choose the model. Default: 0.15.</summary>
    public double ValidationFraction { get; init; } = 0.15;

    /// <summary>The share of each class held out for the final test. Default: 0.15.</summary>
    public double TestFraction { get; init; } = 0.15;

    /// <summary>The seed of the shuffle. Default: 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws when a value is out of range, naming every bad value at once.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        CheckFraction(errors, nameof(TrainFraction), TrainFraction, allowZero: false);
        CheckFraction(errors, nameof(ValidationFraction), ValidationFraction, allowZero: true);
        CheckFraction(errors, nameof(TestFraction), TestFraction, allowZero: true);
        var sum = TrainFraction + ValidationFraction + TestFraction;
        if (Math.Abs(sum - 1) > 1e-6)
        {
            errors.Add($"the three fractions must add up to 1 (they add up to {sum:0.###})");
        }

        OptionsValidation.ThrowIfAny(nameof(SplitOptions), errors);
    }

    private static void CheckFraction(List<string> errors, string name, double value, bool allowZero)
    {
        if (double.IsNaN(value) || value < 0 || value > 1 || (!allowZero && value == 0))
        {
            errors.Add($"{name} must be {(allowZero ? "between 0 and 1" : "above 0 and at most 1")} (was {value})");
        }
    }
}
