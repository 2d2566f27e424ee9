using System.Runtime.InteropServices;
using DogClassifier.Benchmarks;
using DogClassifier.Featurization;
using DogClassifier.Imaging;
using DogClassifier.Training;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

BenchmarkSettings settings;
try
{
    settings = BenchmarkSettings.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkSettings.Usage);
    return 2;
}

if (settings.Help)
{
    Console.WriteLine(BenchmarkSettings.Usage);
    return 0;
}

var pets = PhotoSet.FindPets(settings.DataFolder);
var all = PhotoSet.Load(pets, limit: 0);
var photos = settings.Limit == 0 ? all : PhotoSet.Load(pets, settings.Limit);
Console.WriteLine($"DogClassifier benchmarks: {photos.Images.Count} photos from {pets}");
Console.WriteLine($"  {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, " +
    $".NET {Environment.Version}, ONNX Runtime {typeof(InferenceSession).Assembly.GetName().Version}");
Console.WriteLine($"  load average at start: {Machine.LoadAverage()}");

using var memory = new MemorySampler(TimeSpan.FromMilliseconds(50));
using var lease = BackboneLease.Acquire(BackboneOptions.Default, NullLogger.Instance);
var tensors = new ReadyTensors(lease.Backbone, ImageOptions.Default, photos.Images, count: 8);
if (settings.Sections.Contains("throughput"))
{
    new ThroughputBenchmark(lease.Backbone, ImageOptions.Default, tensors).Run(photos, settings.Rounds, memory);
}

if (settings.Sections.Contains("latency"))
{
    var training = PhotoSet.PerClass(all, settings.TrainPerClass).Split();
    using var trained = await new ImageClassifierTrainer(new TrainingOptions { UseFeatureCache = false })
        .TrainAsync(training);
    new LatencyBenchmark(trained.Model, lease.Backbone, tensors).Run(photos.Images, settings.Predictions);
}

if (settings.Sections.Contains("cache"))
{
    await CacheBenchmark.RunAsync(photos);
}

if (settings.Sections.Contains("explore"))
{
    new Exploration(ImageOptions.Default, lease.Backbone.Preparation, tensors).Run(photos, settings.Rounds);
}

Console.WriteLine();
Console.WriteLine($"Process peak working set: {Machine.PeakWorkingSetMegabytes():0} MB; " +
    $"load average at end: {Machine.LoadAverage()}");
return 0;
