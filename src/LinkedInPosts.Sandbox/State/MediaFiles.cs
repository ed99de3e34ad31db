using System.Buffers;
using System.Security.Cryptography;

namespace LinkedInPosts.Sandbox.State;

/// <summary>What one upload wrote to disk.</summary>
/// <param name="Length">Bytes written (at most the limit given).</param>
/// <param name="Sha256">Lowercase hex SHA-256 of those bytes.</param>
/// <param name="ExceededLimit">The body had more bytes than the limit; the rest was not read.</param>
internal sealed record ReceivedFile(long Length, string Sha256, bool ExceededLimit);

/// <summary>
/// The folder where this sandbox instance keeps uploaded bytes, so memory stays bounded whatever the
/// file sizes: bodies are streamed through a small pooled buffer straight to disk and hashed on the way.
/// The folder is created on first use, emptied by reset and deleted on dispose. Thread-safe; nothing
/// here needs the state lock.
/// </summary>
internal sealed class MediaFiles : IDisposable
{
    private const int BufferSize = 81_920;

    private readonly string _root;
    private readonly object _create = new();
    private string? _folder;

    public MediaFiles(string? root)
    {
        _root = root ?? Path.GetTempPath();
    }

    /// <summary>The instance's folder; null until something was uploaded.</summary>
    public string? Folder => Volatile.Read(ref _folder);

    /// <summary>A fresh, unused path in the folder.</summary>
    public string NewPath(string suffix) => Path.Combine(EnsureFolder(), Guid.NewGuid().ToString("N") + suffix);

    /// <summary>
    /// Streams <paramref name="body"/> to <paramref name="path"/>, reading at most <paramref name="limit"/>
    /// bytes plus one (to tell "exactly the limit" from "more"); what lies beyond is left unread.
    /// </summary>
    public static async Task<ReceivedFile> ReceiveAsync(Stream body, string path, long? limit, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            long length = 0;
            while (true)
            {
                var wanted = limit is { } max ? (int)Math.Min(BufferSize, max + 1 - length) : BufferSize;
                if (wanted <= 0)
                {
                    break;
                }
                var read = await body.ReadAsync(buffer.AsMemory(0, wanted), ct);
                if (read == 0)
                {
                    break;
                }
                if (limit is { } cap && length + read > cap)
                {
                    return new ReceivedFile(length, Convert.ToHexStringLower(hash.GetHashAndReset()), ExceededLimit: true);
                }
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
                length += read;
            }
            return new ReceivedFile(length, Convert.ToHexStringLower(hash.GetHashAndReset()), ExceededLimit: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Concatenates <paramref name="parts"/> in order into <paramref name="target"/>; returns its length and SHA-256.</summary>
    public static async Task<(long Length, string Sha256)> ConcatenateAsync(IEnumerable<string> parts, string target)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long length = 0;
            await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            foreach (var part in parts)
            {
                await using var input = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
                int read;
                while ((read = await input.ReadAsync(buffer.AsMemory(0, BufferSize))) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read));
                    length += read;
                }
            }
            return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Deletes a file if it is there; a file still open elsewhere (Windows) is left for the folder's deletion.</summary>
    public static void Delete(string? path)
    {
        if (path is null)
        {
            return;
        }
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Someone is still reading or writing it; reset and dispose remove the folder's contents later.
        }
    }

    /// <summary>Empties the folder (reset).</summary>
    public void Clear()
    {
        if (Folder is not { } folder || !Directory.Exists(folder))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            Delete(file);
        }
    }

    /// <summary>Deletes the folder with everything in it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _folder, null) is not { } folder)
        {
            return;
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open elsewhere; the system's temp cleanup takes the rest.
        }
    }

    private string EnsureFolder()
    {
        if (Folder is { } existing)
        {
            return existing;
        }
        lock (_create)
        {
            if (_folder is null)
            {
                var folder = Path.Combine(_root, "linkedinposts-sandbox-" + RandomIds.UploadKey()[..12]);
                // Uploads are the user's files: on Unix only the user may read them (0700).
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(folder);
                }
                else
                {
                    Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
                Volatile.Write(ref _folder, folder);
            }
            return _folder!;
        }
    }
}
