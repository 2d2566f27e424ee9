using DogClassifier.Training;
using Spectre.Console;

namespace DogClassifier.Cli.Commands.Train;

/// <summary>
/// Shows a training run's progress as one bar per stage. Reports arrive from several threads
/// at once (images are featurized in parallel), so every update is made under a lock and a bar
/// never moves backwards.
/// </summary>
internal sealed class TrainingProgressBar(ProgressContext context) : IProgress<TrainingProgress>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProgressTask> _bars = new(StringComparer.Ordinal);

    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);

        var title = Title(value);
        var total = Math.Max(1, value.Total);
        lock (_gate)
        {
            if (!_bars.TryGetValue(title, out var bar))
            {
                bar = context.AddTask(Markup.Escape(title), maxValue: total);
                _bars.Add(title, bar);
            }

            bar.MaxValue = total;
            bar.Value = Math.Max(bar.Value, value.Completed);
        }
    }

    private static string Title(TrainingProgress value) => value.Stage switch
    {
        TrainingStage.Featurizing => $"Featurizing the {value.Detail} split",
        TrainingStage.TrainingHead => "Training head candidates",
        _ => "Evaluating on the test split",
    };
}
