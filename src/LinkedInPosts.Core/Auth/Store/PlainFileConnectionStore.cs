using System;
using System.IO;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// The opt-in store for machines without a protected store (headless Linux, cron without a session
    /// bus): the connection document as a plain JSON file in the data folder, readable only by its owner
    /// (mode 0600, set before any secret is written). Anyone who can act as this OS account, or read its
    /// disk or backups, can read the tokens in it; <see cref="Warning"/> says so on every use.
    /// </summary>
    public sealed class PlainFileConnectionStore : LockedConnectionStore
    {
        /// <summary>The file's name in the data folder.</summary>
        public const string FileName = "connections.plaintext.json";

        /// <summary>A store on <paramref name="dataFolder"/> (created, mode 0700, if missing).</summary>
        public PlainFileConnectionStore(string dataFolder)
            : this(dataFolder, ConnectionStoreOptions.DefaultLockTimeout)
        {
        }

        /// <summary>A store on <paramref name="dataFolder"/> that waits at most <paramref name="lockTimeout"/> for the lock.</summary>
        public PlainFileConnectionStore(string dataFolder, TimeSpan lockTimeout)
            : base(Auth.DataFolder.Ensure(dataFolder), lockTimeout)
        {
            FilePath = Path.Combine(DataFolder, FileName);
        }

        /// <summary>The plain-text file.</summary>
        public string FilePath { get; }

        /// <inheritdoc />
        public override string Description => "plain-text file, NOT protected (opted in)";

        /// <inheritdoc />
        public override bool IsProtected => false;

        /// <inheritdoc />
        public override string Location => FilePath;

        /// <inheritdoc />
        public override string Warning =>
            "LinkedIn tokens are kept in a plain-text file (" + FilePath + ", mode 0600), NOT in a protected store: " +
            "anyone who can act as " + OsAccount.Current + " or read this disk or its backups can use them. " +
            "You opted in with -AllowPlainTextTokenFile or " + ConnectionStoreOptions.AllowPlainTextVariable + "=1.";

        private protected override string ManualReset => "delete the file " + FilePath;

        private protected override byte[]? ReadPayload()
        {
            try
            {
                if (!File.Exists(FilePath))
                {
                    return null;
                }
                var mode = UnixFileModes.Get(FilePath);
                if (mode.HasValue && (mode.Value & UnixFileModes.GroupAndOthers) != 0)
                {
                    // Someone widened it; tokens must not stay readable by others.
                    UnixFileModes.Set(FilePath, UnixFileModes.OwnerReadWrite);
                }
                return File.ReadAllBytes(FilePath);
            }
            catch (UnauthorizedAccessException e)
            {
                throw Unreadable("this account may not read the file (it may belong to another account)", e);
            }
            catch (IOException e)
            {
                throw Unreadable("reading the file failed (" + e.GetType().Name + ")", e);
            }
        }

        private protected override void WritePayload(byte[] payload)
        {
            // Write a new file beside the old one and rename it over: a crash leaves the old file or the
            // new one, never half of one. The new file is made owner-only while still empty.
            var temporary = FilePath + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    UnixFileModes.Set(temporary, UnixFileModes.OwnerReadWrite);
                    stream.Write(payload, 0, payload.Length);
                    stream.Flush(flushToDisk: true);
                }
                if (File.Exists(FilePath))
                {
                    File.Replace(temporary, FilePath, destinationBackupFileName: null);
                }
                else
                {
                    File.Move(temporary, FilePath);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        private protected override void DeletePayload()
        {
            if (File.Exists(FilePath))
            {
                File.Delete(FilePath);
            }
        }
    }
}
