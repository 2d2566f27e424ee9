using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DogClassifier.Cli.Diagnostics;

/// <summary>Creates the logger factory of the console application.</summary>
internal static class CliLogging
{
    /// <summary>
    /// A factory whose one provider writes single-line messages to standard error, so that
    /// standard output holds only the command's results. Messages below
    /// <paramref name="level"/>'s minimum are dropped.
    /// </summary>
    public static ILoggerFactory ToStandardError(LogLevelSwitch level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Trace)
            .AddFilter((_, _, logLevel) => level.IsEnabled(logLevel))
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            })
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
    }
}
