using System.Diagnostics;

namespace DogClassifier.Benchmarks;

/// <summary>
/// Samples the process's working set on a background thread while it is running, and keeps
/// the highest value seen. Sampling can be paused, so that only chosen phases count.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _running;
    private long _peak;

    public MemorySampler(TimeSpan interval)
    {
        _thread = new Thread(() => Sample(interval)) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    /// <summary>The highest working set seen while running, in bytes.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    public void Resume() => _running = true;

    public void Pause()
    {
        _running = false;
        Record();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Sample(TimeSpan interval)
    {
        while (!_stop.Token.WaitHandle.WaitOne(interval))
        {
            if (_running)
            {
                Record();
            }
        }
    }

    private void Record()
    {
        using var process = Process.GetCurrentProcess();
        var current = process.WorkingSet64;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peak);
        }
        while (current > seen && Interlocked.CompareExchange(ref _peak, current, seen) != seen);
    }
}
