using DogClassifier.Data;
using DogClassifier.Imaging;
using DogClassifier.Tests.Support;

namespace DogClassifier.Tests.Data;

/// <summary>Reading a folder of class folders as users really keep them.</summary>
[TestFixture]
public sealed class ImageDatasetFromFolderTests
{
    private TempFolder _root = null!;

    [SetUp]
    public void SetUp() => _root = new TempFolder();

    [TearDown]
    public void TearDown() => _root.Dispose();

    [Test]
    public void FromFolder_NestedFolders_ReadsImagesAtEveryDepthUnderTheirClass()
    {
        var top = DatasetFolder.WriteImage(_root.Combine("dog"), "top.jpg");
        var deep = DatasetFolder.WriteImage(_root.Combine("dog", "2019", "summer", "beach"), "deep.jpg");
        var cat = DatasetFolder.WriteImage(_root.Combine("cat", "indoor"), "sofa.jpg");

        var dataset = ImageDataset.FromFolder(_root.Path);

        Assert.That(dataset.ClassNames, Is.EqualTo(new[] { "cat", "dog" }));
        var dogs = dataset.Images.Where(i => i.Label == "dog").Select(i => i.Path);
        Assert.That(dogs, Is.EquivalentTo(new[] { top, deep }));
        Assert.That(dataset.Images.Single(i => i.Label == "cat").Path, Is.EqualTo(cat));
    }

    [Test]
    public void FromFolder_SpacesAndNonAsciiLetters_KeepsNamesAndReadsTheFiles()
    {
        var dog = DatasetFolder.WriteImage(_root.Combine("Golden Retriever"), "mon chien préféré.jpg");
        var cat = DatasetFolder.WriteImage(_root.Combine("Katze ü"), "猫 の 写真.jpg");
        var other = DatasetFolder.WriteImage(_root.Combine("другое"), "ёж.jpg");

        var dataset = ImageDataset.FromFolder(_root.Path);

        Assert.That(dataset.ClassNames, Is.EquivalentTo(new[] { "Golden Retriever", "Katze ü", "другое" }));
        Assert.That(dataset.Images.Select(i => i.Path), Is.EquivalentTo(new[] { dog, cat, other }));
        foreach (var image in dataset.Images)
        {
            Assert.That(Quadrants.DecodeFile(image.Path).Max(), Is.GreaterThan(0), image.Path);
        }
    }

    [Test]
    public void FromFolder_UpperAndMixedCaseExtensions_AreRead()
    {
        var names = new[] { "A.JPG", "B.Jpeg", "C.PNG", "D.WebP", "E.JPE" };
        var paths = names.Select(n => DatasetFolder.WriteImage(_root.Combine("dog"), n)).ToList();

        var dataset = ImageDataset.FromFolder(_root.Path);

        Assert.That(dataset.Images.Select(i => i.Path), Is.EquivalentTo(paths));
    }

    [Test]
    public void FromFolder_HiddenAndSystemFiles_AreIgnoredAndReported()
    {
        var folder = _root.Combine("dog");
        var photo = DatasetFolder.WriteImage(folder, "photo.jpg");
        var hidden = new[] { ".DS_Store", "Thumbs.db", "desktop.ini", "._photo.jpg", ".hidden.jpg" };
        foreach (var name in hidden)
        {
            File.WriteAllBytes(Path.Combine(folder, name), [0x00, 0x05, 0x16, 0x07]);
        }

        DatasetFolder.WriteImage(_root.Combine("dog", ".thumbnails"), "small.jpg");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not an image");

        var dataset = ImageDataset.FromFolder(_root.Path);

        Assert.That(dataset.Images.Select(i => i.Path), Is.EqualTo(new[] { photo }));
        var reasons = dataset.IgnoredFiles.ToDictionary(f => Path.GetFileName(f.Path), f => f.Reason);
        Assert.Multiple(() =>
        {
            foreach (var name in hidden.Append(".thumbnails"))
            {
                Assert.That(reasons.GetValueOrDefault(name), Is.EqualTo("a hidden or system file"), name);
            }

            Assert.That(reasons.GetValueOrDefault("notes.txt"), Does.Contain("not an image extension (.txt)"));
        });
    }

    [Test]
    public void FromFolder_SymbolicLinkToAFile_IsReadThroughTheLink()
    {
        using var outside = new TempFolder();
        var original = DatasetFolder.WriteImage(outside.Path, "original.jpg");
        DatasetFolder.WriteImage(_root.Combine("cat"), "cat.jpg");
        Directory.CreateDirectory(_root.Combine("dog"));
        var link = _root.Combine("dog", "linked.jpg");
        File.CreateSymbolicLink(link, original);

        var dataset = ImageDataset.FromFolder(_root.Path);

        var dog = dataset.Images.Single(i => i.Label == "dog");
        Assert.That(dog.Path, Is.EqualTo(link));
        Assert.That(Quadrants.DecodeFile(dog.Path), Is.EqualTo(Quadrants.DecodeFile(original)));
    }

    [Test]
    public void FromFolder_BrokenSymbolicLink_IsIgnoredAndReported()
    {
        DatasetFolder.WriteImage(_root.Combine("dog"), "photo.jpg");
        var link = _root.Combine("dog", "moved.jpg");
        File.CreateSymbolicLink(link, _root.Combine("nowhere", "moved.jpg"));

        var dataset = ImageDataset.FromFolder(_root.Path);

        Assert.That(dataset.Images, Has.Count.EqualTo(1));
        Assert.That(dataset.IgnoredFiles.Single(f => f.Path == link).Reason, Does.Contain("target does not exist"));
    }

    [Test]
    public void FromFolder_FolderLinkLoops_AreNotFollowedForever()
    {
        var photos = DatasetFolder.WriteImages(_root.Combine("dog"), 2);
        photos.AddRange(DatasetFolder.WriteImages(_root.Combine("dog", "sub"), 2, "sub"));
        Directory.CreateSymbolicLink(_root.Combine("dog", "self"), _root.Combine("dog"));
        Directory.CreateSymbolicLink(_root.Combine("dog", "sub", "back"), "..");

        var load = Task.Run(() => ImageDataset.FromFolder(_root.Path));

        Assert.That(load.Wait(TimeSpan.FromSeconds(30)), Is.True, "reading the folder must end");
        Assert.That(load.Result.Images.Select(i => i.Path), Is.EquivalentTo(photos));
        var ignored = load.Result.IgnoredFiles.Select(f => Path.GetFileName(f.Path));
        Assert.That(ignored, Is.SupersetOf(new[] { "self", "back" }));
    }

    [Test]
    public void FromFolder_LinkToTheDatasetFolder_DoesNotLabelOtherClassesTwice()
    {
        var dogs = DatasetFolder.WriteImages(_root.Combine("dog"), 2, "dog");
        var cats = DatasetFolder.WriteImages(_root.Combine("cat"), 2, "cat");
        Directory.CreateSymbolicLink(_root.Combine("dog", "everything"), _root.Path);

        var dataset = ImageDataset.FromFolder(_root.Path);

        Assert.That(dataset.Images.Where(i => i.Label == "dog").Select(i => i.Path), Is.EquivalentTo(dogs));
        Assert.That(dataset.Images.Where(i => i.Label == "cat").Select(i => i.Path), Is.EquivalentTo(cats));
        Assert.That(dataset.IgnoredFiles.Single(f => f.Path == _root.Combine("dog", "everything")).Reason,
            Does.Contain("dataset folder"));
    }

    [Test]
    public void FromFolder_LinkToAnotherClassFolder_IsIgnoredAndReported()
    {
        var dogs = DatasetFolder.WriteImages(_root.Combine("dog"), 2, "dog");
        var cats = DatasetFolder.WriteImages(_root.Combine("cat"), 2, "cat");
        Directory.CreateSymbolicLink(_root.Combine("dog", "cats"), _root.Combine("cat"));

        var dataset = ImageDataset.FromFolder(_root.Path);

        Assert.That(dataset.Images.Where(i => i.Label == "dog").Select(i => i.Path), Is.EquivalentTo(dogs));
        Assert.That(dataset.Images.Where(i => i.Label == "cat").Select(i => i.Path), Is.EquivalentTo(cats));
        Assert.That(dataset.IgnoredFiles.Single(f => f.Path == _root.Combine("dog", "cats")).Reason,
            Does.Contain("class folder 'cat'"));
    }

    [Test]
    public void FromFolder_LinkToAFolderOutsideTheDataset_IsFollowed()
    {
        using var outside = new TempFolder();
        var linked = DatasetFolder.WriteImages(outside.Path, 2, "outside");
        DatasetFolder.WriteImages(_root.Combine("cat"), 1);
        Directory.CreateDirectory(_root.Combine("dog"));
        Directory.CreateSymbolicLink(_root.Combine("dog", "shared"), outside.Path);

        var dataset = ImageDataset.FromFolder(_root.Path);

        var expected = linked.Select(p => _root.Combine("dog", "shared", Path.GetFileName(p)));
        Assert.That(dataset.Images.Where(i => i.Label == "dog").Select(i => i.Path), Is.EquivalentTo(expected));
    }

    [Test]
    public void FromFolder_EmptyClassFolder_IsReportedAndLogged()
    {
        DatasetFolder.WriteImages(_root.Combine("dog"), 2);
        DatasetFolder.WriteImages(_root.Combine("cat"), 2);
        Directory.CreateDirectory(_root.Combine("bird"));
        File.WriteAllBytes(_root.Combine("bird", ".DS_Store"), [1, 2, 3]);
        using var logs = new ListLoggerFactory();

        var dataset = ImageDataset.FromFolder(_root.Path, logger: logs.CreateLogger("test"));

        Assert.That(dataset.ClassNames, Is.EqualTo(new[] { "cat", "dog" }));
        Assert.That(dataset.IgnoredFiles.Single(f => f.Path == _root.Combine("bird")).Reason,
            Is.EqualTo("the class folder 'bird' holds no images"));
        Assert.That(logs.Warnings.Select(w => w.Message), Has.One.Contains("bird").And.Contains("holds no images"));
    }
}
