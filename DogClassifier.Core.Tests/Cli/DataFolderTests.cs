using DogClassifier.Cli.Commands;

namespace DogClassifier.Tests.Cli;

public sealed class DataFolderTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "work"));
    private static readonly string Current = Path.Combine(Root, "repo");

    [Test]
    public void Resolve_FolderGiven_ReturnsItRelativeToTheCurrentDirectory()
    {
        var folder = DataFolder.Resolve("photos", _ => "/elsewhere", Current);

        Assert.That(folder.Path, Is.EqualTo(Path.Combine(Current, "photos")));
    }

    [Test]
    public void Resolve_VariableSet_ReturnsItsPetsFolder()
    {
        var datasets = Path.Combine(Root, "datasets");

        var folder = DataFolder.Resolve(
            null, name => name == "DOGCLASSIFIER_DATA" ? datasets : null, Current);

        Assert.That(folder.Path, Is.EqualTo(Path.Combine(datasets, "pets")));
    }

    [Test]
    public void Resolve_NothingSet_ReturnsTheSharedPetsBesideTheCurrentDirectory()
    {
        var folder = DataFolder.Resolve(null, _ => null, Current);

        Assert.That(folder.Path, Is.EqualTo(Path.Combine(Root, "shared", "datasets", "pets")));
    }
}
