using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LinkedInPosts.PowerShell.Tests.Hosting;

/// <summary>
/// Small real media files written into a temporary folder of one test (deleted with it): PNG images
/// with valid chunks and checksums, a PDF, an MP4 with an ftyp box. Each file's bytes differ (a seed
/// goes into the pixels or the payload), so the sandbox and LinkedIn see distinct media.
/// </summary>
public sealed class TestMediaFiles : IDisposable
{
    private static int _seed;

    public TestMediaFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "linkedinposts-media-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The folder the files are written to (absolute).</summary>
    public string Folder { get; }

    /// <summary>A PNG of <paramref name="width"/> × <paramref name="height"/> pixels at <paramref name="name"/> (relative to <see cref="Folder"/>).</summary>
    public string Png(string name, int width = 8, int height = 6)
    {
        var seed = Interlocked.Increment(ref _seed);
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                raw.WriteByte((byte)(x * 31 + seed));
                raw.WriteByte((byte)(y * 17 + seed * 7));
                raw.WriteByte((byte)(seed * 13));
            }
        }
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(zlib);
        }

        var png = new MemoryStream();
        png.Write(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", Array.Empty<byte>());
        return Write(name, png.ToArray());
    }

    /// <summary>A one-page PDF at <paramref name="name"/>.</summary>
    public string Pdf(string name)
    {
        var seed = Interlocked.Increment(ref _seed);
        var text = "%PDF-1.4\n" +
            "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
            "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
            "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n" +
            $"% runbook {seed}\n" +
            "trailer << /Root 1 0 R >>\n%%EOF\n";
        return Write(name, Encoding.ASCII.GetBytes(text));
    }

    /// <summary>An MP4 of exactly <paramref name="sizeBytes"/> bytes: an ftyp box, then an mdat box of seeded bytes.</summary>
    public string Mp4(string name, int sizeBytes)
    {
        var seed = Interlocked.Increment(ref _seed);
        var bytes = new byte[sizeBytes];
        var ftyp = new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0, (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1' };
        ftyp.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(ftyp.Length), (uint)(sizeBytes - ftyp.Length));
        Encoding.ASCII.GetBytes("mdat").CopyTo(bytes, ftyp.Length + 4);
        new Random(seed).NextBytes(bytes.AsSpan(ftyp.Length + 8));
        return Write(name, bytes);
    }

    /// <summary>A file of <paramref name="text"/> (for the wrong-content cases).</summary>
    public string Text(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    /// <summary>The CRC-32 PNG chunks carry (polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
