using System.Globalization;

namespace DogClassifier.Benchmarks;

/// <summary>The command line of the benchmark runner, parsed and validated.</summary>
internal sealed record BenchmarkSettings
{
    public const string Usage = """
        Measures DogClassifier's featurization on the real photos and prints the figures.

        Usage: dotnet run -c Release --project samples/DogClassifier.Benchmarks -- [options]

          --data DIR           The datasets folder holding pets/{dog,cat,other}.
                               Default: $DOGCLASSIFIER_DATA, else ../shared/datasets beside the repository.
          --limit N            Use at most N photos, taken evenly from each class. Default: 0 (all).
          --rounds N           Rounds, each alternating the network alone and the featurization. Default: 3.
          --predictions N      Single-image predictions timed for the latency figures. Default: 200.
          --train-per-class N  Photos per class for the model that predictions use. Default: 20.
          --sections LIST      Which parts to run, comma-separated, from: throughput (the network alone
                               against featurization, with peak memory), latency (single and concurrent
                               predictions), cache (cold and warm retraining), explore (the alternative
                               threading and session settings). Default: throughput,latency,cache.
          --help               Show this text.
        """;

    public string? DataFolder { get; init; }

    public int Limit { get; init; }

    public int Rounds { get; init; } = 3;

    public int Predictions { get; init; } = 200;

    public int TrainPerClass { get; init; } = 20;

    public IReadOnlySet<string> Sections { get; init; } = new HashSet<string>(DefaultSections);

    private static readonly string[] DefaultSections = ["throughput", "latency", "cache"];

    private static readonly string[] AllSections = [.. DefaultSections, "explore"];

    public bool Help { get; init; }

    /// <summary>Parses the arguments; throws naming every bad one.</summary>
    /// <exception cref="ArgumentException">An argument is unknown, lacks its value or is out of range.</exception>
    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchmarkSettings();
        var errors = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            settings = args[i] switch
            {
                "--data" => settings with { DataFolder = Value() ?? Missing(errors, "--data") },
                "--limit" => settings with { Limit = Number(errors, "--limit", Value(), min: 0) },
                "--rounds" => settings with { Rounds = Number(errors, "--rounds", Value(), min: 1) },
                "--predictions" => settings with
                {
                    Predictions = Number(errors, "--predictions", Value(), min: 10),
                },
                "--train-per-class" => settings with
                {
                    TrainPerClass = Number(errors, "--train-per-class", Value(), min: 8),
                },
                "--sections" => settings with { Sections = SectionList(errors, Value()) },
                "--help" or "-h" => settings with { Help = true },
                var other => Unknown(errors, other, settings),
            };
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors));
        }

        return settings;
    }

    private static int Number(List<string> errors, string name, string? text, int min)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        errors.Add($"{name} needs a whole number of at least {min} (was '{text ?? "nothing"}')");
        return min;
    }

    private static HashSet<string> SectionList(List<string> errors, string? text)
    {
        var sections = (text ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = sections.Except(AllSections, StringComparer.Ordinal).ToList();
        if (sections.Length == 0 || unknown.Count > 0)
        {
            errors.Add($"--sections takes a list from {string.Join(", ", AllSections)} (was '{text ?? "nothing"}')");
        }

        return [.. sections];
    }

    private static string? Missing(List<string> errors, string name)
    {
        errors.Add($"{name} needs a value");
        return null;
    }

    private static BenchmarkSettings Unknown(List<string> errors, string argument, BenchmarkSettings settings)
    {
        errors.Add($"unknown argument '{argument}'");
        return settings;
    }
}
