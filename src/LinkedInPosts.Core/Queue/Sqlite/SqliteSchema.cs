using System;
using System.Collections.Generic;
using LinkedInPosts.Core.Errors;
using Microsoft.Data.Sqlite;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    /// <summary>
    /// The queue file's schema and its forward migrations. The version lives in the file as
    /// <c>PRAGMA user_version</c>; <c>PRAGMA application_id</c> marks the file as a LinkedInPosts queue.
    /// A migration from version N to N+1 is appended to <see cref="Migrations"/> and never edited once
    /// released; the tests keep a file written by every released version (fixtures) and open each with
    /// the current code.
    /// </summary>
    internal static class SqliteSchema
    {
        /// <summary>'LIPQ': the application id of a LinkedInPosts queue file.</summary>
        public const int ApplicationId = 0x4C495051;

        /// <summary>The schema version this code writes and reads.</summary>
        public static int CurrentVersion => Migrations.Count;

        /// <summary>Migrations[i] takes a file from version i to version i + 1 (version 0 is a new, empty file).</summary>
        public static readonly IReadOnlyList<string> Migrations = new[]
        {
            // 0 -> 1: the first schema.
            @"
CREATE TABLE posts (
    id            INTEGER PRIMARY KEY,
    key           TEXT    NOT NULL UNIQUE,
    connection    TEXT    NOT NULL,
    author        TEXT    NOT NULL,
    scheduled_at  TEXT    NOT NULL,
    time_zone     TEXT    NOT NULL,
    due_at        TEXT    NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('Pending','Claimed','Sending','Published','Failed','Missed','Cancelled','Held','Unconfirmed')),
    payload       TEXT    NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    post_urn      TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    claimed_by    TEXT,
    claim_token   TEXT,
    lease_until   TEXT,
    published_at  TEXT
);
CREATE INDEX posts_pending_due ON posts (due_at, id) WHERE state = 'Pending';
CREATE INDEX posts_claimed_lease ON posts (lease_until) WHERE state = 'Claimed';
CREATE INDEX posts_sending_lease ON posts (lease_until) WHERE state = 'Sending';
CREATE INDEX posts_state_scheduled ON posts (state, scheduled_at, id);
CREATE INDEX posts_connection_scheduled ON posts (connection, scheduled_at, id);
CREATE INDEX posts_scheduled ON posts (scheduled_at, id);

CREATE TABLE post_media (
    post_id   INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    sha256    TEXT    NOT NULL CHECK (length(sha256) = 64),
    PRIMARY KEY (post_id, position)
) WITHOUT ROWID;
CREATE INDEX post_media_sha256 ON post_media (sha256);

CREATE TABLE attempts (
    id           INTEGER PRIMARY KEY,
    post_id      INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    runner       TEXT    NOT NULL,
    claim_token  TEXT    NOT NULL,
    started_at   TEXT    NOT NULL,
    finished_at  TEXT,
    outcome      TEXT    NOT NULL CHECK (outcome IN ('InProgress','Published','Retry','Failed','Unknown','Missed')),
    http_status  INTEGER,
    error_kind   TEXT,
    error_id     TEXT,
    message      TEXT,
    post_urn     TEXT,
    UNIQUE (post_id, number)
);
",
            // 1 -> 2: the runner's additions. media_uploads lets a run reuse an earlier upload of the same
            // stored file for the same author on the same API host instead of uploading it again; the partial
            // index lets a throttled author's Pending posts be deferred without scanning the history.
            @"
CREATE TABLE media_uploads (
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    author       TEXT    NOT NULL,
    api_base     TEXT    NOT NULL,
    media_urn    TEXT    NOT NULL,
    uploaded_at  TEXT    NOT NULL,
    PRIMARY KEY (sha256, author, api_base)
) WITHOUT ROWID;
CREATE INDEX posts_pending_author ON posts (author, due_at) WHERE state = 'Pending';
",
            // 2 -> 3: a person's retry gives a fresh MaxAttempts budget. attempts keeps counting (the next attempt's
            // number is attempts + 1, tied to UNIQUE (post_id, number), and the history stays whole); attempts_at_retry
            // is the value attempts had when a person last re-armed the post, and the runner counts from there.
            // Posts a person already re-armed under version 2 are recognised by how their history ends (a final
            // Failed, or Unknown that made them Unconfirmed, yet they are waiting again) and get their budget too;
            // a re-armed Missed post leaves no such trace and keeps counting from 0. ADD COLUMN with a constant
            // default does not rewrite the table, and the UPDATE reads only the waiting posts through an index.
            @"
ALTER TABLE posts ADD COLUMN attempts_at_retry INTEGER NOT NULL DEFAULT 0;
UPDATE posts SET attempts_at_retry = attempts
WHERE state IN ('Pending', 'Held', 'Claimed') AND attempts > 0
  AND (SELECT outcome FROM attempts WHERE attempts.post_id = posts.id ORDER BY number DESC LIMIT 1) IN ('Failed', 'Unknown');
",
            // 3 -> 4: the first comment's outcome is kept with its post. first_comment_state is 'Adding' (committed
            // durably before the comment call: a comment has no duplicate check, so a call whose answer was lost is
            // never made again), then 'Added' with LinkedIn's URN for it, or 'Failed' with the error. NULL: the post
            // has no first comment, or has not been published yet. posts_pending_author goes: a 429 now defers the
            // posts of the connection (LinkedIn counts a member's calls per token, whichever author they post as),
            // found through posts_pending_due, and an index no query uses costs every change of a Pending post.
            @"
DROP INDEX posts_pending_author;
ALTER TABLE posts ADD COLUMN first_comment_state TEXT CHECK (first_comment_state IN ('Adding', 'Added', 'Failed'));
ALTER TABLE posts ADD COLUMN first_comment_urn TEXT;
ALTER TABLE posts ADD COLUMN first_comment_error TEXT;
",
            // 4 -> 5: media_processing remembers an upload whose bytes LinkedIn accepted but had not finished processing
            // when the run's wait ended (it may still finish; a big video can take longer than one run waits), so
            // the post's next try waits for that media instead of uploading the file again as a new one. Kept apart
            // from media_uploads, which holds only media LinkedIn reported AVAILABLE: whatever reads that table
            // to reuse an upload can never pick media a post cannot show yet. Same key, one upload per key.
            @"
CREATE TABLE media_processing (
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    author       TEXT    NOT NULL,
    api_base     TEXT    NOT NULL,
    media_urn    TEXT    NOT NULL,
    accepted_at  TEXT    NOT NULL,
    PRIMARY KEY (sha256, author, api_base)
) WITHOUT ROWID;
",
        };

        /// <summary>
        /// Brings the open file to <see cref="CurrentVersion"/> inside one IMMEDIATE transaction (so two
        /// processes opening a new file at once create it once). Refuses a newer version, or a file that is
        /// not a queue, with <see cref="LinkedInQueueException"/>.
        /// </summary>
        public static int Migrate(SqliteConnection connection, string path)
        {
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                var version = RefuseIfNotAQueue(connection, transaction, path);
                if (version > CurrentVersion)
                {
                    throw new LinkedInQueueException(
                        QueueFailure.SchemaTooNew,
                        "The queue " + path + " was written by a newer version of LinkedInPosts (queue schema version " + version +
                        "; this version understands up to " + CurrentVersion + "). Update the LinkedInPosts module on this machine " +
                        "(every scheduled task that runs the queue uses the same file), or point LINKEDINPOSTS_QUEUE at another queue. " +
                        "A scheduled task registered from a module folder that is not an installed module's (Install-Module's Modules/LinkedInPosts/<version>), " +
                        "or whose Modules folder did not get the update (another scope, or the other PowerShell's folder), " +
                        "runs the module files it was registered with, even after a newer version is installed: " +
                        "register it again from the newer version (Register-LinkedInPostQueueTask with the same -Every, -Name and -Path, and -Force).")
                    { Path = path };
                }
                for (var from = (int)version; from < CurrentVersion; from++)
                {
                    Execute(connection, transaction, Migrations[from]);
                }
                if (version < CurrentVersion)
                {
                    // PRAGMA takes no parameters; both values are this class's own integers.
                    Execute(connection, transaction, "PRAGMA application_id = " + ApplicationId + "; PRAGMA user_version = " + CurrentVersion + ";");
                }
                transaction.Commit();
                return CurrentVersion;
            }
        }

        /// <summary>
        /// Refuses (<see cref="QueueFailure.NotAQueue"/>) a file that is another program's database, in a read
        /// transaction: called before the store switches the file to WAL, which would change another program's file
        /// for good (its header and a -wal file) although the refusal says nothing was changed.
        /// </summary>
        public static void CheckIsQueueOrEmpty(SqliteConnection connection, string path)
        {
            using (var transaction = connection.BeginTransaction(deferred: true))
            {
                RefuseIfNotAQueue(connection, transaction, path);
                transaction.Rollback();
            }
        }

        /// <summary>The file's schema version, after refusing a file that is neither a LinkedInPosts queue nor empty.</summary>
        private static long RefuseIfNotAQueue(SqliteConnection connection, SqliteTransaction transaction, string path)
        {
            var applicationId = Scalar(connection, transaction, "PRAGMA application_id;");
            var version = Scalar(connection, transaction, "PRAGMA user_version;");
            if (applicationId != ApplicationId && applicationId != 0)
            {
                throw NotAQueue(path, "its SQLite application id is " + applicationId + ", not LinkedInPosts' " + ApplicationId);
            }
            if (applicationId == 0)
            {
                var objects = Scalar(connection, transaction, "SELECT count(*) FROM sqlite_master;");
                if (objects != 0 || version != 0)
                {
                    throw NotAQueue(path, "it already holds other tables");
                }
            }
            return version;
        }

        private static LinkedInQueueException NotAQueue(string path, string why) =>
            new LinkedInQueueException(
                QueueFailure.NotAQueue,
                "The file " + path + " is not a LinkedInPosts queue (" + why + "). Nothing was changed in it. Point LINKEDINPOSTS_QUEUE " +
                "(or -QueuePath) at a new file name or at an existing queue.")
            { Path = path };

        private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
        {
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = sql;
                return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
        {
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        }
    }
}
