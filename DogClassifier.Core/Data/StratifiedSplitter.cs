namespace DogClassifier.Data;

/// <summary>
/// Splits per class in fixed proportions. Files are grouped by content hash first, and a group is
/// placed as a whole, so byte-identical files never straddle training and test.
/// </summary>
internal static class StratifiedSplitter
{
    public static (List<LabeledImage> Train, List<LabeledImage> Validation, List<LabeledImage> Test) Split(
        ImageDataset dataset, SplitOptions options)
    {
        var train = new List<LabeledImage>();
        var validation = new List<LabeledImage>();
        var test = new List<LabeledImage>();
        var random = new Random(options.Seed);

        // A group of identical files is placed under the class of its first member.
        var groups = dataset.Images
            .GroupBy(i => i.ContentHash ?? i.Path, StringComparer.Ordinal)
            .Select(g => g.OrderBy(i => i.Path, StringComparer.Ordinal).ToList())
            .ToList();

        foreach (var className in dataset.ClassNames)
        {
            var classGroups = groups
                .Where(g => g[0].Label == className)
                .OrderBy(g => g[0].Path, StringComparer.Ordinal)
                .ToArray();
            random.Shuffle(classGroups);

            var count = classGroups.Sum(g => g.Count);
            var testCount = Target(count, options.TestFraction);
            var validationCount = Target(count, options.ValidationFraction);
            var needed = 1 + (testCount > 0 ? 1 : 0) + (validationCount > 0 ? 1 : 0);
            if (classGroups.Length < needed || count - testCount - validationCount < 1)
            {
                throw new DogClassifierException(
                    $"The class '{className}' has {count} image(s) ({classGroups.Length} distinct), too few to split " +
                    $"into training, validation and test sets; it needs at least {needed} distinct images.");
            }

            int placedTest = 0, placedValidation = 0;
            foreach (var group in classGroups)
            {
                if (placedTest < testCount)
                {
                    test.AddRange(group);
                    placedTest += group.Count;
                }
                else if (placedValidation < validationCount)
                {
                    validation.AddRange(group);
                    placedValidation += group.Count;
                }
                else
                {
                    train.AddRange(group);
                }
            }
        }

        return (train, validation, test);
    }

    /// <summary>At least one image for any non-zero fraction, so every class appears in every part.</summary>
    private static int Target(int count, double fraction) =>
        fraction == 0 ? 0 : Math.Max(1, (int)Math.Round(count * fraction, MidpointRounding.AwayFromZero));
}
