using DogClassifier.Training;

namespace DogClassifier.Tests.Support;

/// <summary>Feature vectors drawn around one centre per class, reproducible from a seed.</summary>
internal static class SyntheticFeatures
{
    /// <summary>
    /// <paramref name="perClass"/> rows of each of <paramref name="classes"/> classes: a centre per
    /// class whose entries are ±<paramref name="separation"/>, plus unit Gaussian noise.
    /// </summary>
    public static LabeledFeatures Clusters(
        int classes, int perClass, int dimensions, double separation, int seed, int centreSeed = 7)
    {
        var centreRandom = new Random(centreSeed);
        var centres = Enumerable.Range(0, classes)
            .Select(_ => Enumerable.Range(0, dimensions)
                .Select(_ => centreRandom.Next(2) == 0 ? -separation : separation)
                .ToArray())
            .ToArray();
        var random = new Random(seed);
        var features = new List<float[]>();
        var labels = new List<int>();
        for (int c = 0; c < classes; c++)
        {
            for (int r = 0; r < perClass; r++)
            {
                features.Add([.. centres[c].Select(m => (float)(m + Gaussian(random)))]);
                labels.Add(c);
            }
        }

        return new LabeledFeatures(features, labels);
    }

    /// <summary>Rows of random features, for scoring.</summary>
    public static List<float[]> Random(int rows, int dimensions, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, rows)
            .Select(_ => Enumerable.Range(0, dimensions).Select(_ => (float)Gaussian(random)).ToArray())];
    }

    private static double Gaussian(Random random)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
