using DogClassifier.Throughput;

return args.FirstOrDefault() switch
{
    "train" => await TrainCommand.RunAsync(Arguments.Parse(args[1..])),
    "pool" => PoolCommand.Run(Arguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Measures pooled prediction, and trains a small model to measure it on.

          train --data <folder> --out <model.zip> [--per-class 40] [--positive dog]
              Trains on the first photos of each class folder (in name order).
          pool --model <model.zip> --images <folder> [--threads 1,2,4] [--seconds 20] [--count 64]
              Predicts images held in memory from that many threads at once and prints images/s.
        """);
    return 2;
}
