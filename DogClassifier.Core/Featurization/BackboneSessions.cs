using DogClassifier.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace DogClassifier.Featurization;

/// <summary>The ONNX Runtime settings the network runs under.</summary>
internal static class BackboneSessions
{
    /// <summary>
    /// Session settings: every graph optimisation, operators run in sequence, and intra-op threads
    /// that sleep when idle instead of spinning, so that they leave the cores to image decoding
    /// and to other runs.
    /// </summary>
    public static SessionOptions Create(
        BackboneOptions options, int intraOpThreads, ILogger logger, out string device)
    {
        device = "CPU";
        SessionOptions? sessionOptions = null;
        if (options.GpuDeviceId is int gpu)
        {
            try
            {
                sessionOptions = SessionOptions.MakeSessionOptionWithCudaProvider(gpu);
                device = $"CUDA:{gpu}";
            }
            catch (Exception ex) when (
                ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
            {
                Log.GpuUnavailable(logger, gpu, ex.Message);
            }
        }

        sessionOptions ??= new SessionOptions();
        sessionOptions.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        sessionOptions.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
        sessionOptions.IntraOpNumThreads = intraOpThreads;
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return sessionOptions;
    }

    /// <summary>
    /// Whether a second, single-threaded session pays off: only on the CPU, with more than one
    /// core, when the main session uses more than one thread.
    /// </summary>
    public static bool NeedsPerCoreSession(BackboneOptions options, string device) =>
        device == "CPU" && Environment.ProcessorCount > 1 && options.IntraOpThreads != 1;
}
