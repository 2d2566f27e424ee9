using DogClassifier.Data;
using DogClassifier.Featurization;
using DogClassifier.Imaging;
using Microsoft.ML.OnnxRuntime;

namespace DogClassifier.Benchmarks;

/// <summary>
/// The alternatives behind the production settings: ONNX Runtime session settings and threading,
/// for the network alone and for the whole featurization, measured round-robin so that every
/// variant sees the same load.
/// </summary>
internal sealed class Exploration(ImageOptions options, InputPreparation preparation, ReadyTensors tensors)
{
    private const int RunsPerMeasurement = 60;

    private static readonly SessionVariant Defaults = new("", 0, Spinning: true, Callers: 1);
    private static readonly SessionVariant OneThread = new("", 1, Spinning: false, Callers: 2);
    private static readonly SessionVariant NoSpinning = new("", 0, Spinning: false, Callers: 2);

    private static readonly SessionVariant[] NetworkVariants =
    [
        new("2 threads, spinning, 1 caller (ORT defaults)", 0, Spinning: true, Callers: 1),
        new("2 threads, no spinning, 1 caller", 0, Spinning: false, Callers: 1),
        new("1 thread, 1 caller", 1, Spinning: false, Callers: 1),
        new("2 threads, spinning, 2 callers on one session", 0, Spinning: true, Callers: 2),
        new("2 threads, no spinning, 2 callers on one session", 0, Spinning: false, Callers: 2),
        new("1 thread, 2 callers on one session", 1, Spinning: false, Callers: 2),
        new("1 thread, 2 callers with a session each", 1, Spinning: false, Callers: 2, SessionPerCaller: true),
        new("2 threads, no spinning, 1 caller, extended optimisation", 0, Spinning: false, Callers: 1,
            Level: GraphOptimizationLevel.ORT_ENABLE_EXTENDED),
        new("2 threads, no spinning, 1 caller, no memory arena", 0, Spinning: false, Callers: 1, Arena: false),
    ];

    private static readonly EndToEndVariant[] EndToEndVariants =
    [
        new("before: 2 workers, ORT defaults, preprocessing network", Defaults with { Callers = 2 },
            Threading.Workers, PreprocessingNetwork: true),
        new("2 workers, 1-thread session, preprocessing network", OneThread,
            Threading.Workers, PreprocessingNetwork: true),
        new("2 workers, 1-thread session, preparation in place", OneThread,
            Threading.Workers, PreprocessingNetwork: false),
        new("2 workers, 2-thread session without spinning, in place", NoSpinning,
            Threading.Workers, PreprocessingNetwork: false),
        new("decoder + 1 network thread on a 2-thread session, spinning", Defaults,
            Threading.DecodeThenNetwork, PreprocessingNetwork: false),
        new("decoder + 1 network thread on a 2-thread session, no spinning", NoSpinning with { Callers = 1 },
            Threading.DecodeThenNetwork, PreprocessingNetwork: false),
        new("decoder + 2 network threads on a 1-thread session", OneThread,
            Threading.DecodeThenNetwork, PreprocessingNetwork: false),
    ];

    public void Run(ImageDataset photos, int rounds)
    {
        var network = NetworkVariants.ToDictionary(v => v.Name, _ => new List<Meter>());
        var endToEnd = EndToEndVariants.ToDictionary(v => v.Name, _ => new List<Meter>());
        var sample = photos.Images.Take(Math.Min(photos.Images.Count, 120)).ToList();
        for (int round = 0; round < rounds; round++)
        {
            Console.WriteLine($"  exploration round {round + 1} of {rounds}");
            foreach (var variant in NetworkVariants)
            {
                network[variant.Name].Add(Measure(variant));
            }

            foreach (var variant in EndToEndVariants)
            {
                var meter = new Meter();
                variant.Measure(meter, ModelFiles.Default, options, preparation, sample);
                endToEnd[variant.Name].Add(meter);
            }
        }

        Print($"Network alone under other session settings, over {rounds} rounds", network);
        Print($"Featurization of {sample.Count} photos under other threading, over {rounds} rounds", endToEnd);
    }

    private static void Print(string heading, Dictionary<string, List<Meter>> figures)
    {
        Figures.Heading(heading);
        Console.WriteLine($"  {"",-58} images/s; processor ms per image");
        foreach (var (name, meters) in figures)
        {
            var rates = meters.Select(m => m.ImagesPerSecond).ToList();
            var cpu = meters.Select(m => m.CpuMillisecondsPerImage).ToList();
            Figures.Line(name, $"{Figures.Range(rates)}; {Figures.Range(cpu)}");
        }
    }

    private Meter Measure(SessionVariant variant)
    {
        using var sessionOptions = variant.CreateOptions();
        var sessions = Enumerable.Range(0, variant.SessionPerCaller ? variant.Callers : 1)
            .Select(_ => new InferenceSession(ModelFiles.Default.Network, sessionOptions))
            .ToList();
        try
        {
            RunCallers(sessions, variant.Callers, 3 * variant.Callers);
            var meter = new Meter();
            meter.Measure(RunsPerMeasurement, () => RunCallers(sessions, variant.Callers, RunsPerMeasurement));
            return meter;
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }

    private void RunCallers(List<InferenceSession> sessions, int callers, int count)
    {
        var next = -1;
        var threads = Enumerable.Range(0, callers).Select(c => new Thread(() =>
        {
            var session = sessions[c % sessions.Count];
            using var lane = new NetworkLane();
            for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                tensors[i].CopyTo(lane.Input, 0);
                session.Run(
                    lane.RunOptions, session.InputNames, lane.InputValues, session.OutputNames, lane.OutputValues);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}
