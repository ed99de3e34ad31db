using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Content;
using Microsoft.Data.Sqlite;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    public sealed partial class SqliteQueueStore
    {
        /// <inheritdoc />
        public IReadOnlyList<RegistrationResult> RegisterBatch(IReadOnlyList<NewScheduledPost> posts, RegistrationMode mode = RegistrationMode.AddOnly)
        {
            if (posts == null)
            {
                throw new ArgumentNullException(nameof(posts));
            }
            var results = new RegistrationResult?[posts.Count];
            var valid = new List<int>(posts.Count);
            var authors = new string[posts.Count];
            var seenAuthors = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < posts.Count; i++)
            {
                var error = Validate(posts[i], seenAuthors, out authors[i]);
                if (error == null)
                {
                    valid.Add(i);
                }
                else
                {
                    results[i] = new RegistrationResult(i, posts[i]?.Key ?? string.Empty, RegistrationOutcome.Invalid, null, null, error);
                }
            }
            if (valid.Count > 0)
            {
                Write("written", (connection, transaction) =>
                {
                    using (var writer = new RegistrationWriter(connection, transaction, Now(), valid.Select(i => posts[i].Key)))
                    {
                        foreach (var i in valid)
                        {
                            results[i] = writer.Register(i, posts[i], authors[i], mode);
                        }
                    }
                    return valid.Count;
                });
            }
            return results!;
        }

        /// <summary>Why a registration cannot be stored, or null. Runs before the transaction, so the database only sees good rows.</summary>
        private string? Validate(NewScheduledPost? post, Dictionary<string, string?> authors, out string author)
        {
            author = string.Empty;
            if (post == null)
            {
                return "The registration is empty.";
            }
            if (string.IsNullOrWhiteSpace(post.Key))
            {
                return "The key is empty.";
            }
            if (post.Key.Length > QueueLimits.MaxKeyLength)
            {
                return "The key is longer than " + QueueLimits.MaxKeyLength + " characters.";
            }
            if (char.IsWhiteSpace(post.Key[0]) || char.IsWhiteSpace(post.Key[post.Key.Length - 1]) || HasControl(post.Key))
            {
                return "The key '" + post.Key + "' starts or ends with white space or holds a control character.";
            }
            if (string.IsNullOrWhiteSpace(post.Connection) || post.Connection.Length > QueueLimits.MaxNameLength)
            {
                return "The connection name is empty or longer than " + QueueLimits.MaxNameLength + " characters.";
            }
            var normalized = NormalizedAuthor(post.Author, authors);
            if (normalized == null)
            {
                return "The author '" + post.Author + "' is not a person or organization URN (urn:li:person:<id> or urn:li:organization:<id>).";
            }
            if (string.IsNullOrWhiteSpace(post.TimeZoneId) || post.TimeZoneId.Length > QueueLimits.MaxNameLength)
            {
                return "The time zone id is empty or longer than " + QueueLimits.MaxNameLength + " characters.";
            }
            if (post.PayloadJson != null && post.PayloadJson.Length > QueueLimits.MaxPayloadLength)
            {
                return "The content is larger than " + QueueLimits.MaxPayloadLength + " characters.";
            }
            var payloadError = QueuePayload.Check(post.PayloadJson);
            if (payloadError != null)
            {
                return "The content cannot be stored: " + payloadError + ".";
            }
            var media = post.MediaHashes ?? Array.Empty<string>();
            if (media.Count > QueueLimits.MaxMediaPerPost)
            {
                return "A post can carry at most " + QueueLimits.MaxMediaPerPost + " media files; this one has " + media.Count + ".";
            }
            foreach (var hash in media)
            {
                if (!Hex.IsSha256(hash))
                {
                    return "'" + hash + "' is not a media hash (64 lowercase hex digits, as MediaStore.Add returns).";
                }
                if (!Media.Contains(hash))
                {
                    return "The media file " + hash + " is not in the queue's media folder " + Media.Folder + "; add it with MediaStore.Add first.";
                }
            }
            author = normalized;
            return null;
        }

        /// <summary>The author URN in its canonical form, or null when it cannot author a post; parsed once per distinct value in a batch.</summary>
        private static string? NormalizedAuthor(string? author, Dictionary<string, string?> seen)
        {
            if (author == null)
            {
                return null;
            }
            if (!seen.TryGetValue(author, out var normalized))
            {
                normalized = LinkedInUrn.TryParse(author, out var urn) && urn!.IsAuthor ? urn.ToString() : null;
                seen[author] = normalized;
            }
            return normalized;
        }

        private static bool HasControl(string text)
        {
            foreach (var c in text)
            {
                if (char.IsControl(c))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// The statements of one registration batch, prepared once and reused for every row. The keys the
        /// batch already finds in the queue are read up front in a few queries (the transaction holds the
        /// write lock, so nothing changes meanwhile); each new row is then one plain INSERT whose id comes
        /// from sqlite3_last_insert_rowid, which keeps the per-row cost close to a bare batched INSERT.
        /// </summary>
        private sealed class RegistrationWriter : IDisposable
        {
            private const int KeyChunk = 500;
            private readonly Dictionary<string, Existing> _existing = new Dictionary<string, Existing>(StringComparer.Ordinal);
            private readonly SqliteTransaction _transaction;
            private readonly SqliteConnection _connection;
            private readonly SqliteCommand _insert;
            private readonly SqliteCommand _update;
            private readonly SqliteCommand _deleteMedia;
            private readonly SqliteCommand _insertMedia;
            private readonly PostParameters _insertParameters;
            private readonly PostParameters _updateParameters;
            private readonly SqliteParameter _updateId;
            private readonly SqliteParameter _updateRearm;
            private readonly SqliteParameter _deleteMediaId;
            private readonly SqliteParameter _mediaId;
            private readonly SqliteParameter _mediaPosition;
            private readonly SqliteParameter _mediaHash;

            public RegistrationWriter(SqliteConnection connection, SqliteTransaction transaction, string now, IEnumerable<string> keys)
            {
                _connection = connection;
                _transaction = transaction;
                ReadExisting(connection, transaction, keys);

                _insert = Command(connection, transaction,
                    "INSERT INTO posts (key, connection, author, scheduled_at, time_zone, due_at, state, payload, created_at, updated_at) " +
                    "VALUES (@key, @connection, @author, @scheduled, @zone, @scheduled, @state, @payload, @now, @now);");
                _insertParameters = new PostParameters(_insert, now);

                _update = Command(connection, transaction,
                    "UPDATE posts SET connection = @connection, author = @author, scheduled_at = @scheduled, time_zone = @zone, " +
                    "due_at = @scheduled, payload = @payload, updated_at = @now, " +
                    "attempts_at_retry = CASE WHEN @rearm = 1 THEN attempts ELSE attempts_at_retry END " +
                    "WHERE id = @id AND state IN ('Pending', 'Held');");
                _updateParameters = new PostParameters(_update, now);
                _updateId = Typed(_update, "@id", SqliteType.Integer);
                _updateRearm = Typed(_update, "@rearm", SqliteType.Integer);

                _deleteMedia = Command(connection, transaction, "DELETE FROM post_media WHERE post_id = @id;");
                _deleteMediaId = Typed(_deleteMedia, "@id", SqliteType.Integer);

                _insertMedia = Command(connection, transaction, "INSERT INTO post_media (post_id, position, sha256) VALUES (@id, @position, @sha256);");
                _mediaId = Typed(_insertMedia, "@id", SqliteType.Integer);
                _mediaPosition = Typed(_insertMedia, "@position", SqliteType.Integer);
                _mediaHash = Typed(_insertMedia, "@sha256", SqliteType.Text);
            }

            public RegistrationResult Register(int index, NewScheduledPost post, string author, RegistrationMode mode)
            {
                if (!_existing.TryGetValue(post.Key, out var existing))
                {
                    _insertParameters.Bind(post, author);
                    _insert.ExecuteNonQuery();
                    var id = SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);
                    var state = post.Held ? QueueState.Held : QueueState.Pending;
                    _existing[post.Key] = new Existing(id, state, 0, 0);
                    WriteMedia(id, post.MediaHashes, replace: false);
                    return new RegistrationResult(index, post.Key, RegistrationOutcome.Added, id, state, null);
                }
                if (mode == RegistrationMode.AddOnly)
                {
                    return new RegistrationResult(index, post.Key, RegistrationOutcome.AlreadyExists, existing.Id, existing.State, null);
                }
                var mayHaveLanded = existing.TriedSinceRearm && existing.State.IsWaiting() ? FirstCallThatMayHaveLanded(existing) : null;
                // A person's look covers the tries made before it only.
                var checkedNotPosted = mode == RegistrationMode.UpdatePendingCheckedNotPosted && (post.CheckedAttempts == null || post.CheckedAttempts == existing.Attempts);
                if (mayHaveLanded != null && !checkedNotPosted && ChangesWhatItPosts(existing.Id, post, author))
                {
                    return new RegistrationResult(index, post.Key, RegistrationOutcome.MayAlreadyBePosted, existing.Id, existing.State,
                        "a run's create call of " + mayHaveLanded.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) + " may have reached LinkedIn");
                }
                _updateParameters.Bind(post, author);
                _updateId.Value = existing.Id;
                _updateRearm.Value = mayHaveLanded != null && checkedNotPosted ? 1 : 0;
                if (_update.ExecuteNonQuery() == 0)
                {
                    return new RegistrationResult(index, post.Key, RegistrationOutcome.NotUpdatable, existing.Id, existing.State, null);
                }
                WriteMedia(existing.Id, post.MediaHashes, replace: true);
                return new RegistrationResult(index, post.Key, RegistrationOutcome.Updated, existing.Id, existing.State, null);
            }

            public void Dispose()
            {
                _insert.Dispose();
                _update.Dispose();
                _deleteMedia.Dispose();
                _insertMedia.Dispose();
            }

            private void ReadExisting(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> keys)
            {
                var distinct = new List<string>(new HashSet<string>(keys, StringComparer.Ordinal));
                for (var start = 0; start < distinct.Count; start += KeyChunk)
                {
                    var count = Math.Min(KeyChunk, distinct.Count - start);
                    using (var command = Command(connection, transaction, string.Empty))
                    {
                        var names = new string[count];
                        for (var i = 0; i < count; i++)
                        {
                            names[i] = "@k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                            command.Parameters.AddWithValue(names[i], distinct[start + i]);
                        }
                        command.CommandText = "SELECT key, id, state, attempts, attempts_at_retry FROM posts WHERE key IN (" + string.Join(", ", names) + ");";
                        using (var reader = command.ExecuteReader())
                        {
                            while (reader.Read())
                            {
                                _existing[reader.GetString(0)] = new Existing(reader.GetInt64(1), ParseState(reader.GetString(2)), reader.GetInt32(3), reader.GetInt32(4));
                            }
                        }
                    }
                }
            }

            /// <summary>
            /// When a create call a run made for this post since its last re-arm may have reached LinkedIn (the rule
            /// the runner uses, <see cref="QueueAttempt.FirstCallThatMayHaveLanded(System.Collections.Generic.IReadOnlyList{QueueAttempt}, int)"/>), or null. Read only for a
            /// post tried since then, in this transaction, so no run changes it before the update.
            /// </summary>
            private DateTimeOffset? FirstCallThatMayHaveLanded(Existing existing) =>
                QueueAttempt.FirstCallThatMayHaveLanded(ReadAttempts(_connection, _transaction, existing.Id), existing.AttemptsAtRetry);

            /// <summary>
            /// Whether the registration would post something else than the stored post: another connection, author or
            /// content (the payload holds the text, media hashes, alt text, title and first comment). A new time alone
            /// does not: the runner's check of the duplicate check's memory covers a post sent later.
            /// </summary>
            private bool ChangesWhatItPosts(long id, NewScheduledPost post, string author)
            {
                using (var command = Command(_connection, _transaction, "SELECT connection, author, payload FROM posts WHERE id = @id;"))
                {
                    command.Parameters.AddWithValue("@id", id);
                    using (var reader = command.ExecuteReader())
                    {
                        return !reader.Read()
                            || !string.Equals(reader.GetString(0), post.Connection, StringComparison.OrdinalIgnoreCase)
                            || !string.Equals(reader.GetString(1), author, StringComparison.Ordinal)
                            || !string.Equals(reader.GetString(2), post.PayloadJson, StringComparison.Ordinal);
                    }
                }
            }

            /// <summary>A post the batch found in the queue, with its tries (all, and those before its last re-arm).</summary>
            private readonly struct Existing
            {
                public Existing(long id, QueueState state, int attempts, int attemptsAtRetry)
                {
                    Id = id;
                    State = state;
                    Attempts = attempts;
                    AttemptsAtRetry = attemptsAtRetry;
                }

                public long Id { get; }

                public QueueState State { get; }

                public int Attempts { get; }

                public int AttemptsAtRetry { get; }

                /// <summary>Whether a run tried it since a person last re-armed it.</summary>
                public bool TriedSinceRearm => Attempts > AttemptsAtRetry;
            }

            private void WriteMedia(long id, IReadOnlyList<string>? hashes, bool replace)
            {
                if (replace)
                {
                    _deleteMediaId.Value = id;
                    _deleteMedia.ExecuteNonQuery();
                }
                if (hashes == null)
                {
                    return;
                }
                for (var position = 0; position < hashes.Count; position++)
                {
                    _mediaId.Value = id;
                    _mediaPosition.Value = position;
                    _mediaHash.Value = hashes[position];
                    _insertMedia.ExecuteNonQuery();
                }
            }

            private static SqliteParameter Typed(SqliteCommand command, string name, SqliteType type) =>
                command.Parameters.Add(name, type);

            /// <summary>The post columns' parameters of the INSERT or UPDATE, bound per row.</summary>
            private sealed class PostParameters
            {
                private readonly SqliteParameter? _key;
                private readonly SqliteParameter? _state;
                private readonly SqliteParameter _connection;
                private readonly SqliteParameter _author;
                private readonly SqliteParameter _scheduled;
                private readonly SqliteParameter _zone;
                private readonly SqliteParameter _payload;

                public PostParameters(SqliteCommand command, string now)
                {
                    _key = command.CommandText.Contains("@key") ? Typed(command, "@key", SqliteType.Text) : null;
                    _state = command.CommandText.Contains("@state") ? Typed(command, "@state", SqliteType.Text) : null;
                    _connection = Typed(command, "@connection", SqliteType.Text);
                    _author = Typed(command, "@author", SqliteType.Text);
                    _scheduled = Typed(command, "@scheduled", SqliteType.Text);
                    _zone = Typed(command, "@zone", SqliteType.Text);
                    _payload = Typed(command, "@payload", SqliteType.Text);
                    Typed(command, "@now", SqliteType.Text).Value = now;
                }

                public void Bind(NewScheduledPost post, string author)
                {
                    if (_key != null)
                    {
                        _key.Value = post.Key;
                    }
                    if (_state != null)
                    {
                        _state.Value = post.Held ? "Held" : "Pending";
                    }
                    _connection.Value = post.Connection;
                    _author.Value = author;
                    _scheduled.Value = QueueTime.Format(post.ScheduledAt);
                    _zone.Value = post.TimeZoneId;
                    _payload.Value = post.PayloadJson;
                }
            }
        }
    }
}
