using DogClassifier.Cli.Diagnostics;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DogClassifier.Cli.Reporting;

/// <summary>Writes the report files a command was asked for and says where each went.</summary>
internal static class ReportFiles
{
    /// <summary>Writes the JSON report and the HTML page, each only when its path is given.</summary>
    /// <param name="console">Where the written paths are printed.</param>
    /// <param name="logger">Logs each file written.</param>
    /// <param name="report">The run to write.</param>
    /// <param name="json">The <c>--json</c> file, or <c>null</c>.</param>
    /// <param name="html">The <c>--report</c> file, or <c>null</c>.</param>
    public static void Write(
        IAnsiConsole console, ILogger logger, RunReport report, string? json, string? html)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(report);

        if (json is not null)
        {
            var written = JsonReportWriter.Write(json, report);
            Log.ReportWritten(logger, written);
            console.MarkupLineInterpolated($"Report written to [blue]{written}[/]");
        }

        if (html is not null)
        {
            var written = HtmlReportFile.Write(html, report);
            Log.HtmlReportWritten(logger, written);
            console.MarkupLineInterpolated($"HTML report written to [blue]{written}[/]");
        }
    }
}
