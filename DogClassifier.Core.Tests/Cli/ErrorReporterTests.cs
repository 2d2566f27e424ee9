using DogClassifier.Cli;
using Spectre.Console.Testing;

namespace DogClassifier.Tests.Cli;

public sealed class ErrorReporterTests
{
    [Test]
    public void Report_LibraryRefusesInput_ReturnsOneAndPrintsTheMessage()
    {
        var console = new TestConsole();
        var refusal = new DogClassifierException("The folder 'x' holds no images.");

        var code = ErrorReporter.Report(refusal, null, console);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(console.Output, Does.Contain("Error: The folder 'x' holds no images."));
        });
    }

    [Test]
    public void Report_UnexpectedException_ReturnsTwoAndPrintsTheMessage()
    {
        var console = new TestConsole();

        var code = ErrorReporter.Report(new IOException("The disk is full."), null, console);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Failure));
            Assert.That(console.Output, Does.Contain("Error: The disk is full."));
        });
    }

    [Test]
    public void Report_Cancelled_ReturnsTwoAndSaysSo()
    {
        var console = new TestConsole();

        var code = ErrorReporter.Report(new OperationCanceledException(), null, console);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Failure));
            Assert.That(console.Output, Does.Contain("cancelled"));
        });
    }

    [Test]
    public void Report_MessageWithMarkupCharacters_PrintsThemLiterally()
    {
        var console = new TestConsole();
        var refusal = new DogClassifierException("The file '[red]x[/].jpg' is missing.");

        ErrorReporter.Report(refusal, null, console);

        Assert.That(console.Output, Does.Contain("'[red]x[/].jpg'"));
    }
}
