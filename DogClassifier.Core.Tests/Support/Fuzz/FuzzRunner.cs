using System.Diagnostics;
using System.Text.RegularExpressions;
using DogClassifier.Imaging;

namespace DogClassifier.Tests.Support.Fuzz;

/// <summary>What a fuzz run saw: how many inputs decoded, why the others were refused, what went wrong.</summary>
internal sealed class FuzzReport
{
    public int Decoded { get; set; }

    public SortedDictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);

    public List<string> Failures { get; } = [];

    public long MemoryGrowthBytes { get; set; }

    public int Refused => Refusals.Values.Sum();
}

/// <summary>
/// Decodes mutated inputs through <see cref="ImageDecoder.DecodeToTensor"/>, each on its own task
/// with a time bound, and records anything other than a decoded image or an
/// <see cref="InvalidImageException"/>. A failing input is saved for replay.
/// </summary>
internal static partial class FuzzRunner
{
    /// <summary>The number of cases a run makes unless <c>DOGCLASSIFIER_FUZZ_CASES</c> says otherwise.</summary>
    public static int Cases(int defaultCases) =>
        int.TryParse(Environment.GetEnvironmentVariable("DOGCLASSIFIER_FUZZ_CASES"), out var n) && n > 0
            ? n
            : defaultCases;

    /// <summary>The seed of a run unless <c>DOGCLASSIFIER_FUZZ_SEED</c> says otherwise.</summary>
    public static int Seed(int defaultSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable("DOGCLASSIFIER_FUZZ_SEED"), out var n) ? n : defaultSeed;

    public static FuzzReport Run(
        IReadOnlyList<(string Name, byte[] Bytes)> seeds, int cases, int seed, TimeSpan bound, string failureFolder)
    {
        var report = new FuzzReport();
        var tensor = new float[ImageDecoder.TensorLength];
        long baseline = 0;
        for (int i = 0; i < cases; i++)
        {
            if (i == Math.Min(cases - 1, 20))
            {
                baseline = SettledMemory();
            }

            var input = ByteMutator.Mutate(seeds, seed, i);
            var failure = DecodeOne(input, tensor, bound, report);
            if (failure is not null)
            {
                var saved = Save(failureFolder, seed, i, input.Bytes);
                report.Failures.Add($"{input.Description}: {failure} (input saved to {saved})");
                if (failure.StartsWith("no answer", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }

        report.MemoryGrowthBytes = SettledMemory() - baseline;
        return report;
    }

    private static string? DecodeOne(MutatedInput input, float[] tensor, TimeSpan bound, FuzzReport report)
    {
        var task = Task.Run(() =>
        {
            try
            {
                ImageDecoder.DecodeToTensor(input.Bytes, "fuzz.bin", ImageOptions.Default, tensor);
                return (string?)null;
            }
            catch (InvalidImageException ex)
            {
                return ex.Reason;
            }
        });

        try
        {
            if (!task.Wait(bound))
            {
                return $"no answer within {bound.TotalSeconds:0} s";
            }
        }
        catch (AggregateException ex)
        {
            var inner = ex.InnerException!;
            return $"{inner.GetType().FullName} escaped: {inner.Message}";
        }

        if (task.Result is { } reason)
        {
            var key = Digits().Replace(reason, "#");
            report.Refusals[key] = report.Refusals.GetValueOrDefault(key) + 1;
        }
        else
        {
            report.Decoded++;
        }

        return null;
    }

    private static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static string Save(string folder, int seed, int index, byte[] bytes)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"fuzz-{seed}-{index}.bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [GeneratedRegex("[0-9][0-9,]*")]
    private static partial Regex Digits();
}
