using System.Globalization;

namespace DogClassifier.Consumer;

/// <summary>The command line: where the photos are, which photo to classify, and on what.</summary>
internal sealed record Arguments(
    string DataFolder, string Image, int PerClass, string PositiveClass, string? Expect, int? GpuDeviceId)
{
    public const string Usage =
        "usage: DogClassifier.Consumer --data <folder with one sub-folder per class> --image <photo>\n" +
        "         [--per-class <n, default 6>] [--positive <class, default dog>]\n" +
        "         [--expect <label the photo must get>] [--gpu <CUDA device id>]";

    public static bool TryParse(string[] args, out Arguments arguments, out string problem)
    {
        arguments = new Arguments(string.Empty, string.Empty, 6, "dog", null, null);
        problem = string.Empty;
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                problem = $"'{args[i]}' needs a value.";
                return false;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--data": arguments = arguments with { DataFolder = value }; break;
                case "--image": arguments = arguments with { Image = value }; break;
                case "--positive": arguments = arguments with { PositiveClass = value }; break;
                case "--expect": arguments = arguments with { Expect = value }; break;
                case "--per-class" when TryCount(value, out var n):
                    arguments = arguments with { PerClass = n };
                    break;
                case "--gpu" when TryCount(value, out var id):
                    arguments = arguments with { GpuDeviceId = id };
                    break;
                default:
                    problem = $"Unknown option or bad value: {args[i]} {value}";
                    return false;
            }
        }

        problem = arguments switch
        {
            { DataFolder.Length: 0 } => "--data is required.",
            { Image.Length: 0 } => "--image is required.",
            { PerClass: < 3 } => "--per-class must be at least 3, to fill the training, validation and test sets.",
            _ => string.Empty,
        };
        return problem.Length == 0;
    }

    private static bool TryCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
