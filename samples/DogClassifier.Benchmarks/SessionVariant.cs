using Microsoft.ML.OnnxRuntime;

namespace DogClassifier.Benchmarks;

/// <summary>One way of running ResNet-18 with ONNX Runtime: session settings and how many callers.</summary>
/// <param name="Name">How the variant is printed.</param>
/// <param name="IntraOpThreads">Threads inside one run (0: ONNX Runtime's default, one per core).</param>
/// <param name="Spinning">Whether idle intra-op threads spin instead of sleeping.</param>
/// <param name="Callers">Threads calling Run at the same time.</param>
/// <param name="SessionPerCaller">Whether each caller has its own session, instead of sharing one.</param>
/// <param name="Level">The graph optimisation level.</param>
/// <param name="Arena">Whether the CPU memory arena is enabled.</param>
internal sealed record SessionVariant(
    string Name,
    int IntraOpThreads,
    bool Spinning,
    int Callers,
    bool SessionPerCaller = false,
    GraphOptimizationLevel Level = GraphOptimizationLevel.ORT_ENABLE_ALL,
    bool Arena = true)
{
    public SessionOptions CreateOptions()
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = Level,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = IntraOpThreads,
            EnableCpuMemArena = Arena,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", Spinning ? "1" : "0");
        return options;
    }
}
