using DogClassifier.Data;
using DogClassifier.Training;

namespace DogClassifier.Prediction;

// Batch prediction: many images decoded and featurized in parallel, the head run once.
public sealed partial class ImageClassifier
{
    /// <summary>
    /// Classifies many image files. They are decoded and run through the network in parallel, one
    /// per core, and the head scores them all in one pass. An image that cannot be used is listed
    /// in <see cref="BatchPrediction.Failures"/> and never stops the others.
    /// </summary>
    /// <param name="imagePaths">The image files.</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    /// <exception cref="ArgumentException">A path is empty.</exception>
    /// <exception cref="OperationCanceledException">The work was cancelled.</exception>
    public BatchPrediction PredictBatch(IEnumerable<string> imagePaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(imagePaths);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var images = imagePaths.Select(ToImage).ToList();
        if (images.Count == 0)
        {
            return new BatchPrediction([], []);
        }

        var extracted = _extractor.Extract(images, mirror: false, onProgress: null, cancellationToken);
        var usable = Enumerable.Range(0, images.Count).Where(i => extracted.Features[i] is not null).ToList();
        var scores = _head.ScoreAll([.. usable.Select(i => extracted.Features[i]!)]);

        var predictions = usable.Select((image, row) => ToPrediction(images[image].Path, scores[row])).ToList();
        return new BatchPrediction(predictions, extracted.Skipped);
    }

    /// <summary>
    /// Classifies every image in a folder and its sub-folders, as <see cref="PredictBatch"/> does.
    /// Hidden files and files without an image extension (.jpg, .jpeg, .png, .gif, .bmp, .webp)
    /// are not read.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    /// <exception cref="DogClassifierException">The folder does not exist.</exception>
    /// <exception cref="OperationCanceledException">The work was cancelled.</exception>
    public BatchPrediction PredictFolder(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DogClassifierException($"The folder '{Path.GetFullPath(folder)}' does not exist.");
        }

        var paths = new List<string>();
        // The scanner refuses to walk its dataset folder itself, so the folder is scanned as a
        // class folder of its parent.
        var full = new DirectoryInfo(folder);
        var scanner = new FolderScanner(DatasetOptions.Default.Extensions, full.Parent?.FullName ?? full.FullName);
        scanner.Scan(full, paths, ignored: []);
        return PredictBatch(paths, cancellationToken);
    }

    private static LabeledImage ToImage(string path, int index) =>
        string.IsNullOrWhiteSpace(path)
            ? throw new ArgumentException($"The image path at index {index} is empty.", "imagePaths")
            : new LabeledImage(path, string.Empty, string.Empty);
}
