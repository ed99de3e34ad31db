using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using LinkedInPosts.Core.Tests.Sandbox;

namespace LinkedInPosts.Core.Tests.Media;

/// <summary>A temporary folder for one test's files, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "linkedinposts-media-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A file of <paramref name="length"/> bytes that starts with <paramref name="header"/> and takes no disk space (sparse).</summary>
    public string Sparse(string name, byte[] header, long length)
    {
        var path = System.IO.Path.Combine(Path, name);
        using var stream = File.Create(path);
        stream.Write(header);
        stream.SetLength(length);
        return path;
    }

    /// <summary>A generated MP4 of exactly <paramref name="length"/> bytes, streamed to disk (see <see cref="GeneratedBytes"/>).</summary>
    public string Video(string name, long length)
    {
        var path = System.IO.Path.Combine(Path, name);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var generated = new GeneratedBytes(0, length);
        generated.CopyTo(file, 1 << 16);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a cancelled upload on Windows; the temp folder is cleaned later.
        }
    }
}

/// <summary>Real, tiny files of each format, built byte by byte the way their specifications lay them out.</summary>
internal static class SampleFiles
{
    public static byte[] Png(int width, int height) => MediaSamples.Png(width, height);

    public static byte[] Jpeg(int width, int height) => MediaSamples.Jpeg(width, height);

    public static byte[] Pdf() => MediaSamples.Pdf();

    /// <summary>A GIF89a with a 2-colour global table and <paramref name="frames"/> 1×1 frames, each after a graphic control extension.</summary>
    public static byte[] Gif(int width, int height, int frames)
    {
        var bytes = new List<byte>();
        bytes.AddRange("GIF89a"u8.ToArray());
        bytes.AddRange([(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0, 0]);
        bytes.AddRange([0, 0, 0, 255, 255, 255]); // global color table: 2 entries
        bytes.AddRange([0x21, 0xFF, 0x0B]); // application extension (NETSCAPE2.0 loop), sub-blocks
        bytes.AddRange("NETSCAPE2.0"u8.ToArray());
        bytes.AddRange([0x03, 0x01, 0x00, 0x00, 0x00]);
        for (var i = 0; i < frames; i++)
        {
            bytes.AddRange([0x21, 0xF9, 0x04, 0x00, 0x0A, 0x00, 0x00, 0x00]); // graphic control extension
            bytes.AddRange([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0x00]); // image descriptor, no local table
            bytes.AddRange([0x02, 0x02, 0x4C, 0x01, 0x00]); // LZW minimum code size, one sub-block, terminator
        }
        bytes.Add(0x3B);
        return bytes.ToArray();
    }

    /// <summary>An Office Open XML package: [Content_Types].xml plus a part under <paramref name="folder"/> (word, ppt, xl).</summary>
    public static byte[] OfficeOpenXml(string folder)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Entry(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>");
            if (folder.Length > 0)
            {
                Entry(zip, folder + "/document.xml", "<?xml version=\"1.0\"?><document/>");
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A PPTX whose zip directory lists <paramref name="slides"/> slide parts (and, as real decks do, notes and layouts).</summary>
    public static byte[] Pptx(int slides)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Entry(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>");
            Entry(zip, "ppt/presentation.xml", "<?xml version=\"1.0\"?><presentation/>");
            Entry(zip, "ppt/slideLayouts/slideLayout1.xml", "<?xml version=\"1.0\"?><sldLayout/>");
            for (var i = 1; i <= slides; i++)
            {
                Entry(zip, $"ppt/slides/slide{i}.xml", "<?xml version=\"1.0\"?><sld/>");
                Entry(zip, $"ppt/slides/_rels/slide{i}.xml.rels", "<?xml version=\"1.0\"?><Relationships/>");
                Entry(zip, $"ppt/notesSlides/notesSlide{i}.xml", "<?xml version=\"1.0\"?><notes/>");
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Zip(params string[] names)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in names)
            {
                Entry(zip, name, "x");
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// An OLE compound file (version 3, 512-byte sectors) whose directory spans two sectors: the root entry
    /// in the first, the <paramref name="streamName"/> stream in the second, so reading it means following
    /// the directory's chain through the FAT.
    /// </summary>
    public static byte[] CompoundFile(string streamName)
    {
        const int sector = 512;
        var bytes = new byte[sector * 4]; // header, FAT, directory 1, directory 2
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(bytes, 0);
        var header = bytes.AsSpan(0, sector);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1); // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1); // directory starts at sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], 0xFFFFFFFE);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + i * 4)..], i == 0 ? 0u : 0xFFFFFFFF);
        }
        var fat = bytes.AsSpan(sector, sector);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);      // sector 0 is the FAT
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 2);          // directory: sector 1 -> 2
        BinaryPrimitives.WriteUInt32LittleEndian(fat[8..], 0xFFFFFFFE); // -> end of chain
        DirectoryEntry(bytes.AsSpan(sector * 2, 128), "Root Entry", 5);
        DirectoryEntry(bytes.AsSpan(sector * 3, 128), streamName, 2);
        return bytes;
    }

    /// <summary>An ISO media file header with the given major brand, then zeros.</summary>
    public static byte[] IsoMedia(string brand, int length = 64)
    {
        var bytes = new byte[length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, 20);
        Encoding.ASCII.GetBytes("ftyp" + brand).CopyTo(bytes, 4);
        return bytes;
    }

    private static void DirectoryEntry(Span<byte> entry, string name, byte type)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name + "\0");
        nameBytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)nameBytes.Length);
        entry[0x42] = type;
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}
