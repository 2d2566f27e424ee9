using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DogClassifier.Tests.Support;

/// <summary>One message a <see cref="ListLogger"/> received.</summary>
internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message);

/// <summary>A logger that keeps every message, for tests that assert what was logged.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception)));
}
