using DogClassifier.Cli.Commands.Evaluate;
using DogClassifier.Cli.Commands.Predict;
using DogClassifier.Cli.Commands.Train;
using DogClassifier.Cli.Diagnostics;
using DogClassifier.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DogClassifier.Cli;

/// <summary>The commands of the <c>dogclassifier</c> application and the services they use.</summary>
internal static class CliApplication
{
    public const string Name = "dogclassifier";

    /// <summary>The services the commands are built from.</summary>
    /// <param name="loggerFactory">
    /// Receives the application's and the library's logs; the caller disposes it.
    /// </param>
    /// <param name="level">Set from <c>--verbose</c> before each command runs.</param>
    public static ITypeRegistrar CreateRegistrar(ILoggerFactory loggerFactory, LogLevelSwitch level)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(level);

        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(level);
        services.AddSingleton<ICommandInterceptor, VerbosityInterceptor>();
        return new TypeRegistrar(services);
    }

    /// <summary>Adds the commands and the error handling. The console is configured by the caller.</summary>
    public static void Configure(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);

        config.SetApplicationName(Name);
        config.UseStrictParsing();
        config.SetExceptionHandler((exception, resolver) =>
            ErrorReporter.Report(exception, resolver, config.Settings.Console ?? AnsiConsole.Console));

        config.AddCommand<TrainCommand>("train")
            .WithDescription("Trains a model on a folder of images (one sub-folder per class), saves it, " +
                "and reports its metrics on a held-out test split.")
            .WithExample("train", "--positive", "dog", "--out", "dog-model.zip")
            .WithExample("train", "--data", "photos", "--json", "report.json", "--seed", "7")
            .WithExample("train", "--positive", "dog", "--mirror", "--head-budget", "120",
                "--report", "report.html");
        config.AddCommand<EvaluateCommand>("evaluate")
            .WithDescription("Measures a model on every image of a folder (one sub-folder per class).")
            .WithExample("evaluate", "--model", "dog-model.zip", "--data", "holdout",
                "--json", "report.json", "--report", "report.html");
        config.AddCommand<PredictCommand>("predict")
            .WithDescription("Classifies images, printing one JSON line per image. With --threshold, an " +
                "image whose best score is below it is printed with class \"unsure\" and \"best\" naming " +
                "the best class.")
            .WithExample("predict", "--model", "dog-model.zip", "rex.jpg", "tom.png")
            .WithExample("predict", "--model", "dog-model.zip", "--threshold", "0.8", "rex.jpg");
    }
}
