using System.Diagnostics;
using DogClassifier.Featurization;
using DogClassifier.Imaging;
using Microsoft.ML.OnnxRuntime;

namespace DogClassifier.Benchmarks;

/// <summary>
/// The alternatives behind the production settings: ONNX Runtime session settings and threading
/// for the network alone, measured round-robin so that each variant sees the same load.
/// </summary>
internal sealed class Exploration(ReadyTensors tensors)
{
    private const int RunsPerMeasurement = 60;

    private static readonly SessionVariant[] Variants =
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

    public void Run(int rounds)
    {
        Figures.Heading($"Network alone under other session settings, images/s over {rounds} rounds");
        var path = Path.Combine(BackboneOptions.Default.ResolveModelDirectory(), "ResNet18Onnx", "ResNet18.onnx");
        var figures = Variants.ToDictionary(v => v, _ => new List<double>());
        for (int round = 0; round < rounds; round++)
        {
            foreach (var variant in Variants)
            {
                figures[variant].Add(Measure(path, variant));
            }
        }

        foreach (var variant in Variants)
        {
            Figures.Line(variant.Name, Figures.Range(figures[variant]));
        }
    }

    private double Measure(string modelPath, SessionVariant variant)
    {
        using var sessionOptions = variant.CreateOptions();
        var sessions = Enumerable.Range(0, variant.SessionPerCaller ? variant.Callers : 1)
            .Select(_ => new InferenceSession(modelPath, sessionOptions))
            .ToList();
        try
        {
            RunCallers(sessions, variant.Callers, 3 * variant.Callers);
            var watch = Stopwatch.StartNew();
            RunCallers(sessions, variant.Callers, RunsPerMeasurement);
            return RunsPerMeasurement / watch.Elapsed.TotalSeconds;
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
            var input = new float[ImageDecoder.TensorLength];
            var output = new float[ResNet18Backbone.FeatureSize];
            using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, 3, ImageDecoder.InputSize, ImageDecoder.InputSize]);
            using var outputValue = OrtValue.CreateTensorValueFromMemory(output, [1, ResNet18Backbone.FeatureSize, 1, 1]);
            using var runOptions = new RunOptions();
            for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                tensors[i].CopyTo(input, 0);
                session.Run(runOptions, [session.InputNames[0]], [inputValue], [session.OutputNames[0]], [outputValue]);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}
