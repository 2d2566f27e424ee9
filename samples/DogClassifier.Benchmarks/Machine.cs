using System.Diagnostics;

namespace DogClassifier.Benchmarks;

/// <summary>What the machine was doing: figures that say how noisy the measurements are.</summary>
internal static class Machine
{
    /// <summary>The 1, 5 and 15 minute load averages on Linux; "unknown" elsewhere.</summary>
    public static string LoadAverage()
    {
        const string file = "/proc/loadavg";
        return File.Exists(file) ? string.Join(' ', File.ReadAllText(file).Split(' ').Take(3)) : "unknown";
    }

    public static double PeakWorkingSetMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1048576.0;
    }
}
