using System;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    public sealed partial class SqliteQueueStore
    {
        /// <inheritdoc />
        public TransitionResult MarkPublishedAndBeginFirstComment(QueueClaim claim, string postUrn, DateTimeOffset publishedAt, int? httpStatus = null)
        {
            RequireClaim(claim);
            // Full: the comment call follows, and it must never be made twice.
            return Write("written", Durability.Full, (connection, transaction) =>
            {
                var published = PublishCalls(transaction, new[] { new PublishedCall(claim, postUrn, publishedAt, httpStatus) })[0];
                if (!published.Applied)
                {
                    return published;
                }
                // A post just made Published has never had a comment begun (no state leaves Published).
                var command = _prepared.For(transaction,
                    "UPDATE posts SET first_comment_state = 'Adding', first_comment_urn = NULL, first_comment_error = NULL " +
                    "WHERE id = @id AND first_comment_state IS NULL;");
                command.Parameters.AddWithValue("@id", claim.PostId);
                if (command.ExecuteNonQuery() != 1)
                {
                    throw new InvalidOperationException("The first comment of post " + claim.PostId + " was begun before it was published; nothing was changed.");
                }
                return published;
            });
        }

        /// <inheritdoc />
        public bool FinishFirstComment(long postId, string? commentUrn, string? error, DateTimeOffset now)
        {
            if ((commentUrn == null) == (error == null))
            {
                throw new ArgumentException("A first comment ends either added (its URN) or failed (the error), not both or neither.", nameof(commentUrn));
            }
            // Normal: lost to a power cut, the comment stays 'Adding' (outcome unknown), which is never retried either.
            return Write("written", Durability.Normal, (connection, transaction) =>
            {
                var command = _prepared.For(transaction,
                    "UPDATE posts SET first_comment_state = @state, first_comment_urn = @urn, first_comment_error = @error, updated_at = @now " +
                    "WHERE id = @id AND first_comment_state = 'Adding';");
                command.Parameters.AddWithValue("@id", postId);
                command.Parameters.AddWithValue("@state", commentUrn != null ? "Added" : "Failed");
                command.Parameters.AddWithValue("@urn", Nullable(commentUrn));
                command.Parameters.AddWithValue("@error", Nullable(QueueMessages.Clean(error, null)));
                command.Parameters.AddWithValue("@now", QueueTime.Format(now));
                return command.ExecuteNonQuery() == 1;
            });
        }
    }
}
