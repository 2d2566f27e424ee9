using DogClassifier.Cli.Diagnostics;
using DogClassifier.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DogClassifier.Tests.Cli.Diagnostics;

public sealed class VerbosityInterceptorTests
{
    [TestCase(true, LogLevel.Debug)]
    [TestCase(false, LogLevel.Warning)]
    public async Task Run_VerboseOrNot_SetsTheLogLevelBeforeTheCommandRuns(bool verbose, LogLevel expected)
    {
        using var temp = new TempFolder();
        var level = new LogLevelSwitch { Minimum = LogLevel.Critical };
        string[] args = ["train", "--data", temp.Path, "--out", temp.Combine("model.zip")];

        await CliHarness.Create(level).RunAsync(verbose ? [.. args, "--verbose"] : args);

        Assert.That(level.Minimum, Is.EqualTo(expected));
    }

    [TestCase(LogLevel.Debug, LogLevel.Debug, true)]
    [TestCase(LogLevel.Debug, LogLevel.Trace, false)]
    [TestCase(LogLevel.Warning, LogLevel.Information, false)]
    [TestCase(LogLevel.Warning, LogLevel.None, false)]
    public void IsEnabled_Level_ComparesWithTheMinimum(LogLevel minimum, LogLevel level, bool expected)
    {
        var levels = new LogLevelSwitch { Minimum = minimum };

        Assert.That(levels.IsEnabled(level), Is.EqualTo(expected));
    }
}
