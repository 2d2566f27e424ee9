using Microsoft.Extensions.Logging;

namespace DogClassifier.Cli.Diagnostics;

/// <summary>
/// The lowest level the console logger writes. It is set from <c>--verbose</c> once the command
/// line has been parsed and validated, before the command runs.
/// </summary>
internal sealed class LogLevelSwitch
{
    /// <summary>The lowest level written. Default: <see cref="LogLevel.Warning"/>.</summary>
    public LogLevel Minimum { get; set; } = LogLevel.Warning;

    /// <summary>Whether a message of <paramref name="level"/> is written.</summary>
    public bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= Minimum;
}
