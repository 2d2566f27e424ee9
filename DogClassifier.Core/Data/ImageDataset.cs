using System.Security.Cryptography;
using DogClassifier.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogClassifier.Data;

/// <summary>
/// A set of labelled images, typically read from a folder with one sub-folder per class.
/// </summary>
public sealed class ImageDataset
{
    private ImageDataset(
        IReadOnlyList<LabeledImage> images,
        IReadOnlyList<string> classNames,
        string? positiveClass,
        IReadOnlyList<SkippedFile> ignored)
    {
        Images = images;
        ClassNames = classNames;
        PositiveClass = positiveClass;
        IgnoredFiles = ignored;
        CountByClass = classNames.ToDictionary(c => c, c => images.Count(i => i.Label == c), StringComparer.Ordinal);
        DuplicateGroups = images
            .Where(i => i.ContentHash is not null)
            .GroupBy(i => i.ContentHash!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<LabeledImage>)[.. g])
            .ToList();
    }

    /// <summary>The images, ordered by class folder and path.</summary>
    public IReadOnlyList<LabeledImage> Images { get; }

    /// <summary>The class names the model learns, in ordinal order; this is the order of its scores.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The positive class of a binary question, or <c>null</c> when the classes are not folded.</summary>
    public string? PositiveClass { get; }

    /// <summary>Files found but not read as images (hidden files, other extensions, broken links), with the reason.</summary>
    public IReadOnlyList<SkippedFile> IgnoredFiles { get; }

    /// <summary>How many images each class holds.</summary>
    public IReadOnlyDictionary<string, int> CountByClass { get; }

    /// <summary>
    /// Sets of byte-identical files, found by content hash. A split keeps each set on one side;
    /// a set whose files sit in different class folders is logged as a labelling conflict.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<LabeledImage>> DuplicateGroups { get; }

    /// <summary>The number of images in the largest class over the smallest; 1 when balanced.</summary>
    public double ImbalanceRatio =>
        CountByClass.Count == 0 || CountByClass.Values.Min() == 0
            ? double.PositiveInfinity
            : (double)CountByClass.Values.Max() / CountByClass.Values.Min();

    /// <summary>
    /// Reads a folder with one sub-folder per class. Sub-folders are read recursively; extensions
    /// match in any case; hidden files and files that are not images are counted in
    /// <see cref="IgnoredFiles"/>.
    /// </summary>
    /// <param name="folder">The folder holding one sub-folder per class.</param>
    /// <param name="options">How to read it; <see cref="DatasetOptions.Default"/> when <c>null</c>.</param>
    /// <param name="logger">Receives a summary and what was ignored.</param>
    /// <exception cref="DogClassifierException">
    /// The folder is missing, holds no class folders or no images, or the positive class is not among its classes.
    /// </exception>
    public static ImageDataset FromFolder(string folder, DatasetOptions? options = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= DatasetOptions.Default;
        options.Validate();
        logger ??= NullLogger.Instance;

        var root = new DirectoryInfo(folder);
        if (!root.Exists)
        {
            throw new DogClassifierException($"The dataset folder '{root.FullName}' does not exist.");
        }

        var ignored = new List<SkippedFile>();
        var found = new List<(string Path, string Class)>();
        var scanner = new FolderScanner(options.Extensions, root.FullName);
        foreach (var classFolder in root.EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (FolderScanner.IsHidden(classFolder))
            {
                ignored.Add(new SkippedFile(classFolder.FullName, "a hidden folder"));
                continue;
            }

            var images = new List<string>();
            scanner.Scan(classFolder, images, ignored);
            if (images.Count == 0)
            {
                ignored.Add(new SkippedFile(classFolder.FullName, $"the class folder '{classFolder.Name}' holds no images"));
                Log.EmptyClassFolder(logger, classFolder.Name, classFolder.FullName);
            }

            found.AddRange(images.Select(p => (p, classFolder.Name)));
        }

        foreach (var file in root.EnumerateFiles())
        {
            ignored.Add(new SkippedFile(file.FullName, "a file at the top level, outside any class folder"));
        }

        if (found.Count == 0)
        {
            throw new DogClassifierException(
                $"The dataset folder '{root.FullName}' holds no images: it needs one sub-folder per class, " +
                $"each holding image files ({string.Join(", ", options.Extensions)}).");
        }

        var classes = found.Select(f => f.Class).Distinct().ToList();
        if (options.PositiveClass is { } positive && !classes.Contains(positive, StringComparer.Ordinal))
        {
            throw new DogClassifierException(
                $"The positive class '{positive}' is not among the class folders of '{root.FullName}' " +
                $"that hold images: {string.Join(", ", classes)}.");
        }

        var hashes = options.ComputeContentHashes ? HashFiles(found.Select(f => f.Path).ToList(), ignored) : null;
        var labeled = new List<LabeledImage>(found.Count);
        for (int i = 0; i < found.Count; i++)
        {
            if (hashes is not null && hashes[i] is null)
            {
                continue;
            }

            var label = Fold(found[i].Class, options);
            labeled.Add(new LabeledImage(found[i].Path, label, found[i].Class, hashes?[i]));
        }

        var classNames = labeled.Select(i => i.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var dataset = new ImageDataset(labeled, classNames, options.PositiveClass, ignored);
        dataset.LogSummary(root.FullName, logger);
        return dataset;
    }

    /// <summary>Creates a dataset from images already labelled.</summary>
    /// <param name="images">The images.</param>
    /// <param name="classNames">The classes, in score order; when <c>null</c>, the labels found, in ordinal order.</param>
    /// <param name="positiveClass">The positive class of a binary question, or <c>null</c>.</param>
    /// <exception cref="ArgumentException">An image's label is not among <paramref name="classNames"/>.</exception>
    public static ImageDataset FromImages(
        IEnumerable<LabeledImage> images, IReadOnlyList<string>? classNames = null, string? positiveClass = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        var list = images.ToList();
        var names = classNames ?? list.Select(i => i.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var unknown = list.Select(i => i.Label).Distinct().Except(names).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Images carry labels outside the class names: {string.Join(", ", unknown)}.", nameof(images));
        }

        return new ImageDataset(list, names, positiveClass, []);
    }

    /// <summary>
    /// Splits the dataset into training, validation and test sets, stratified by class and
    /// reproducible from the seed. Byte-identical files land on the same side.
    /// </summary>
    /// <param name="options">The fractions and the seed; <see cref="SplitOptions.Default"/> when <c>null</c>.</param>
    /// <exception cref="DogClassifierException">A class has too few images to appear in every part.</exception>
    public DatasetSplit Split(SplitOptions? options = null)
    {
        options ??= SplitOptions.Default;
        options.Validate();
        var (train, validation, test) = StratifiedSplitter.Split(this, options);
        return new DatasetSplit(WithImages(train), WithImages(validation), WithImages(test));
    }

    /// <summary>Relabels this dataset's images onto a model's classes, folding as the model was trained.</summary>
    internal ImageDataset WithClassNames(IReadOnlyList<string> classNames) =>
        new(Images, classNames, PositiveClass, IgnoredFiles);

    private ImageDataset WithImages(IReadOnlyList<LabeledImage> images) => new(images, ClassNames, PositiveClass, []);

    private static string Fold(string sourceClass, DatasetOptions options) =>
        options.PositiveClass is null || sourceClass == options.PositiveClass
            ? sourceClass
            : options.ResolveNegativeClass();

    private static string?[] HashFiles(IReadOnlyList<string> paths, List<SkippedFile> ignored)
    {
        var hashes = new string?[paths.Count];
        var failures = new SkippedFile?[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            try
            {
                using var stream = File.OpenRead(paths[i]);
                hashes[i] = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures[i] = new SkippedFile(paths[i], $"the file could not be read ({ex.Message})");
            }
        });
        ignored.AddRange(failures.OfType<SkippedFile>());
        return hashes;
    }

    private void LogSummary(string root, ILogger logger)
    {
        var counts = string.Join(", ", ClassNames.Select(c => $"{c}={CountByClass[c]}"));
        Log.DatasetLoaded(logger, root, Images.Count, counts, IgnoredFiles.Count);
        foreach (var file in IgnoredFiles)
        {
            Log.FileIgnored(logger, file.Path, file.Reason);
        }

        foreach (var group in DuplicateGroups)
        {
            var paths = string.Join(", ", group.Select(g => g.Path));
            var labels = group.Select(g => g.Label).Distinct(StringComparer.Ordinal).ToList();
            if (labels.Count > 1)
            {
                Log.DuplicateLabelsConflict(logger, group.Count, string.Join(", ", labels), paths);
            }
            else
            {
                Log.DuplicateFiles(logger, group.Count, paths);
            }
        }

        if (ImbalanceRatio > 3)
        {
            Log.ClassImbalance(logger, ImbalanceRatio, counts);
        }
    }
}
