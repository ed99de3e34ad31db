using System;
using System.IO;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Media
{
    /// <summary>
    /// A local file checked against LinkedIn's media rules before anything is sent: its kind comes from
    /// its content (magic bytes, image headers, the zip or compound-file directory), not from its name,
    /// and it is read in small pieces, never whole. Every failure is a
    /// <see cref="LinkedInValidationException"/> for the field <c>Media</c> whose message names the file
    /// and the fix.
    /// </summary>
    public sealed class MediaFile
    {
        /// <summary>The validation field every media file error names.</summary>
        public const string Field = "Media";

        /// <summary>What LinkedIn accepts, as said in every unsupported-type message.</summary>
        public const string SupportedTypes = "images JPEG, PNG or GIF; documents PDF, PPT, PPTX, DOC or DOCX; videos MP4";

        private MediaFile(string path, MediaFormat format, long sizeBytes, int? width, int? height, int? frameCount, string? fileName = null)
        {
            Path = path;
            FileName = fileName ?? System.IO.Path.GetFileName(path);
            Format = format;
            Kind = KindOf(format);
            SizeBytes = sizeBytes;
            Width = width;
            Height = height;
            FrameCount = frameCount;
        }

        /// <summary>
        /// The same file under another name, for what a person reads (progress, messages) and a document's default title: a
        /// queue's stored copy is named by its SHA-256, and the name it was registered with says more.
        /// </summary>
        internal MediaFile Named(string? fileName) =>
            string.IsNullOrWhiteSpace(fileName) ? this : new MediaFile(Path, Format, SizeBytes, Width, Height, FrameCount, fileName);

        /// <summary>The full path of the file.</summary>
        public string Path { get; }

        /// <summary>The file's name, the default title of a document post.</summary>
        public string FileName { get; }

        /// <summary>Which LinkedIn API takes it.</summary>
        public MediaKind Kind { get; }

        /// <summary>The format its content is in (whatever its name says).</summary>
        public MediaFormat Format { get; }

        /// <summary>Its size when it was inspected.</summary>
        public long SizeBytes { get; }

        /// <summary>Width in pixels, for images.</summary>
        public int? Width { get; }

        /// <summary>Height in pixels, for images.</summary>
        public int? Height { get; }

        /// <summary>For GIFs, the number of frames, counted up to one more than <see cref="ContentLimits.MaxGifFrames"/>.</summary>
        public int? FrameCount { get; }

        /// <summary>Which LinkedIn API takes files of this format.</summary>
        public static MediaKind KindOf(MediaFormat format) => format switch
        {
            MediaFormat.Jpeg or MediaFormat.Png or MediaFormat.Gif => MediaKind.Image,
            MediaFormat.Mp4 => MediaKind.Video,
            _ => MediaKind.Document,
        };

        /// <summary>Reads the file's kind and checks it against LinkedIn's limits (<see cref="ContentLimits"/>).</summary>
        /// <param name="path">The file; a relative path is resolved against the process's current directory.</param>
        /// <exception cref="LinkedInValidationException">
        /// The file is missing or unreadable, is not a type LinkedIn accepts, or breaks a limit: an image
        /// of <see cref="ContentLimits.ImagePixelLimit"/> pixels or more, a GIF over <see cref="ContentLimits.MaxGifFrames"/>
        /// frames, a document over <see cref="ContentLimits.MaxDocumentBytes"/> bytes, a video outside
        /// <see cref="ContentLimits.MinVideoBytes"/> .. <see cref="ContentLimits.MaxVideoBytes"/> bytes.
        /// </exception>
        public static MediaFile Inspect(string path) => Inspect(path, ContentLimits.MaxVideoBytes);

        /// <summary>As <see cref="Inspect(string)"/>, with another video ceiling (the benchmark uploads 1 GiB).</summary>
        internal static MediaFile Inspect(string path, long maxVideoBytes)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw Invalid("No media file was given. Name a JPEG, PNG, GIF, PDF, PPT, PPTX, DOC, DOCX or MP4 file.");
            }
            string full;
            try
            {
                full = System.IO.Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                throw Invalid($"'{path}' is not a valid file path ({ex.Message}).", ex);
            }
            if (Directory.Exists(full))
            {
                throw Invalid($"'{path}' is a folder, not a file. Name the media file itself.");
            }
            try
            {
                using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
                return Read(path, full, stream, maxVideoBytes);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Unreadable(path, ex);
            }
        }

        /// <summary>
        /// The error for a media file that could not be opened or read (<paramref name="error"/> is an
        /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>): gone, its folder gone, access
        /// denied, or held open by another program. Also for a file that goes away between its check and its copy.
        /// </summary>
        internal static LinkedInValidationException Unreadable(string path, Exception error) => error switch
        {
            FileNotFoundException _ => Invalid($"The media file '{path}' does not exist. Check the path and the file name.", error),
            DirectoryNotFoundException _ => Invalid($"The media file '{path}' does not exist: its folder is not there. Check the path.", error),
            UnauthorizedAccessException _ => Invalid($"The media file '{path}' cannot be read: access is denied. Give this account read permission on it, or copy it somewhere readable.", error),
            _ => Invalid($"The media file '{path}' cannot be read: {error.Message} Close any program that holds it open (or wait until it is fully written), then try again.", error),
        };

        private static MediaFile Read(string path, string full, FileStream stream, long maxVideoBytes)
        {
            var size = stream.Length;
            if (size == 0)
            {
                throw Invalid($"The media file '{path}' is empty (0 bytes). Check that it was fully written or downloaded.");
            }
            var sniffed = MediaSniffer.Sniff(stream, full);
            if (sniffed.Format == null)
            {
                throw Invalid($"'{path}' is {sniffed.Description}, which LinkedIn does not accept{ExtensionNote(full, sniffed)}. Supported: {SupportedTypes}. {sniffed.Hint}".TrimEnd());
            }
            var format = sniffed.Format.Value;
            switch (KindOf(format))
            {
                case MediaKind.Document when sniffed.Pages > ContentLimits.MaxDocumentPages:
                    throw Invalid($"'{path}' has {sniffed.Pages} slides; LinkedIn accepts documents of up to {ContentLimits.MaxDocumentPages} pages. Split the deck into several documents, or delete the slides it can do without.");
                case MediaKind.Document when size > ContentLimits.MaxDocumentBytes:
                    throw Invalid($"'{path}' is {Size(size)}; LinkedIn accepts documents up to {Size(ContentLimits.MaxDocumentBytes)} (and 300 pages). Compress it (e.g. export the PDF with smaller images) or split it into several documents.");
                case MediaKind.Video when size < ContentLimits.MinVideoBytes:
                    throw Invalid($"'{path}' is {Size(size)}; LinkedIn accepts videos from {Size(ContentLimits.MinVideoBytes)} to {Size(maxVideoBytes)} (and 3 seconds to 30 minutes long). Check that the file is a complete video.");
                case MediaKind.Video when size > maxVideoBytes:
                    throw Invalid($"'{path}' is {Size(size)}; LinkedIn accepts videos from {Size(ContentLimits.MinVideoBytes)} to {Size(maxVideoBytes)} for a post. Shorten it or encode it at a lower bit rate (H.264 MP4).");
            }

            int? width = null, height = null, frames = null;
            try
            {
                switch (format)
                {
                    case MediaFormat.Png:
                        (width, height) = ImageHeaders.ReadPng(stream);
                        break;
                    case MediaFormat.Jpeg:
                        (width, height) = ImageHeaders.ReadJpeg(stream);
                        break;
                    case MediaFormat.Gif:
                        (width, height) = ImageHeaders.ReadGifScreen(stream);
                        frames = ImageHeaders.CountGifFrames(stream, ContentLimits.MaxGifFrames + 1);
                        break;
                }
            }
            catch (InvalidDataException ex)
            {
                throw Invalid($"'{path}' starts like a {format.ToString().ToUpperInvariant()} image but its header is damaged ({ex.Message}). Open it in an image editor and save it again.", ex);
            }
            if (width.HasValue && height.HasValue)
            {
                var pixels = (long)width.Value * height.Value;
                if (pixels >= ContentLimits.ImagePixelLimit)
                {
                    // Scaled just below the limit: both sides shrink by the same factor, rounded down.
                    var scale = Math.Sqrt((double)(ContentLimits.ImagePixelLimit - 1) / pixels);
                    var w = Math.Max(1, (int)Math.Floor(width.Value * scale));
                    var h = Math.Max(1, (int)Math.Floor(height.Value * scale));
                    throw Invalid(string.Format(
                        System.Globalization.CultureInfo.InvariantCulture,
                        "'{0}' is {1} × {2} = {3:N0} pixels; LinkedIn accepts images under {4:N0} pixels. Scale it down, for example to {5} × {6}, and try again.",
                        path, width, height, pixels, ContentLimits.ImagePixelLimit, w, h));
                }
            }
            if (frames > ContentLimits.MaxGifFrames)
            {
                throw Invalid($"'{path}' is an animated GIF with more than {ContentLimits.MaxGifFrames} frames, LinkedIn's limit. Drop frames (or lower its frame rate), or post it as an MP4 video instead.");
            }
            return new MediaFile(full, format, size, width, height, frames);
        }

        private static string ExtensionNote(string path, MediaSniffer.Result sniffed)
        {
            var extension = System.IO.Path.GetExtension(path);
            if (string.IsNullOrEmpty(extension) || !sniffed.ExtensionClaimsSupported)
            {
                return string.Empty;
            }
            return $" (its name ends in {extension}, but its content is not that format)";
        }

        internal static string Size(long bytes)
        {
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            if (bytes >= 1_000_000)
            {
                return (bytes / 1_000_000.0).ToString("0.#", culture) + " MB (" + bytes.ToString("N0", culture) + " bytes)";
            }
            if (bytes >= 1000)
            {
                return (bytes / 1000.0).ToString("0.#", culture) + " KB (" + bytes.ToString("N0", culture) + " bytes)";
            }
            return bytes.ToString(culture) + " bytes";
        }

        private static LinkedInValidationException Invalid(string message, Exception? inner = null) => new LinkedInValidationException(Field, message, inner);
    }
}
