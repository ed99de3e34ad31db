using System.Buffers.Binary;

namespace LinkedInPosts.Sandbox.Media;

/// <summary>What the sandbox learns from an upload's first bytes.</summary>
/// <param name="FailureReason">Why LinkedIn's processing would fail on these bytes, or null.</param>
/// <param name="ContentType">The media type to serve the download with.</param>
/// <param name="Dimensions">Pixel size of an image, when its header says.</param>
internal sealed record MediaInspection(string? FailureReason, string ContentType, (int Width, int Height)? Dimensions);

/// <summary>
/// Cheap checks of an uploaded file's header, the ones LinkedIn documents: images are JPG, PNG or GIF
/// under 36,152,320 pixels; documents PDF, PPT, PPTX, DOC or DOCX; videos MP4 (linkedin-api.md 3).
/// Only headers are read (a JPEG's segment headers up to its frame header), never the whole file.
/// </summary>
internal static class MediaFormats
{
    /// <summary>LinkedIn's image limit: width × height must be under this.</summary>
    public const long MaxImagePixels = 36_152_320;

    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Ole2 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static MediaInspection Inspect(SandboxMediaKind kind, string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        Span<byte> head = stackalloc byte[32];
        var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..length];
        return kind switch
        {
            SandboxMediaKind.Image => InspectImage(file, head),
            SandboxMediaKind.Document => InspectDocument(head),
            _ => InspectVideo(head),
        };
    }

    private static MediaInspection InspectImage(FileStream file, ReadOnlySpan<byte> head)
    {
        (string Type, (int, int)? Size)? found = null;
        if (head.StartsWith(Png))
        {
            found = ("image/png", head.Length >= 24 && head[12..16].SequenceEqual("IHDR"u8)
                ? (checked((int)BinaryPrimitives.ReadUInt32BigEndian(head[16..])), checked((int)BinaryPrimitives.ReadUInt32BigEndian(head[20..])))
                : null);
        }
        else if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            found = ("image/gif", head.Length >= 10
                ? (BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..]))
                : null);
        }
        else if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            found = ("image/jpeg", JpegSize(file));
        }

        if (found is not { } image)
        {
            return new MediaInspection("The bytes are not a JPG, PNG or GIF image", "application/octet-stream", null);
        }
        if (image.Size is not { } size || size.Item1 <= 0 || size.Item2 <= 0)
        {
            return new MediaInspection("The image header gives no width and height", image.Type, null);
        }
        var pixels = (long)size.Item1 * size.Item2;
        return pixels >= MaxImagePixels
            ? new MediaInspection($"The image has {pixels} pixels ({size.Item1} x {size.Item2}); LinkedIn takes fewer than {MaxImagePixels}", image.Type, size)
            : new MediaInspection(null, image.Type, size);
    }

    /// <summary>Walks a JPEG's segment headers to its first frame header (SOFn) and reads the size there.</summary>
    private static (int, int)? JpegSize(FileStream file)
    {
        Span<byte> segment = stackalloc byte[7];
        file.Position = 2;
        while (true)
        {
            int marker;
            do
            {
                marker = file.ReadByte();
            }
            while (marker == 0xFF);
            if (marker < 0)
            {
                return null;
            }
            // Standalone markers carry no length.
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }
            if (file.ReadAtLeast(segment[..2], 2, throwOnEndOfStream: false) < 2)
            {
                return null;
            }
            var segmentLength = BinaryPrimitives.ReadUInt16BigEndian(segment);
            var isFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrame)
            {
                if (file.ReadAtLeast(segment[..5], 5, throwOnEndOfStream: false) < 5)
                {
                    return null;
                }
                return (BinaryPrimitives.ReadUInt16BigEndian(segment[3..]), BinaryPrimitives.ReadUInt16BigEndian(segment[1..]));
            }
            if (marker is 0xDA or 0xD9 || segmentLength < 2)
            {
                return null; // image data or the end came before any frame header
            }
            file.Position += segmentLength - 2;
            // The next byte must start a marker; anything else means the file is not what it claims.
            if (file.ReadByte() != 0xFF)
            {
                return null;
            }
        }
    }

    private static MediaInspection InspectDocument(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return new MediaInspection(null, "application/pdf", null);
        }
        // DOC and PPT are OLE2 compound files; DOCX and PPTX are ZIP packages.
        if (head.StartsWith(Ole2) || head.StartsWith("PK\u0003\u0004"u8))
        {
            return new MediaInspection(null, "application/octet-stream", null);
        }
        return new MediaInspection("The bytes are not a PDF, PPT, PPTX, DOC or DOCX document", "application/octet-stream", null);
    }

    private static MediaInspection InspectVideo(ReadOnlySpan<byte> head) =>
        head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8)
            ? new MediaInspection(null, "video/mp4", null)
            : new MediaInspection("The bytes are not an MP4 video (no ftyp box at the start)", "application/octet-stream", null);
}
