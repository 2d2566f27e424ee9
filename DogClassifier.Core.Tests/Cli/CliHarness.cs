using DogClassifier.Cli;
using DogClassifier.Cli.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;

namespace DogClassifier.Tests.Cli;

/// <summary>Runs the console application in memory, its output captured by a test console.</summary>
internal static class CliHarness
{
    /// <summary>Wide enough that no message or path in a test is wrapped.</summary>
    private const int ConsoleWidth = 400;

    public static CommandAppTester Create(LogLevelSwitch? level = null)
    {
        var registrar = CliApplication.CreateRegistrar(NullLoggerFactory.Instance, level ?? new LogLevelSwitch());
        var tester = new CommandAppTester(registrar, console: new TestConsole().Width(ConsoleWidth));
        tester.Configure(CliApplication.Configure);
        return tester;
    }

    public static Task<CommandAppResult> RunAsync(params string[] args) => Create().RunAsync(args);
}
