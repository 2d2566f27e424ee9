using DogClassifier.Cli.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DogClassifier.Cli;

/// <summary>
/// Turns an exception that ends a command into a message and an exit code: bad input (a parse
/// or validation error, or what the library refuses) is 1, anything else 2.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, ITypeResolver? resolver, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(console);

        var logger = LoggerFrom(resolver);
        if (exception is CommandAppException { Pretty: { } pretty } and not CommandConfigurationException)
        {
            Log.InputRefused(logger, exception.Message);
            console.Write(pretty);
            return ExitCodes.BadInput;
        }

        var code = IsBadInput(exception) ? ExitCodes.BadInput : ExitCodes.Failure;
        if (code == ExitCodes.BadInput)
        {
            Log.InputRefused(logger, exception.Message);
        }
        else if (exception is not OperationCanceledException)
        {
            Log.CommandFailed(logger, exception);
        }

        var message = exception is OperationCanceledException
            ? "The command was cancelled."
            : exception.Message;
        console.MarkupLineInterpolated($"[red]Error:[/] {message}");
        return code;
    }

    /// <summary>
    /// Whether the exception is about what the user gave: the command line, or a file or folder
    /// the library cannot use (a missing or damaged model, a folder too small to train on, an
    /// option out of range).
    /// </summary>
    internal static bool IsBadInput(Exception exception) => exception is
        CommandParseException or CommandRuntimeException or DogClassifierException or ArgumentException;

    private static ILogger LoggerFrom(ITypeResolver? resolver) =>
        (resolver?.Resolve(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger(typeof(ErrorReporter))
        ?? NullLogger.Instance;
}
