using Spectre.Console;

namespace DogClassifier.Cli.Commands;

/// <summary>
/// Collects every problem with a command's options, so that one run reports all of them,
/// each naming the option and the offending path.
/// </summary>
internal sealed class InputChecks
{
    private readonly List<string> _problems = [];

    public InputChecks FileExists(string option, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            _problems.Add($"{option} is required");
        }
        else if (!File.Exists(path))
        {
            _problems.Add($"{option}: the file '{Path.GetFullPath(path)}' does not exist");
        }

        return this;
    }

    public InputChecks FolderExists(string option, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            _problems.Add($"{option} is required");
        }
        else if (!Directory.Exists(path))
        {
            _problems.Add($"{option}: the folder '{Path.GetFullPath(path)}' does not exist");
        }

        return this;
    }

    /// <summary>Checks a file to be written: not blank and not an existing folder.</summary>
    public InputChecks Writable(string option, string? path)
    {
        if (path is null)
        {
            return this;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            _problems.Add($"{option} must name a file");
        }
        else if (Directory.Exists(path))
        {
            _problems.Add($"{option}: '{Path.GetFullPath(path)}' is a folder, not a file");
        }

        return this;
    }

    /// <summary>Checks that two files to be written are not the same file.</summary>
    public InputChecks Different(string option, string? path, string otherOption, string? otherPath)
    {
        if (!string.IsNullOrWhiteSpace(path) && !string.IsNullOrWhiteSpace(otherPath)
            && string.Equals(Path.GetFullPath(path), Path.GetFullPath(otherPath), StringComparison.Ordinal))
        {
            _problems.Add($"{option} and {otherOption} must name different files");
        }

        return this;
    }

    public InputChecks NotBlank(string option, string? value)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            _problems.Add($"{option} must not be blank");
        }

        return this;
    }

    public InputChecks Require(bool condition, string problem)
    {
        if (!condition)
        {
            _problems.Add(problem);
        }

        return this;
    }

    /// <summary>Success, or one error that lists every problem found.</summary>
    public ValidationResult ToResult() => _problems.Count switch
    {
        0 => ValidationResult.Success(),
        1 => ValidationResult.Error($"Invalid input: {_problems[0]}."),
        _ => ValidationResult.Error(
            $"Invalid input:{Environment.NewLine}  - {string.Join($"{Environment.NewLine}  - ", _problems)}"),
    };
}
