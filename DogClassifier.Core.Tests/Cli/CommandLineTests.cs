using DogClassifier.Cli;
using DogClassifier.Tests.Support;

namespace DogClassifier.Tests.Cli;

public sealed class CommandLineTests
{
    [TestCase("train", new[] { "--data", "--positive", "--out", "--json", "--report", "--seed",
        "--cache", "--no-cache", "--mirror", "--head-budget" })]
    [TestCase("evaluate", new[] { "--model", "--data", "--json", "--report", "--tta" })]
    [TestCase("predict", new[] { "--model", "<IMAGES>", "--threshold", "--tta", "unsure" })]
    public async Task Help_OfEachCommand_ExitsZeroAndListsEveryOption(string command, string[] options)
    {
        var result = await CliHarness.RunAsync(command, "--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Output, Does.Contain("--verbose"));
            foreach (var option in options)
            {
                Assert.That(result.Output, Does.Contain(option));
            }
        });
    }

    [Test]
    public async Task Help_OfTrain_StatesWhereTheDataFolderDefaultsTo()
    {
        var result = await CliHarness.RunAsync("train", "--help");

        Assert.That(result.Output, Does.Contain("$DOGCLASSIFIER_DATA/pets")
            .And.Contain("../shared/datasets/pets relative to the current directory"));
    }

    [TestCase("predict", "image.jpg")]
    [TestCase("evaluate", "--data", ".")]
    public async Task Run_WithoutModel_ExitsOneNamingTheOption(params string[] args)
    {
        var result = await CliHarness.RunAsync(args);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain("missing required option 'model'"));
        });
    }

    [Test]
    public async Task Predict_ModelFileMissing_ExitsOneNamingTheFile()
    {
        using var temp = new TempFolder();
        var model = temp.Combine("absent.zip");

        var result = await CliHarness.RunAsync("predict", "--model", model, "image.jpg");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain($"--model: the file '{model}' does not exist"));
        });
    }

    [Test]
    public async Task Evaluate_ModelAndFolderMissing_ExitsOneNamingBoth()
    {
        using var temp = new TempFolder();
        var model = temp.Combine("absent.zip");
        var data = temp.Combine("absent-folder");

        var result = await CliHarness.RunAsync("evaluate", "--model", model, "--data", data);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain($"the file '{model}' does not exist"));
            Assert.That(result.Output, Does.Contain($"the folder '{data}' does not exist"));
        });
    }

    [Test]
    public async Task Train_DataFolderMissing_ExitsOneNamingTheFolder()
    {
        using var temp = new TempFolder();
        var data = temp.Combine("absent-folder");

        var result = await CliHarness.RunAsync("train", "--data", data, "--out", temp.Combine("m.zip"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain($"--data: the folder '{data}' does not exist"));
            Assert.That(File.Exists(temp.Combine("m.zip")), Is.False);
        });
    }

    [Test]
    public async Task Train_CacheAndNoCache_ExitsOneNamingBothOptions()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "train", "--data", temp.Path, "--cache", temp.Combine("cache"), "--no-cache");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain("--cache and --no-cache cannot be used together"));
        });
    }

    [Test]
    public async Task Train_OutIsAFolder_ExitsOneNamingIt()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync("train", "--data", temp.Path, "--out", temp.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain($"--out: '{temp.Path}' is a folder, not a file"));
        });
    }

    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("86401")]
    public async Task Train_HeadBudgetOutOfRange_ExitsOneNamingTheOption(string seconds)
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "train", "--data", temp.Path, "--out", temp.Combine("m.zip"), "--head-budget", seconds);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain("--head-budget must be above 0 and at most 86400 seconds"));
            Assert.That(File.Exists(temp.Combine("m.zip")), Is.False);
        });
    }

    [Test]
    public async Task Train_ReportSameAsOut_ExitsOneNamingBoth()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("m.zip");

        var result = await CliHarness.RunAsync("train", "--data", temp.Path, "--out", path, "--report", path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain("--out and --report must name different files"));
        });
    }

    [Test]
    public async Task Train_FolderWithoutImages_ExitsOneWithTheLibrarysReason()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("dog"));
        File.WriteAllText(temp.Combine("dog", "notes.txt"), "not an image");

        var result = await CliHarness.RunAsync("train", "--data", temp.Path, "--out", temp.Combine("m.zip"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain($"'{temp.Path}' holds no images"));
        });
    }

    [Test]
    public async Task Predict_DamagedModelFile_ExitsOneNamingTheFile()
    {
        using var temp = new TempFolder();
        var model = temp.Combine("damaged.zip");
        File.WriteAllBytes(model, [1, 2, 3, 4, 5, 6, 7, 8]);

        var result = await CliHarness.RunAsync("predict", "--model", model, "image.jpg");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain(model));
            Assert.That(result.Output, Does.Not.Contain("\"input\""));
        });
    }

    [Test]
    public async Task Predict_UnknownOption_ExitsOneNamingIt()
    {
        var result = await CliHarness.RunAsync("predict", "--modle", "model.zip", "image.jpg");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain("Unknown option 'modle'"));
        });
    }

    [Test]
    public async Task Train_SeedNotANumber_ExitsOne()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync("train", "--data", temp.Path, "--seed", "seven");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
    }
}
