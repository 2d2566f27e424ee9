using DogClassifier.Training;

namespace DogClassifier.Tests.Training;

public sealed class TrainingOptionsTests
{
    [Test]
    public void Validate_Defaults_Passes()
    {
        var options = TrainingOptions.Default;

        Assert.DoesNotThrow(options.Validate);
    }

    [Test]
    public void Validate_ManyBadValues_NamesEveryOne()
    {
        var options = new TrainingOptions
        {
            Epochs = 0,
            BatchSize = 0,
            LearningRate = -1,
            WeightDecay = double.NaN,
            ValidationFraction = 1,
            HeadSearchBudget = TimeSpan.Zero,
            Heads = HeadTrainers.None,
            SdcaIterations = [0],
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        string[] names =
        [
            "Epochs", "BatchSize", "LearningRate", "WeightDecay",
            "ValidationFraction", "HeadSearchBudget", "Heads", "SdcaIterations",
        ];
        Assert.Multiple(() =>
        {
            foreach (var name in names)
            {
                Assert.That(error!.Message, Does.Contain(name));
            }
        });
    }

    [Test]
    public void Validate_UnknownHeadTrainerBit_Throws()
    {
        var options = new TrainingOptions { Heads = (HeadTrainers)64 };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.Message, Does.Contain("Heads"));
    }

    [Test]
    public void Validate_BadEarlyStopping_NamesItsValues()
    {
        var options = new TrainingOptions
        {
            EarlyStopping = new EarlyStoppingOptions { Patience = 0, MinDelta = -1, Metric = (EarlyStoppingMetric)9 },
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.Message, Does.Contain("Patience").And.Contain("MinDelta").And.Contain("Metric"));
    }

    [Test]
    public void Validate_NoEarlyStopping_Passes()
    {
        var options = new TrainingOptions { EarlyStopping = null };

        Assert.DoesNotThrow(options.Validate);
    }
}
