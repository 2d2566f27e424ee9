using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DogClassifier.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DogClassifier.Featurization;

/// <summary>
/// A persistent store of feature vectors, one small binary file per entry, keyed by the image's
/// content hash together with a fingerprint of the preprocessing settings and the network's hash,
/// so that a changed image, changed settings or a different network can never hit a stale entry.
/// </summary>
/// <remarks>
/// The format is binary and little-endian, so it reads the same under every culture. Each entry
/// repeats its key and carries a checksum of its payload; an entry that is truncated, garbled or
/// written for another key is logged, deleted and recomputed, never trusted. Writes go to a
/// temporary file that is then renamed, so a crash leaves no half-written entry.
/// </remarks>
internal sealed class FeatureCache
{
    private const uint Magic = 0x43464344; // "DCFC" read as little-endian bytes.
    private const int FormatVersion = 1;
    private const int KeyBytes = 32;
    private const int ChecksumBytes = 8;
    private const int HeaderBytes = 4 + 4 + KeyBytes + 4;

    private readonly string _directory;
    private readonly ILogger _logger;

    public FeatureCache(string directory, ILogger logger)
    {
        _directory = directory;
        _logger = logger;
        Directory.CreateDirectory(directory);
    }

    public string DirectoryPath => _directory;

    /// <summary>The key of one image's features under one fingerprint.</summary>
    public static byte[] Key(ReadOnlySpan<byte> contentHash, string fingerprint)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(contentHash);
        hash.AppendData(Encoding.UTF8.GetBytes(fingerprint));
        return hash.GetHashAndReset();
    }

    /// <summary>Reads an entry into <paramref name="features"/>; false when absent or unusable.</summary>
    public bool TryRead(byte[] key, Span<float> features)
    {
        var path = PathOf(key);
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return false;
        }

        if (Parse(bytes, key, features) is string problem)
        {
            Log.CacheEntryRejected(_logger, path, problem);
            TryDelete(path);
            return false;
        }

        return true;
    }

    /// <summary>Writes an entry atomically; a failure to write is logged and otherwise ignored.</summary>
    public void Write(byte[] key, ReadOnlySpan<float> features)
    {
        var path = PathOf(key);
        var bytes = new byte[HeaderBytes + (features.Length * 4) + ChecksumBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), FormatVersion);
        key.CopyTo(bytes, 8);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8 + KeyBytes), features.Length);
        var body = bytes.AsSpan(HeaderBytes, features.Length * 4);
        for (int i = 0; i < features.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(body[(i * 4)..], features[i]);
        }

        Checksum(body).CopyTo(bytes.AsSpan(HeaderBytes + body.Length));

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.WriteAllBytes(path, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.CacheWriteFailed(_logger, path, ex.Message);
        }
    }

    private static string? Parse(byte[] bytes, byte[] key, Span<float> features)
    {
        if (bytes.Length < HeaderBytes + ChecksumBytes)
        {
            return "the entry is truncated";
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            return "the entry is not a feature-cache file";
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != FormatVersion)
        {
            return "the entry was written in another format version";
        }

        if (!bytes.AsSpan(8, KeyBytes).SequenceEqual(key))
        {
            return "the entry belongs to another key";
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8 + KeyBytes));
        if (count != features.Length || bytes.Length != HeaderBytes + (count * 4) + ChecksumBytes)
        {
            return "the entry has the wrong length";
        }

        var body = bytes.AsSpan(HeaderBytes, count * 4);
        if (!Checksum(body).AsSpan().SequenceEqual(bytes.AsSpan(HeaderBytes + body.Length)))
        {
            return "the entry's checksum does not match its contents";
        }

        for (int i = 0; i < count; i++)
        {
            features[i] = BinaryPrimitives.ReadSingleLittleEndian(body[(i * 4)..]);
        }

        return null;
    }

    private static byte[] Checksum(ReadOnlySpan<byte> body) => SHA256.HashData(body)[..ChecksumBytes];

    private string PathOf(byte[] key)
    {
        var hex = Convert.ToHexStringLower(key);
        return Path.Combine(_directory, hex[..2], hex + ".bin");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
