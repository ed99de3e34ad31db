using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace LinkedInPosts.Core.Media
{
    /// <summary>
    /// Tells Word and PowerPoint files from other Office files by their directory only: the zip's central
    /// directory for PPTX/DOCX, and the compound file's directory entries (a few sectors) for PPT/DOC.
    /// </summary>
    internal static class OfficeFiles
    {
        private const string DocumentHint = "Save it as PDF (or as PPTX/DOCX).";
        private const uint LastRegularSector = 0xFFFFFFF9; // above this: end of chain, free, FAT or DIFAT markers
        private const int MaxDirectorySectors = 256;       // a guard against a damaged chain that loops
        private const int HeaderDifatEntries = 109;

        /// <summary>A ZIP: DOCX or PPTX when it holds [Content_Types].xml and a word/ or ppt/ part.</summary>
        public static MediaSniffer.Result ClassifyZip(FileStream stream)
        {
            stream.Position = 0;
            List<string> names;
            try
            {
                // Read mode on a seekable stream reads the central directory only, not the entries' data.
                using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
                names = zip.Entries.Select(e => e.FullName).ToList();
            }
            catch (InvalidDataException)
            {
                return MediaSniffer.NotSupported("a damaged ZIP archive (perhaps an Office file cut short)", "Check that the file was fully copied, or " + char.ToLowerInvariant(DocumentHint[0]) + DocumentHint.Substring(1));
            }
            if (!names.Any(n => string.Equals(n, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase)))
            {
                return MediaSniffer.NotSupported("a ZIP archive", "Post the document itself (PDF, PPTX or DOCX), not an archive.");
            }
            if (names.Any(n => n.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase)))
            {
                var pptx = MediaSniffer.Supported(MediaFormat.Pptx);
                // A slide is the part ppt/slides/slideN.xml (its notes and layouts live in other folders).
                pptx.Pages = names.Count(IsSlide);
                return pptx;
            }
            if (names.Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase)))
            {
                return MediaSniffer.Supported(MediaFormat.Docx);
            }
            if (names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)))
            {
                return MediaSniffer.NotSupported("an Excel workbook", DocumentHint);
            }
            return MediaSniffer.NotSupported("an Office Open XML file that is neither Word nor PowerPoint", DocumentHint);
        }

        private static bool IsSlide(string name) =>
            name.StartsWith("ppt/slides/slide", StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            && name.Length > "ppt/slides/slide.xml".Length
            && name.Substring("ppt/slides/slide".Length, name.Length - "ppt/slides/slide.xml".Length).All(char.IsDigit);

        /// <summary>
        /// An OLE compound file: DOC when it has a WordDocument stream, PPT when it has a "PowerPoint
        /// Document" stream. Files whose directory cannot be followed fall back to their extension.
        /// </summary>
        public static MediaSniffer.Result ClassifyCompoundFile(FileStream stream, byte[] header, int length, string path)
        {
            var names = length >= 512 ? DirectoryNames(stream, header) : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("WordDocument"))
            {
                return MediaSniffer.Supported(MediaFormat.Doc);
            }
            if (names.Contains("PowerPoint Document"))
            {
                return MediaSniffer.Supported(MediaFormat.Ppt);
            }
            if (names.Contains("EncryptedPackage"))
            {
                return MediaSniffer.NotSupported("a password-protected Office file", "Remove the password (or save it as PDF) and try again.");
            }
            if (names.Contains("Workbook") || names.Contains("Book"))
            {
                return MediaSniffer.NotSupported("an Excel 97-2003 workbook", DocumentHint);
            }
            if (names.Count == 0)
            {
                // The directory could not be read (a huge or unusual file): trust a Word or PowerPoint name.
                switch (Path.GetExtension(path).ToLowerInvariant())
                {
                    case ".doc":
                    case ".dot":
                        return MediaSniffer.Supported(MediaFormat.Doc);
                    case ".ppt":
                    case ".pps":
                    case ".pot":
                        return MediaSniffer.Supported(MediaFormat.Ppt);
                }
            }
            return MediaSniffer.NotSupported("an Office 97-2003 file that is neither Word nor PowerPoint", DocumentHint);
        }

        // Follows the directory's sector chain through the FAT sectors the header lists (the first 109).
        private static HashSet<string> DirectoryNames(FileStream stream, byte[] header)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var shift = BitConverter.ToUInt16(header, 0x1E);
            if (shift != 9 && shift != 12)
            {
                return names;
            }
            var sectorSize = 1 << shift;
            var perFatSector = (uint)(sectorSize / 4);
            var sector = new byte[sectorSize];
            var next = new byte[4];
            var current = BitConverter.ToUInt32(header, 0x30);
            for (var visited = 0; visited < MaxDirectorySectors && current <= LastRegularSector; visited++)
            {
                if (!ReadAt(stream, ((long)current + 1) << shift, sector, sectorSize))
                {
                    break;
                }
                for (var entry = 0; entry + 128 <= sectorSize; entry += 128)
                {
                    var nameBytes = BitConverter.ToUInt16(sector, entry + 0x40);
                    var type = sector[entry + 0x42];
                    if ((type == 1 || type == 2) && nameBytes >= 2 && nameBytes <= 64)
                    {
                        names.Add(Encoding.Unicode.GetString(sector, entry, nameBytes - 2));
                    }
                }
                var fatIndex = current / perFatSector;
                if (fatIndex >= HeaderDifatEntries)
                {
                    break;
                }
                var fatSector = BitConverter.ToUInt32(header, 0x4C + (int)fatIndex * 4);
                if (fatSector > LastRegularSector
                    || !ReadAt(stream, (((long)fatSector + 1) << shift) + (current % perFatSector) * 4, next, 4))
                {
                    break;
                }
                current = BitConverter.ToUInt32(next, 0);
            }
            return names;
        }

        private static bool ReadAt(FileStream stream, long offset, byte[] buffer, int count)
        {
            if (offset < 0 || offset + count > stream.Length)
            {
                return false;
            }
            stream.Position = offset;
            var total = 0;
            while (total < count)
            {
                var read = stream.Read(buffer, total, count - total);
                if (read == 0)
                {
                    return false;
                }
                total += read;
            }
            return true;
        }
    }
}
