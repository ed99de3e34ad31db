using System;
using Microsoft.Data.Sqlite;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    /// <summary>
    /// Uploads of stored media files: media_uploads holds the finished ones (AVAILABLE on LinkedIn), which the runner
    /// reuses as they are; media_processing the ones LinkedIn was still processing, whose status is checked first.
    /// </summary>
    public sealed partial class SqliteQueueStore
    {
        /// <inheritdoc />
        public MediaUploadRecord? FindUpload(string sha256, string author, string apiBase, DateTimeOffset uploadedSince) =>
            ReadUpload("SELECT media_urn, uploaded_at FROM media_uploads WHERE sha256 = @sha AND author = @author AND api_base = @api AND uploaded_at >= @since;",
                sha256, author, apiBase, uploadedSince);

        /// <inheritdoc />
        public void RecordUpload(MediaUploadRecord upload)
        {
            if (upload == null)
            {
                throw new ArgumentNullException(nameof(upload));
            }
            Write("written", (connection, transaction) =>
            {
                using (var command = Command(connection, transaction,
                    "INSERT INTO media_uploads (sha256, author, api_base, media_urn, uploaded_at) VALUES (@sha, @author, @api, @urn, @at) " +
                    "ON CONFLICT (sha256, author, api_base) DO UPDATE SET media_urn = excluded.media_urn, uploaded_at = excluded.uploaded_at;"))
                {
                    BindUpload(command, upload);
                    command.ExecuteNonQuery();
                }
                using (var command = Command(connection, transaction,
                    "DELETE FROM media_processing WHERE sha256 = @sha AND author = @author AND api_base = @api;"))
                {
                    BindUpload(command, upload);
                    return command.ExecuteNonQuery();
                }
            });
        }

        /// <inheritdoc />
        public MediaUploadRecord? FindProcessingUpload(string sha256, string author, string apiBase, DateTimeOffset acceptedSince) =>
            ReadUpload("SELECT media_urn, accepted_at FROM media_processing WHERE sha256 = @sha AND author = @author AND api_base = @api AND accepted_at >= @since;",
                sha256, author, apiBase, acceptedSince);

        /// <inheritdoc />
        public void RecordProcessingUpload(MediaUploadRecord upload)
        {
            if (upload == null)
            {
                throw new ArgumentNullException(nameof(upload));
            }
            Write("written", (connection, transaction) =>
            {
                using (var command = Command(connection, transaction,
                    "INSERT INTO media_processing (sha256, author, api_base, media_urn, accepted_at) VALUES (@sha, @author, @api, @urn, @at) " +
                    "ON CONFLICT (sha256, author, api_base) DO UPDATE SET media_urn = excluded.media_urn, accepted_at = excluded.accepted_at;"))
                {
                    BindUpload(command, upload);
                    return command.ExecuteNonQuery();
                }
            });
        }

        /// <inheritdoc />
        public void ForgetUpload(MediaUploadRecord upload) =>
            Forget("DELETE FROM media_uploads WHERE sha256 = @sha AND author = @author AND api_base = @api AND media_urn = @urn;", upload);

        /// <inheritdoc />
        public void ForgetProcessingUpload(MediaUploadRecord upload) =>
            Forget("DELETE FROM media_processing WHERE sha256 = @sha AND author = @author AND api_base = @api AND media_urn = @urn;", upload);

        /// <summary>Deletes <paramref name="upload"/>'s row with <paramref name="sql"/>, only while it still names that media (another run may have recorded a newer one).</summary>
        private void Forget(string sql, MediaUploadRecord upload)
        {
            if (upload == null)
            {
                throw new ArgumentNullException(nameof(upload));
            }
            Write("written", (connection, transaction) =>
            {
                using (var command = Command(connection, transaction, sql))
                {
                    BindUpload(command, upload);
                    return command.ExecuteNonQuery();
                }
            });
        }

        private MediaUploadRecord? ReadUpload(string sql, string sha256, string author, string apiBase, DateTimeOffset since)
        {
            if (sha256 == null || author == null || apiBase == null)
            {
                throw new ArgumentNullException(sha256 == null ? nameof(sha256) : author == null ? nameof(author) : nameof(apiBase));
            }
            return Run("read", connection =>
            {
                using (var command = Command(connection, null, sql))
                {
                    command.Parameters.AddWithValue("@sha", sha256);
                    command.Parameters.AddWithValue("@author", author);
                    command.Parameters.AddWithValue("@api", apiBase);
                    command.Parameters.AddWithValue("@since", QueueTime.Format(since));
                    using (var reader = command.ExecuteReader())
                    {
                        return reader.Read()
                            ? new MediaUploadRecord(sha256, author, apiBase, reader.GetString(0), QueueTime.Parse(reader.GetString(1)))
                            : null;
                    }
                }
            });
        }

        private static void BindUpload(SqliteCommand command, MediaUploadRecord upload)
        {
            command.Parameters.AddWithValue("@sha", upload.Sha256);
            command.Parameters.AddWithValue("@author", upload.Author);
            command.Parameters.AddWithValue("@api", upload.ApiBase);
            command.Parameters.AddWithValue("@urn", upload.MediaUrn);
            command.Parameters.AddWithValue("@at", QueueTime.Format(upload.UploadedAt));
        }
    }
}
