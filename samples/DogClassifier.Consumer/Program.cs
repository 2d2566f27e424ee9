using DogClassifier.Consumer;
using Microsoft.Extensions.Logging;

// Trains a classifier on a few photos per class, saves it, loads it back and classifies one photo,
// using only the DogClassifier.Core package, as any application would. Exit code 0 means every
// step worked; 1, a step failed; 2, the arguments were wrong.
if (!Arguments.TryParse(args, out var arguments, out var problem))
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(Arguments.Usage);
    return 2;
}

using var loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(LogLevel.Information)
    .AddSimpleConsole(console => console.SingleLine = true));

try
{
    return await EndToEnd.RunAsync(arguments, loggerFactory, Console.Out);
}
catch (Exception ex)
{
    Console.Error.WriteLine($"FAILED: {ex}");
    return 1;
}
