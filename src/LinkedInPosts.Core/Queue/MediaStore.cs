using System;
using System.IO;
using System.Security.Cryptography;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>What <see cref="MediaStore.Check"/> found.</summary>
    public enum MediaCheck
    {
        /// <summary>The file is there with the content it was stored with.</summary>
        Intact,
        /// <summary>The file is not there.</summary>
        Missing,
        /// <summary>The file is there but its content changed (its SHA-256 is no longer its name).</summary>
        Corrupted,
    }

    /// <summary>A file in the media store.</summary>
    public sealed class StoredMedia
    {
        /// <summary>Creates the record.</summary>
        public StoredMedia(string sha256, long length, string path)
        {
            Sha256 = sha256;
            Length = length;
            Path = path;
        }

        /// <summary>The SHA-256 of the content, lowercase hex: also the file's name.</summary>
        public string Sha256 { get; }

        /// <summary>The size in bytes.</summary>
        public long Length { get; }

        /// <summary>The stored file.</summary>
        public string Path { get; }
    }

    /// <summary>
    /// The queue's copies of media files, named by the SHA-256 of their content
    /// (<c>&lt;queue folder&gt;/media/&lt;64 hex digits&gt;</c>). Registration copies a user's file in, so moving or
    /// editing the original cannot change or break a scheduled post; the same content is stored once.
    /// Files are private to the account on Unix (0600, in a 0700 folder it creates). Reading checks the
    /// content against the name (<see cref="Check"/>, <see cref="OpenVerified"/>), so a stored file that was
    /// edited or damaged is reported, never posted.
    /// </summary>
    public sealed class MediaStore
    {
        private const int BufferSize = 81920;

        /// <summary>A store over <paramref name="folder"/> (created on the first <see cref="Add(Stream)"/>).</summary>
        public MediaStore(string folder)
        {
            if (string.IsNullOrWhiteSpace(folder))
            {
                throw new ArgumentException("The media folder is empty.", nameof(folder));
            }
            Folder = System.IO.Path.GetFullPath(folder);
        }

        /// <summary>The folder holding the files.</summary>
        public string Folder { get; }

        /// <summary>Where the file with this hash is (or would be).</summary>
        public string PathOf(string sha256)
        {
            if (!Hex.IsSha256(sha256))
            {
                throw new ArgumentException("'" + sha256 + "' is not a SHA-256 in lowercase hex.", nameof(sha256));
            }
            return System.IO.Path.Combine(Folder, sha256);
        }

        /// <summary>True when a file with this hash is stored (its content is not read; see <see cref="Check"/>).</summary>
        public bool Contains(string sha256) => Hex.IsSha256(sha256) && File.Exists(System.IO.Path.Combine(Folder, sha256));

        /// <summary>The name the file at <paramref name="sourcePath"/> has, or would have, in any store: its SHA-256, read in place (nothing is copied).</summary>
        /// <exception cref="LinkedInValidationException">The file cannot be opened (gone, access denied, held open).</exception>
        public static string HashOf(string sourcePath)
        {
            using (var source = OpenSource(sourcePath))
            using (var sha = SHA256.Create())
            {
                return Hex.Lower(sha.ComputeHash(source));
            }
        }

        /// <summary>Copies the file at <paramref name="sourcePath"/> into the store and returns its record.</summary>
        /// <exception cref="LinkedInValidationException">The file cannot be opened (gone, access denied, held open).</exception>
        public StoredMedia Add(string sourcePath)
        {
            using (var source = OpenSource(sourcePath))
            {
                return Add(source);
            }
        }

        // A file checked a moment ago may be gone or locked by now: that is the row's error, worded as MediaFile words it.
        private static FileStream OpenSource(string sourcePath)
        {
            if (string.IsNullOrWhiteSpace(sourcePath))
            {
                throw new ArgumentException("No media file was given.", nameof(sourcePath));
            }
            try
            {
                return new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
            }
            catch (Exception error) when (error is IOException || error is UnauthorizedAccessException)
            {
                throw Media.MediaFile.Unreadable(sourcePath, error);
            }
        }

        /// <summary>
        /// Copies <paramref name="content"/> into the store: written to a temporary file in the media folder
        /// while hashing, flushed to disk, then renamed to its hash. If that hash is already stored intact the
        /// copy is dropped; if the stored one was damaged it is replaced.
        /// </summary>
        public StoredMedia Add(Stream content)
        {
            if (content == null)
            {
                throw new ArgumentNullException(nameof(content));
            }
            DataFolder.Ensure(Folder);
            var temporary = System.IO.Path.Combine(Folder, ".incoming-" + Guid.NewGuid().ToString("N"));
            try
            {
                string hash;
                long length;
                using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
                {
                    UnixFileModes.Set(temporary, UnixFileModes.OwnerReadWrite);
                    using (var sha = SHA256.Create())
                    {
                        var buffer = new byte[BufferSize];
                        length = 0;
                        int read;
                        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                        {
                            sha.TransformBlock(buffer, 0, read, null, 0);
                            target.Write(buffer, 0, read);
                            length += read;
                        }
                        sha.TransformFinalBlock(buffer, 0, 0);
                        hash = Hex.Lower(sha.Hash!);
                    }
                    target.Flush(flushToDisk: true);
                }

                var final = System.IO.Path.Combine(Folder, hash);
                if (File.Exists(final) && Check(hash) == MediaCheck.Intact)
                {
                    File.Delete(temporary);
                }
                else
                {
                    MoveReplacing(temporary, final);
                }
                return new StoredMedia(hash, length, final);
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        }

        /// <summary>Reads the stored file and compares its SHA-256 with its name.</summary>
        public MediaCheck Check(string sha256)
        {
            var path = PathOf(sha256);
            try
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan))
                using (var sha = SHA256.Create())
                {
                    return Hex.Lower(sha.ComputeHash(stream)) == sha256 ? MediaCheck.Intact : MediaCheck.Corrupted;
                }
            }
            catch (FileNotFoundException)
            {
                return MediaCheck.Missing;
            }
            catch (DirectoryNotFoundException)
            {
                return MediaCheck.Missing;
            }
        }

        /// <summary>Throws <see cref="LinkedInQueueException"/> (MediaMissing or MediaCorrupted) unless the file is intact.</summary>
        public StoredMedia Verify(string sha256)
        {
            switch (Check(sha256))
            {
                case MediaCheck.Intact:
                    var path = PathOf(sha256);
                    return new StoredMedia(sha256, new FileInfo(path).Length, path);
                case MediaCheck.Missing:
                    throw new LinkedInQueueException(QueueFailure.MediaMissing,
                        "The media file " + sha256 + " is not in the queue's media folder " + Folder + ". Register the post again with its media file.")
                    { Path = PathOf(sha256) };
                default:
                    throw new LinkedInQueueException(QueueFailure.MediaCorrupted,
                        "The stored media file " + PathOf(sha256) + " was changed after it was registered (its content no longer has the SHA-256 it is named by). " +
                        "It will not be posted; register the post again with the original file.")
                    { Path = PathOf(sha256) };
            }
        }

        /// <summary>
        /// Checks the file (<see cref="Verify"/>) and opens it for reading. The check reads it once; uploads
        /// then read it again from the open stream.
        /// </summary>
        public Stream OpenVerified(string sha256)
        {
            Verify(sha256);
            return new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        }

        private static void MoveReplacing(string from, string to)
        {
            try
            {
                File.Move(from, to);
            }
            catch (IOException) when (File.Exists(to))
            {
                // A damaged copy to replace, or another process stored the same content a moment ago.
                if (new MediaStore(System.IO.Path.GetDirectoryName(to)!).Check(System.IO.Path.GetFileName(to)) == MediaCheck.Intact)
                {
                    File.Delete(from);
                    return;
                }
                File.Delete(to);
                File.Move(from, to);
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Left behind as .incoming-*, which nothing reads.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }
    }
}
