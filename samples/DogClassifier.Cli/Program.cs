using DogClassifier.Cli;
using DogClassifier.Cli.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var level = new LogLevelSwitch();
using var loggerFactory = CliLogging.ToStandardError(level);
var app = new CommandApp(CliApplication.CreateRegistrar(loggerFactory, level));
app.Configure(config =>
{
    config.ConfigureConsole(AnsiConsole.Console);
    CliApplication.Configure(config);
});

return await app.RunAsync(args, cancellation.Token);
