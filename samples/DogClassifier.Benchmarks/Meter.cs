using System.Diagnostics;

namespace DogClassifier.Benchmarks;

/// <summary>
/// Adds up the wall-clock and processor time of repeated pieces of work and the images they
/// handled. Processor time per image depends far less on other programs' load than wall time.
/// </summary>
internal sealed class Meter
{
    private double _wallSeconds;
    private double _cpuSeconds;
    private long _allocatedBytes;
    private int _images;

    public double ImagesPerSecond => _images / _wallSeconds;

    public double CpuMillisecondsPerImage => 1000 * _cpuSeconds / _images;

    /// <summary>Managed memory allocated per image, by every thread, in kilobytes.</summary>
    public double AllocatedKilobytesPerImage => _allocatedBytes / 1024.0 / _images;

    public void Measure(int images, Action work)
    {
        var cpu = ProcessorSeconds();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        work();
        _wallSeconds += watch.Elapsed.TotalSeconds;
        _cpuSeconds += ProcessorSeconds() - cpu;
        _allocatedBytes += GC.GetTotalAllocatedBytes(precise: true) - allocated;
        _images += images;
    }

    private static double ProcessorSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }
}
