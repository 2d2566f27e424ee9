using System.Text.Encodings.Web;
using System.Text.Json;

namespace DogClassifier.Cli.Reporting;

/// <summary>
/// Writes a <see cref="RunReport"/> as indented, camelCase JSON. The bytes go to a temporary
/// file beside the target, are flushed to disk, and the file is then renamed over the target,
/// so a reader sees either the old report or the complete new one.
/// </summary>
internal static class JsonReportWriter
{
    /// <summary>The serializer settings of every JSON the application writes.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes the report; System.Text.Json writes numbers the same in every culture.</summary>
    public static byte[] Serialize(RunReport report) =>
        JsonSerializer.SerializeToUtf8Bytes(JsonReport.From(report), Options);

    /// <summary>Writes the report to <paramref name="path"/>, creating its folder.</summary>
    /// <returns>The file's full path.</returns>
    public static string Write(string path, RunReport report)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(report);

        var bytes = Serialize(report);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
            return full;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
