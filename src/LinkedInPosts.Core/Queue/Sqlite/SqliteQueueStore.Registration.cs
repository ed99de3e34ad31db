using System;
using System.Collections.Generic;
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
            for (var i = 0; i < posts.Count; i++)
            {
                var error = Validate(posts[i]);
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
                    using (var writer = new RegistrationWriter(connection, transaction, Now()))
                    {
                        foreach (var i in valid)
                        {
                            results[i] = writer.Register(i, posts[i], mode);
                        }
                    }
                    return valid.Count;
                });
            }
            return results!;
        }

        /// <summary>Why a registration cannot be stored, or null. Runs before the transaction, so the database only sees good rows.</summary>
        private string? Validate(NewScheduledPost? post)
        {
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
            if (post.Key.Trim().Length != post.Key.Length || HasControl(post.Key))
            {
                return "The key '" + post.Key + "' starts or ends with white space or holds a control character.";
            }
            if (string.IsNullOrWhiteSpace(post.Connection) || post.Connection.Length > QueueLimits.MaxNameLength)
            {
                return "The connection name is empty or longer than " + QueueLimits.MaxNameLength + " characters.";
            }
            if (!LinkedInUrn.TryParse(post.Author, out var author) || !author!.IsAuthor)
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
            return null;
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

        /// <summary>The prepared statements of one registration batch, reused for every row.</summary>
        private sealed class RegistrationWriter : IDisposable
        {
            private readonly SqliteCommand _insert;
            private readonly SqliteCommand _find;
            private readonly SqliteCommand _update;
            private readonly SqliteCommand _deleteMedia;
            private readonly SqliteCommand _insertMedia;
            private readonly string _now;

            public RegistrationWriter(SqliteConnection connection, SqliteTransaction transaction, string now)
            {
                _now = now;
                _insert = Command(connection, transaction,
                    "INSERT INTO posts (key, connection, author, scheduled_at, time_zone, due_at, state, payload, created_at, updated_at) " +
                    "VALUES (@key, @connection, @author, @scheduled, @zone, @scheduled, 'Pending', @payload, @now, @now) " +
                    "ON CONFLICT (key) DO NOTHING RETURNING id;");
                AddPostParameters(_insert);

                _find = Command(connection, transaction, "SELECT id, state FROM posts WHERE key = @key;");
                Parameter(_find, "@key");

                _update = Command(connection, transaction,
                    "UPDATE posts SET connection = @connection, author = @author, scheduled_at = @scheduled, time_zone = @zone, " +
                    "due_at = @scheduled, payload = @payload, updated_at = @now " +
                    "WHERE id = @id AND state IN ('Pending', 'Held');");
                AddPostParameters(_update);
                Parameter(_update, "@id");
                _update.Parameters.Remove(_update.Parameters["@key"]);

                _deleteMedia = Command(connection, transaction, "DELETE FROM post_media WHERE post_id = @id;");
                Parameter(_deleteMedia, "@id");

                _insertMedia = Command(connection, transaction, "INSERT INTO post_media (post_id, position, sha256) VALUES (@id, @position, @sha256);");
                Parameter(_insertMedia, "@id");
                Parameter(_insertMedia, "@position");
                Parameter(_insertMedia, "@sha256");
            }

            public RegistrationResult Register(int index, NewScheduledPost post, RegistrationMode mode)
            {
                Bind(_insert, post);
                var inserted = _insert.ExecuteScalar();
                if (inserted != null && inserted != DBNull.Value)
                {
                    var id = Convert.ToInt64(inserted, System.Globalization.CultureInfo.InvariantCulture);
                    WriteMedia(id, post.MediaHashes, replace: false);
                    return new RegistrationResult(index, post.Key, RegistrationOutcome.Added, id, QueueState.Pending, null);
                }

                _find.Parameters["@key"].Value = post.Key;
                long existingId;
                QueueState existingState;
                using (var reader = _find.ExecuteReader())
                {
                    reader.Read();
                    existingId = reader.GetInt64(0);
                    existingState = ParseState(reader.GetString(1));
                }
                if (mode == RegistrationMode.AddOnly)
                {
                    return new RegistrationResult(index, post.Key, RegistrationOutcome.AlreadyExists, existingId, existingState, null);
                }
                Bind(_update, post);
                _update.Parameters["@id"].Value = existingId;
                if (_update.ExecuteNonQuery() == 0)
                {
                    return new RegistrationResult(index, post.Key, RegistrationOutcome.NotUpdatable, existingId, existingState, null);
                }
                WriteMedia(existingId, post.MediaHashes, replace: true);
                return new RegistrationResult(index, post.Key, RegistrationOutcome.Updated, existingId, existingState, null);
            }

            public void Dispose()
            {
                _insert.Dispose();
                _find.Dispose();
                _update.Dispose();
                _deleteMedia.Dispose();
                _insertMedia.Dispose();
            }

            private static void AddPostParameters(SqliteCommand command)
            {
                foreach (var name in new[] { "@key", "@connection", "@author", "@scheduled", "@zone", "@payload", "@now" })
                {
                    Parameter(command, name);
                }
            }

            private void Bind(SqliteCommand command, NewScheduledPost post)
            {
                if (command.Parameters.Contains("@key"))
                {
                    command.Parameters["@key"].Value = post.Key;
                }
                command.Parameters["@connection"].Value = post.Connection;
                command.Parameters["@author"].Value = LinkedInUrn.Parse(post.Author).ToString();
                command.Parameters["@scheduled"].Value = QueueTime.Format(post.ScheduledAt);
                command.Parameters["@zone"].Value = post.TimeZoneId;
                command.Parameters["@payload"].Value = post.PayloadJson;
                command.Parameters["@now"].Value = _now;
            }

            private void WriteMedia(long id, IReadOnlyList<string>? hashes, bool replace)
            {
                if (replace)
                {
                    _deleteMedia.Parameters["@id"].Value = id;
                    _deleteMedia.ExecuteNonQuery();
                }
                if (hashes == null)
                {
                    return;
                }
                for (var position = 0; position < hashes.Count; position++)
                {
                    _insertMedia.Parameters["@id"].Value = id;
                    _insertMedia.Parameters["@position"].Value = position;
                    _insertMedia.Parameters["@sha256"].Value = hashes[position];
                    _insertMedia.ExecuteNonQuery();
                }
            }
        }
    }
}
