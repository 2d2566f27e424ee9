namespace DogClassifier.Tests.Support.Encoders;

/// <summary>The forward DCT of one 8×8 block and its quantisation, in zig-zag order.</summary>
internal static class JpegBlock
{
    /// <summary>The natural (row-major) index of each zig-zag position.</summary>
    public static readonly int[] ZigZag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    private static readonly double[,] Cosines = BuildCosines();

    /// <summary>The DCT coefficients of block (<paramref name="bx"/>, <paramref name="by"/>), row-major.</summary>
    public static double[] Forward(int bx, int by, Func<int, int, byte> sample)
    {
        var shifted = new double[8, 8];
        for (int y = 0; y < 8; y++)
        {
            for (int x = 0; x < 8; x++)
            {
                shifted[y, x] = sample((bx * 8) + x, (by * 8) + y) - 128.0;
            }
        }

        var coefficients = new double[64];
        for (int v = 0; v < 8; v++)
        {
            for (int u = 0; u < 8; u++)
            {
                double sum = 0;
                for (int y = 0; y < 8; y++)
                {
                    for (int x = 0; x < 8; x++)
                    {
                        sum += shifted[y, x] * Cosines[x, u] * Cosines[y, v];
                    }
                }

                coefficients[(v * 8) + u] = 0.25 * Scale(u) * Scale(v) * sum;
            }
        }

        return coefficients;
    }

    /// <summary>Divides by the quantiser and rounds, returning the values in zig-zag order.</summary>
    public static int[] Quantize(double[] coefficients, int quantizer)
    {
        var result = new int[64];
        for (int k = 0; k < 64; k++)
        {
            result[k] = (int)Math.Round(coefficients[ZigZag[k]] / quantizer);
        }

        return result;
    }

    private static double Scale(int frequency) => frequency == 0 ? 1 / Math.Sqrt(2) : 1;

    private static double[,] BuildCosines()
    {
        var table = new double[8, 8];
        for (int x = 0; x < 8; x++)
        {
            for (int u = 0; u < 8; u++)
            {
                table[x, u] = Math.Cos(((2 * x) + 1) * u * Math.PI / 16);
            }
        }

        return table;
    }
}
