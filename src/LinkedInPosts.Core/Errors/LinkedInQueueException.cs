using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>Why the queue (its SQLite file or its stored media) could not be used.</summary>
    public enum QueueFailure
    {
        /// <summary>The queue file cannot be opened or written: SQLite's native library, the folder, the disk, a file system without WAL support.</summary>
        Unavailable,
        /// <summary>The file was written by a newer version of the module (a schema version this one does not know).</summary>
        SchemaTooNew,
        /// <summary>The file is an SQLite database (or something else) that is not a LinkedInPosts queue.</summary>
        NotAQueue,
        /// <summary>A media file a post needs is not in the queue's media folder.</summary>
        MediaMissing,
        /// <summary>A stored media file no longer has the content it was stored with (edited or damaged).</summary>
        MediaCorrupted,
        /// <summary>A post's stored content cannot be read (written by a newer module, or damaged).</summary>
        PayloadUnreadable,
    }

    /// <summary>The queue cannot be used; the message names the file and says what to do.</summary>
    public sealed class LinkedInQueueException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInQueueException(QueueFailure failure, string message, Exception? inner = null)
            : base(message, inner)
        {
            Failure = failure;
        }

        /// <summary>What went wrong.</summary>
        public QueueFailure Failure { get; }

        /// <summary>The queue file or media file the error is about, when there is one.</summary>
        public string? Path { get; set; }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInQueue" + Failure;
    }
}
