using System;
using System.IO;
using System.Text;

namespace LinkedInPosts.Core.Media
{
    /// <summary>
    /// Tells a file's format from its first bytes (and, for Office files, from their directory). For a
    /// format LinkedIn does not take, it names what the file is and how to convert it, where it can.
    /// </summary>
    internal static class MediaSniffer
    {
        private const int HeaderLength = 1024;
        private const string ImageHint = "Convert it to PNG or JPEG.";
        private const string VideoHint = "Convert it to an MP4 (H.264) video.";
        private const string DocumentHint = "Save it as PDF (or as PPTX/DOCX).";

        internal sealed class Result
        {
            public MediaFormat? Format { get; set; }

            /// <summary>For an unsupported file: what it is, e.g. "a WebP image".</summary>
            public string Description { get; set; } = "not a file type this module recognises";

            public string Hint { get; set; } = string.Empty;

            /// <summary>True when the file's name claims a supported format its content is not.</summary>
            public bool ExtensionClaimsSupported { get; set; }

            /// <summary>A PPTX's slides (its zip directory lists one part per slide); null where pages are not counted.</summary>
            public int? Pages { get; set; }
        }

        public static Result Sniff(FileStream stream, string path)
        {
            var header = new byte[HeaderLength];
            stream.Position = 0;
            var length = ReadUpTo(stream, header);
            var result = SniffHeader(stream, header, length, path);
            if (result.Format == null)
            {
                result.ExtensionClaimsSupported = ClaimsSupported(Path.GetExtension(path));
            }
            stream.Position = 0;
            return result;
        }

        private static Result SniffHeader(FileStream stream, byte[] h, int n, string path)
        {
            if (Starts(h, n, 0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
            {
                return Supported(MediaFormat.Png);
            }
            if (Starts(h, n, 0, 0xFF, 0xD8, 0xFF))
            {
                return Supported(MediaFormat.Jpeg);
            }
            if (Ascii(h, n, 0, "GIF87a") || Ascii(h, n, 0, "GIF89a"))
            {
                return Supported(MediaFormat.Gif);
            }
            // PDF readers accept the header anywhere in the first 1024 bytes; so does this.
            if (IndexOf(h, n, "%PDF-") >= 0)
            {
                return Supported(MediaFormat.Pdf);
            }
            if (Starts(h, n, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))
            {
                return OfficeFiles.ClassifyCompoundFile(stream, h, n, path);
            }
            if (Starts(h, n, 0, 0x50, 0x4B, 0x03, 0x04))
            {
                return OfficeFiles.ClassifyZip(stream);
            }
            if (Ascii(h, n, 4, "ftyp"))
            {
                return Mp4Brand(n >= 12 ? Encoding.ASCII.GetString(h, 8, 4) : string.Empty);
            }
            return Unsupported(h, n);
        }

        // An ISO media file with an ftyp box: MP4 unless its major brand says it is something else in the same container.
        private static Result Mp4Brand(string brand)
        {
            switch (brand)
            {
                case "qt  ":
                    return NotSupported("a QuickTime (MOV) video", VideoHint);
                case "heic":
                case "heix":
                case "hevc":
                case "hevx":
                case "heim":
                case "heis":
                case "mif1":
                case "msf1":
                    return NotSupported("a HEIC/HEIF image", ImageHint);
                case "avif":
                case "avis":
                    return NotSupported("an AVIF image", ImageHint);
                case "M4A ":
                case "M4B ":
                case "M4P ":
                    return NotSupported("an MPEG-4 audio file", "LinkedIn posts take video, not audio alone; " + VideoHint);
                case "crx ":
                    return NotSupported("a Canon raw image", ImageHint);
                default:
                    return Supported(MediaFormat.Mp4);
            }
        }

        private static Result Unsupported(byte[] h, int n)
        {
            if (Ascii(h, n, 0, "RIFF") && Ascii(h, n, 8, "WEBP"))
            {
                return NotSupported("a WebP image", ImageHint);
            }
            if (Ascii(h, n, 0, "RIFF") && Ascii(h, n, 8, "AVI "))
            {
                return NotSupported("an AVI video", VideoHint);
            }
            if (Starts(h, n, 0, 0x1A, 0x45, 0xDF, 0xA3))
            {
                return NotSupported("a WebM or Matroska video", VideoHint);
            }
            if (Ascii(h, n, 4, "moov") || Ascii(h, n, 4, "mdat") || Ascii(h, n, 4, "wide"))
            {
                return NotSupported("a QuickTime (MOV) video", VideoHint);
            }
            if (Ascii(h, n, 0, "II*\0") || Ascii(h, n, 0, "MM\0*"))
            {
                return NotSupported("a TIFF image", ImageHint);
            }
            if (Ascii(h, n, 0, "BM") && n >= 14)
            {
                return NotSupported("a BMP image", ImageHint);
            }
            if (Ascii(h, n, 0, "{\\rtf"))
            {
                return NotSupported("an RTF document", DocumentHint);
            }
            return NotSupported("not a file type this module recognises", string.Empty);
        }

        internal static Result Supported(MediaFormat format) => new Result { Format = format };

        internal static Result NotSupported(string description, string hint) => new Result { Description = description, Hint = hint };

        private static bool ClaimsSupported(string extension)
        {
            switch (extension.ToLowerInvariant())
            {
                case ".jpg":
                case ".jpeg":
                case ".png":
                case ".gif":
                case ".pdf":
                case ".doc":
                case ".docx":
                case ".ppt":
                case ".pptx":
                case ".mp4":
                    return true;
                default:
                    return false;
            }
        }

        internal static int ReadUpTo(Stream stream, byte[] buffer)
        {
            var total = 0;
            while (total < buffer.Length)
            {
                var read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0)
                {
                    break;
                }
                total += read;
            }
            return total;
        }

        private static bool Starts(byte[] h, int n, int offset, params byte[] expected)
        {
            if (n < offset + expected.Length)
            {
                return false;
            }
            for (var i = 0; i < expected.Length; i++)
            {
                if (h[offset + i] != expected[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static bool Ascii(byte[] h, int n, int offset, string expected)
        {
            if (n < offset + expected.Length)
            {
                return false;
            }
            for (var i = 0; i < expected.Length; i++)
            {
                if (h[offset + i] != (byte)expected[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static int IndexOf(byte[] h, int n, string needle)
        {
            for (var i = 0; i + needle.Length <= n; i++)
            {
                if (Ascii(h, n, i, needle))
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
