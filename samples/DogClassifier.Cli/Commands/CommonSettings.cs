using System.ComponentModel;
using Spectre.Console.Cli;

namespace DogClassifier.Cli.Commands;

/// <summary>The options every command shares.</summary>
internal abstract class CommonSettings : CommandSettings
{
    [CommandOption("--verbose")]
    [Description("Writes debug logs to standard error. Without it only warnings and errors are logged.")]
    public bool Verbose { get; init; }
}
