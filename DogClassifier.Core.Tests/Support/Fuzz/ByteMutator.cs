namespace DogClassifier.Tests.Support.Fuzz;

/// <summary>One mutated input and how it was made, so that a failure can be reproduced.</summary>
/// <param name="Bytes">The mutated bytes.</param>
/// <param name="Description">The seed file and the mutations applied, in words.</param>
internal sealed record MutatedInput(byte[] Bytes, string Description);

/// <summary>
/// Damages valid files the ways storage and transfers do: flipped bytes (often in the header),
/// truncation, inserted junk, and pieces spliced in from elsewhere. Each case is reproducible
/// from its seed and index alone.
/// </summary>
internal static class ByteMutator
{
    private const int HeaderBytes = 512;

    public static MutatedInput Mutate(IReadOnlyList<(string Name, byte[] Bytes)> seeds, int seed, int index)
    {
        // Not HashCode.Combine: its results change from one process to the next.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var (name, original) = seeds[random.Next(seeds.Count)];
        var bytes = original.ToList();
        var steps = new List<string>();
        var count = 1 + random.Next(3);
        for (int i = 0; i < count && bytes.Count > 0; i++)
        {
            steps.Add(random.Next(5) switch
            {
                0 or 1 => Flip(bytes, random),
                2 => Truncate(bytes, random),
                3 => Insert(bytes, random),
                _ => Splice(bytes, seeds[random.Next(seeds.Count)].Bytes, random),
            });
        }

        return new MutatedInput([.. bytes], $"seed {seed}, case {index}: {name}, {string.Join("; ", steps)}");
    }

    private static string Flip(List<byte> bytes, Random random)
    {
        var headerOnly = random.Next(2) == 0;
        var limit = headerOnly ? Math.Min(bytes.Count, HeaderBytes) : bytes.Count;
        var flips = 1 + random.Next(8);
        for (int i = 0; i < flips; i++)
        {
            var at = random.Next(limit);
            bytes[at] ^= (byte)(1 + random.Next(255));
        }

        return $"{flips} byte(s) flipped in the first {limit}";
    }

    private static string Truncate(List<byte> bytes, Random random)
    {
        var keep = random.Next(bytes.Count);
        bytes.RemoveRange(keep, bytes.Count - keep);
        return $"truncated to {keep}";
    }

    private static string Insert(List<byte> bytes, Random random)
    {
        var at = random.Next(bytes.Count + 1);
        var junk = new byte[1 + random.Next(64)];
        random.NextBytes(junk);
        bytes.InsertRange(at, junk);
        return $"{junk.Length} random byte(s) inserted at {at}";
    }

    private static string Splice(List<byte> bytes, byte[] donor, Random random)
    {
        var length = 1 + random.Next(Math.Min(donor.Length, 256));
        var from = random.Next(donor.Length - length + 1);
        var at = random.Next(bytes.Count);
        var replaced = Math.Min(length, bytes.Count - at);
        bytes.RemoveRange(at, replaced);
        bytes.InsertRange(at, donor.AsSpan(from, length).ToArray());
        return $"{length} byte(s) from offset {from} of another file spliced in at {at}";
    }
}
