using DogClassifier.Cli.Commands;
using Microsoft.Extensions.Logging;
using Spectre.Console.Cli;

namespace DogClassifier.Cli.Diagnostics;

/// <summary>Turns on debug logging when a command is run with <c>--verbose</c>.</summary>
internal sealed class VerbosityInterceptor(LogLevelSwitch level) : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        level.Minimum = settings is CommonSettings { Verbose: true } ? LogLevel.Debug : LogLevel.Warning;
    }

    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
    {
    }
}
