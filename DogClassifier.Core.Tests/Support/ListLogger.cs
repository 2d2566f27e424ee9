using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DogClassifier.Tests.Support;

/// <summary>A logger factory that keeps every entry, so tests can assert what was logged.</summary>
internal sealed class ListLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> Warnings => [.. _entries.Where(e => e.Level == LogLevel.Warning)];

    public ILogger CreateLogger(string categoryName) => new ListLogger(_entries);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class ListLogger(ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception)));
    }
}

/// <summary>One logged message.</summary>
internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message);
