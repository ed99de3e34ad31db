using System;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    public sealed partial class SqliteQueueStore
    {
        /// <inheritdoc />
        public MediaUploadRecord? FindUpload(string sha256, string author, string apiBase, DateTimeOffset uploadedSince)
        {
            if (sha256 == null || author == null || apiBase == null)
            {
                throw new ArgumentNullException(sha256 == null ? nameof(sha256) : author == null ? nameof(author) : nameof(apiBase));
            }
            return Run("read", connection =>
            {
                using (var command = Command(connection, null,
                    "SELECT media_urn, uploaded_at FROM media_uploads WHERE sha256 = @sha AND author = @author AND api_base = @api AND uploaded_at >= @since;"))
                {
                    command.Parameters.AddWithValue("@sha", sha256);
                    command.Parameters.AddWithValue("@author", author);
                    command.Parameters.AddWithValue("@api", apiBase);
                    command.Parameters.AddWithValue("@since", QueueTime.Format(uploadedSince));
                    using (var reader = command.ExecuteReader())
                    {
                        return reader.Read()
                            ? new MediaUploadRecord(sha256, author, apiBase, reader.GetString(0), QueueTime.Parse(reader.GetString(1)))
                            : null;
                    }
                }
            });
        }

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
                    command.Parameters.AddWithValue("@sha", upload.Sha256);
                    command.Parameters.AddWithValue("@author", upload.Author);
                    command.Parameters.AddWithValue("@api", upload.ApiBase);
                    command.Parameters.AddWithValue("@urn", upload.MediaUrn);
                    command.Parameters.AddWithValue("@at", QueueTime.Format(upload.UploadedAt));
                    return command.ExecuteNonQuery();
                }
            });
        }
    }
}
