using System.IO;

namespace LinkedInPosts.Core.Media
{
    /// <summary>
    /// Image dimensions and GIF frames from the headers alone: PNG's IHDR, JPEG's SOFn segment, GIF's
    /// logical screen and image descriptors. The stream is read forward in small pieces; nothing is decoded.
    /// A damaged header is an <see cref="InvalidDataException"/> naming what is wrong.
    /// </summary>
    internal static class ImageHeaders
    {
        public static (int Width, int Height) ReadPng(Stream stream)
        {
            // Signature (8), then the first chunk: length (4), "IHDR" (4), width (4), height (4), big-endian.
            var header = ReadAt(stream, 0, 24, "the IHDR chunk is missing");
            if (header[12] != 'I' || header[13] != 'H' || header[14] != 'D' || header[15] != 'R')
            {
                throw new InvalidDataException("the first chunk is not IHDR");
            }
            return Checked(BigEndian32(header, 16), BigEndian32(header, 20));
        }

        public static (int Width, int Height) ReadJpeg(Stream stream)
        {
            stream.Position = 2; // after SOI
            while (true)
            {
                var b = stream.ReadByte();
                if (b < 0)
                {
                    throw new InvalidDataException("the file ends before a frame header (SOF)");
                }
                if (b != 0xFF)
                {
                    continue; // stray bytes between segments: tolerated, as decoders do
                }
                int marker;
                do
                {
                    marker = stream.ReadByte();
                }
                while (marker == 0xFF);
                if (marker < 0)
                {
                    throw new InvalidDataException("the file ends before a frame header (SOF)");
                }
                if (marker == 0x00 || marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7))
                {
                    continue; // markers without a length
                }
                if (marker == 0xD9 || marker == 0xDA)
                {
                    throw new InvalidDataException("the image data starts before any frame header (SOF)");
                }
                var lengthBytes = Read(stream, 2, "a segment is cut short");
                var length = (lengthBytes[0] << 8) | lengthBytes[1];
                if (length < 2)
                {
                    throw new InvalidDataException("a segment has an impossible length");
                }
                if (IsStartOfFrame(marker))
                {
                    var frame = Read(stream, 5, "the frame header is cut short");
                    return Checked((frame[3] << 8) | frame[4], (frame[1] << 8) | frame[2]);
                }
                stream.Seek(length - 2, SeekOrigin.Current);
            }
        }

        public static (int Width, int Height) ReadGifScreen(Stream stream)
        {
            var header = ReadAt(stream, 0, 13, "the logical screen descriptor is cut short");
            return Checked(header[6] | (header[7] << 8), header[8] | (header[9] << 8));
        }

        /// <summary>Counts image descriptors, stopping once <paramref name="stopAt"/> are seen.</summary>
        public static int CountGifFrames(Stream stream, int stopAt)
        {
            var header = ReadAt(stream, 0, 13, "the logical screen descriptor is cut short");
            if ((header[10] & 0x80) != 0)
            {
                stream.Seek(3L << ((header[10] & 0x07) + 1), SeekOrigin.Current); // global color table
            }
            var frames = 0;
            while (frames < stopAt)
            {
                var block = stream.ReadByte();
                if (block < 0 || block == 0x3B)
                {
                    break; // trailer (many GIFs in the wild end without one)
                }
                if (block == 0x21)
                {
                    stream.ReadByte(); // extension label
                    SkipSubBlocks(stream);
                }
                else if (block == 0x2C)
                {
                    frames++;
                    var descriptor = Read(stream, 9, "an image descriptor is cut short");
                    if ((descriptor[8] & 0x80) != 0)
                    {
                        stream.Seek(3L << ((descriptor[8] & 0x07) + 1), SeekOrigin.Current); // local color table
                    }
                    stream.ReadByte(); // LZW minimum code size
                    SkipSubBlocks(stream);
                }
                else
                {
                    break; // not a GIF block: decoders stop showing frames here, so counting stops too
                }
            }
            return frames;
        }

        private static void SkipSubBlocks(Stream stream)
        {
            while (true)
            {
                var size = stream.ReadByte();
                if (size <= 0)
                {
                    return;
                }
                stream.Seek(size, SeekOrigin.Current);
            }
        }

        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
        private static bool IsStartOfFrame(int marker) => marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;

        private static (int, int) Checked(long width, long height)
        {
            if (width <= 0 || height <= 0 || width > int.MaxValue || height > int.MaxValue)
            {
                throw new InvalidDataException($"it gives impossible dimensions {width} × {height}");
            }
            return ((int)width, (int)height);
        }

        private static long BigEndian32(byte[] b, int offset) => ((long)b[offset] << 24) | ((long)b[offset + 1] << 16) | ((long)b[offset + 2] << 8) | b[offset + 3];

        private static byte[] ReadAt(Stream stream, long offset, int count, string problem)
        {
            stream.Position = offset;
            return Read(stream, count, problem);
        }

        private static byte[] Read(Stream stream, int count, string problem)
        {
            var buffer = new byte[count];
            if (MediaSniffer.ReadUpTo(stream, buffer) < count)
            {
                throw new InvalidDataException(problem);
            }
            return buffer;
        }
    }
}
