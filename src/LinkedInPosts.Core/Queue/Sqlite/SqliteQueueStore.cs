using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using Microsoft.Data.Sqlite;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    /// <summary>
    /// The queue in one SQLite file (Microsoft.Data.Sqlite): WAL, a busy timeout, <c>synchronous=FULL</c> so a
    /// committed Sending is on disk before the create call, parameterised SQL only, the schema version in
    /// the file. One connection per store object, used under a lock; several processes share the file
    /// through SQLite's own locking, and every write runs in a <c>BEGIN IMMEDIATE</c> transaction so it
    /// takes the write lock before it reads what it will change.
    /// </summary>
    public sealed partial class SqliteQueueStore : IQueueStore
    {
        /// <summary>The columns every post read selects, in the order <see cref="ReadPost"/> expects.</summary>
        private const string PostColumns =
            "id, key, connection, author, scheduled_at, time_zone, due_at, state, payload, attempts, last_error, post_urn, " +
            "created_at, updated_at, claimed_by, claim_token, lease_until, published_at, attempts_at_retry, " +
            "first_comment_state, first_comment_urn, first_comment_error";

        private readonly object _gate = new object();
        private readonly SqliteConnection _connection;
        private readonly PreparedCommands _prepared;
        private readonly TimeProvider _time;
        private bool _disposed;

        // The connection's PRAGMA synchronous: FULL as opened, NORMAL for the writes that allow it (under _gate).
        private bool _synchronousFull = true;

        private SqliteQueueStore(string path, SqliteConnection connection, MediaStore media, TimeProvider time, int schemaVersion, string engine)
        {
            Location = path;
            _connection = connection;
            _prepared = new PreparedCommands(connection);
            Media = media;
            _time = time;
            SchemaVersion = schemaVersion;
            Engine = engine;
        }

        /// <inheritdoc />
        public string Location { get; }

        /// <inheritdoc />
        public string Engine { get; }

        /// <inheritdoc />
        public int SchemaVersion { get; }

        /// <inheritdoc />
        public MediaStore Media { get; }

        /// <summary>
        /// Opens the queue file at <paramref name="path"/>: creates it (mode 0600 on Unix, in a folder made
        /// 0700 if this creates it), switches it to WAL, and creates or migrates its schema.
        /// </summary>
        public static SqliteQueueStore Open(string path, MediaStore media, TimeProvider time, TimeSpan busyTimeout)
        {
            if (media == null)
            {
                throw new ArgumentNullException(nameof(media));
            }
            SqliteNativeLibrary.EnsureLoaded();
            path = Path.GetFullPath(path);
            SqliteConnection? connection = null;
            try
            {
                DataFolder.Ensure(Path.GetDirectoryName(path)!);
                CreatePrivateFile(path);
                var builder = new SqliteConnectionStringBuilder
                {
                    DataSource = path,
                    Mode = SqliteOpenMode.ReadWrite,
                    Cache = SqliteCacheMode.Private,
                    Pooling = false,
                    DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
                };
                connection = new SqliteConnection(builder.ToString());
                connection.Open();
                var busyMilliseconds = Math.Max(1, (long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                ExecuteText(connection, "PRAGMA busy_timeout = " + busyMilliseconds + ";");
                SqliteSchema.CheckIsQueueOrEmpty(connection, path);
                var journal = ExecuteText(connection, "PRAGMA journal_mode = WAL;");
                if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new LinkedInQueueException(
                        QueueFailure.Unavailable,
                        "The queue " + path + " cannot use SQLite's write-ahead log here (journal mode stayed '" + journal + "'), which usually means " +
                        "a network file system. Overlapping runs could then not be kept apart safely; keep the queue on a local disk.")
                    { Path = path };
                }
                ExecuteText(connection, "PRAGMA synchronous = FULL;");
                ExecuteText(connection, "PRAGMA foreign_keys = ON;");
                var version = SqliteSchema.Migrate(connection, path);
                var engine = "SQLite " + ExecuteText(connection, "SELECT sqlite_version();") + " (" + SqliteNativeLibrary.LoadedFrom + ")";
                var store = new SqliteQueueStore(path, connection, media, time ?? TimeProvider.System, version, engine);
                connection = null;
                return store;
            }
            catch (SqliteException e)
            {
                throw Translate(e, path, "opened");
            }
            catch (IOException e)
            {
                throw new LinkedInQueueException(QueueFailure.Unavailable, "The queue " + path + " cannot be created or opened: " + e.Message, e) { Path = path };
            }
            catch (UnauthorizedAccessException e)
            {
                throw new LinkedInQueueException(QueueFailure.Unavailable, "The queue " + path + " cannot be created or opened: " + e.Message, e) { Path = path };
            }
            finally
            {
                connection?.Dispose();
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }
                _disposed = true;
                _prepared.Dispose();
                _connection.Dispose();
            }
        }

        /// <summary>
        /// Creates an empty file with mode 0600 before SQLite opens it: SQLite gives its -wal and -shm files the
        /// database file's mode, so all three stay private. A file that exists with more than that (made with touch,
        /// copied, restored, or created a moment ago by another process that has not set its mode yet) is brought to
        /// 0600: the queue holds drafts that are not public yet.
        /// </summary>
        private static void CreatePrivateFile(string path)
        {
            if (!File.Exists(path))
            {
                try
                {
                    using (new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite))
                    {
                    }
                    UnixFileModes.Set(path, UnixFileModes.OwnerReadWrite);
                    return;
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another process created it a moment ago; its mode is settled below all the same.
                }
            }
            // Read where the runtime can (.NET 7 and later); an older one leaves an existing file as it is.
            var mode = UnixFileModes.Get(path);
            if (mode != null && (mode.Value & ~UnixFileModes.OwnerReadWrite) != 0)
            {
                UnixFileModes.Set(path, UnixFileModes.OwnerReadWrite);
            }
        }

        private static string ExecuteText(SqliteConnection connection, string sql)
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = sql;
                return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        /// <summary>Runs <paramref name="work"/> on the connection under the lock, turning SQLite errors into queue errors.</summary>
        private T Run<T>(string doing, Func<SqliteConnection, T> work)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException(nameof(SqliteQueueStore), "The queue " + Location + " was closed.");
                }
                try
                {
                    return work(_connection);
                }
                catch (SqliteException e)
                {
                    throw Translate(e, Location, doing);
                }
            }
        }

        /// <summary>Runs <paramref name="work"/> in one BEGIN IMMEDIATE transaction, committed durably (synchronous=FULL) when it returns.</summary>
        private T Write<T>(string doing, Func<SqliteConnection, SqliteTransaction, T> work) => Write(doing, Durability.Full, work);

        /// <summary>
        /// Runs <paramref name="work"/> in one BEGIN IMMEDIATE transaction, committed when it returns, with the
        /// given durability. <see cref="Durability.Full"/> (synchronous=FULL): the commit is on disk when this
        /// returns; every Sending is written so, since a create call follows it. <see cref="Durability.Normal"/>
        /// (synchronous=NORMAL, in WAL mode): the commit is atomic and survives the process dying at any moment
        /// (it is in the OS's page cache, and SQLite's WAL is consistent), but a power cut or OS crash may roll it
        /// back, never half way. It is for the runner's changes that no call to LinkedIn depends on: a claim
        /// (nothing is sent before a durable Sending, and that commit's fsync of the WAL also makes every earlier
        /// frame durable), the result of a call (Published, RetryLater, Failed, Unconfirmed: rolled back, the post
        /// is Sending again and is settled by evidence, exactly as after a crash during the call), releases and
        /// lease renewals (rolled back, a lease runs out). See docs/queue.md, "Durability".
        /// The mode is a per-connection PRAGMA, changed only between transactions and only when it differs.
        /// </summary>
        private T Write<T>(string doing, Durability durability, Func<SqliteConnection, SqliteTransaction, T> work) =>
            Run(doing, connection =>
            {
                var full = durability == Durability.Full;
                if (full != _synchronousFull)
                {
                    // Prepared once: the runner switches for every window (a FULL Sending commit, then NORMAL results).
                    _prepared.For(null, full ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;").ExecuteNonQuery();
                    _synchronousFull = full;
                }
                using (var transaction = connection.BeginTransaction(deferred: false))
                {
                    var result = work(connection, transaction);
                    transaction.Commit();
                    return result;
                }
            });

        /// <summary>The connection's PRAGMA synchronous now (2 FULL, 1 NORMAL): the setting the last write was committed with (for tests).</summary>
        internal int Synchronous => Run("read", connection => int.Parse(ExecuteText(connection, "PRAGMA synchronous;"), CultureInfo.InvariantCulture));

        /// <summary>How a write is committed (see <see cref="Write{T}(string, Durability, Func{SqliteConnection, SqliteTransaction, T})"/>).</summary>
        private enum Durability
        {
            /// <summary>synchronous=FULL: on disk when the call returns.</summary>
            Full,

            /// <summary>synchronous=NORMAL (WAL): atomic, survives a process crash; a power cut may roll it back whole.</summary>
            Normal,
        }

        private static LinkedInQueueException Translate(SqliteException e, string path, string doing)
        {
            const int Busy = 5;
            const int Locked = 6;
            const int NotADatabase = 26;
            switch (e.SqliteErrorCode)
            {
                case Busy:
                case Locked:
                    return new LinkedInQueueException(
                        QueueFailure.Unavailable,
                        "The queue " + path + " could not be " + doing + ": another process kept it locked for longer than the busy timeout. Try again.", e)
                    { Path = path };
                case NotADatabase:
                    return new LinkedInQueueException(
                        QueueFailure.NotAQueue,
                        "The file " + path + " is not a LinkedInPosts queue (it is not an SQLite database). Nothing was changed in it. " +
                        "Point LINKEDINPOSTS_QUEUE (or -QueuePath) at a new file name or at an existing queue.", e)
                    { Path = path };
                default:
                    return new LinkedInQueueException(
                        QueueFailure.Unavailable, "The queue " + path + " could not be " + doing + ": " + e.Message, e)
                    { Path = path };
            }
        }

        private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }

        private static SqliteParameter Parameter(SqliteCommand command, string name)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }

        private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

        private static object Nullable(int? value) => value.HasValue ? (object)value.Value : DBNull.Value;

        private static ScheduledPost ReadPost(SqliteDataReader reader)
        {
            return new ScheduledPost
            {
                Id = reader.GetInt64(0),
                Key = reader.GetString(1),
                Connection = reader.GetString(2),
                Author = reader.GetString(3),
                ScheduledAtUtc = QueueTime.Parse(reader.GetString(4)),
                TimeZoneId = reader.GetString(5),
                DueAtUtc = QueueTime.Parse(reader.GetString(6)),
                State = ParseState(reader.GetString(7)),
                PayloadJson = reader.GetString(8),
                Attempts = reader.GetInt32(9),
                LastError = reader.IsDBNull(10) ? null : reader.GetString(10),
                PostUrn = reader.IsDBNull(11) ? null : reader.GetString(11),
                CreatedAt = QueueTime.Parse(reader.GetString(12)),
                UpdatedAt = QueueTime.Parse(reader.GetString(13)),
                ClaimedBy = reader.IsDBNull(14) ? null : reader.GetString(14),
                ClaimToken = reader.IsDBNull(15) ? null : reader.GetString(15),
                LeaseUntil = reader.IsDBNull(16) ? (DateTimeOffset?)null : QueueTime.Parse(reader.GetString(16)),
                PublishedAt = reader.IsDBNull(17) ? (DateTimeOffset?)null : QueueTime.Parse(reader.GetString(17)),
                AttemptsAtRetry = reader.GetInt32(18),
                FirstCommentState = reader.IsDBNull(19) ? (FirstCommentState?)null : (FirstCommentState)Enum.Parse(typeof(FirstCommentState), reader.GetString(19), ignoreCase: false),
                FirstCommentUrn = reader.IsDBNull(20) ? null : reader.GetString(20),
                FirstCommentError = reader.IsDBNull(21) ? null : reader.GetString(21),
            };
        }

        private static QueueState ParseState(string text) =>
            (QueueState)Enum.Parse(typeof(QueueState), text, ignoreCase: false);

        private static List<ScheduledPost> ReadPosts(SqliteCommand command)
        {
            var posts = new List<ScheduledPost>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    posts.Add(ReadPost(reader));
                }
            }
            return posts;
        }

        /// <summary>
        /// Fills in <see cref="ScheduledPost.MediaHashes"/> for posts that have media: one prepared query, the ids
        /// passed as one JSON array (read with json_each), so its text is the same for any number of posts.
        /// </summary>
        private void LoadMedia(SqliteTransaction? transaction, IReadOnlyList<ScheduledPost> posts)
        {
            if (posts.Count == 0)
            {
                return;
            }
            var byId = new Dictionary<long, ScheduledPost>(posts.Count);
            var ids = new System.Text.StringBuilder("[");
            foreach (var post in posts)
            {
                if (byId.Count > 0)
                {
                    ids.Append(',');
                }
                byId[post.Id] = post;
                ids.Append(post.Id.ToString(CultureInfo.InvariantCulture));
            }
            ids.Append(']');
            var found = new Dictionary<long, List<string>>();
            var command = _prepared.For(transaction,
                "SELECT post_id, sha256 FROM post_media WHERE post_id IN (SELECT value FROM json_each(@ids)) ORDER BY post_id, position;");
            command.Parameters.AddWithValue("@ids", ids.ToString());
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var id = reader.GetInt64(0);
                    if (!found.TryGetValue(id, out var list))
                    {
                        found[id] = list = new List<string>();
                    }
                    list.Add(reader.GetString(1));
                }
            }
            foreach (var pair in found)
            {
                byId[pair.Key].MediaHashes = pair.Value;
            }
        }

        private string Now() => QueueTime.Format(_time.GetUtcNow());
    }
}
