using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    public sealed partial class SqliteQueueStore
    {
        /// <summary>
        /// A throttled connection's Pending posts due before the throttle ends, found through the partial index
        /// posts_pending_due (Pending rows only, by due time): the cost follows the posts due before then (at most a
        /// day's: LinkedIn's limits reset at midnight UTC), not the history or posts scheduled far ahead.
        /// </summary>
        internal const string DeferPendingSql =
            "UPDATE posts INDEXED BY posts_pending_due SET due_at = @until, updated_at = @now " +
            "WHERE state = 'Pending' AND due_at < @until AND connection = @connection COLLATE NOCASE;";

        /// <summary>Due Pending posts, as ClaimDue finds them, read without claiming (pinned to the same index).</summary>
        internal const string DuePendingSql =
            "SELECT " + PostColumns + " FROM posts INDEXED BY posts_pending_due WHERE state = 'Pending' AND due_at <= @now ORDER BY due_at, id LIMIT @max;";

        /// <summary>Claims that ClaimDue would release first (their lease ran out before anything was sent).</summary>
        internal const string ExpiredClaimsSql =
            "SELECT " + PostColumns + " FROM posts INDEXED BY posts_claimed_lease WHERE state = 'Claimed' AND lease_until <= @now ORDER BY lease_until, id LIMIT @max;";

        /// <inheritdoc />
        public IReadOnlyList<ScheduledPost> FindDue(DateTimeOffset now, int max)
        {
            if (max <= 0)
            {
                return Array.Empty<ScheduledPost>();
            }
            return Run("read", connection =>
            {
                var found = new List<ScheduledPost>();
                foreach (var sql in new[] { ExpiredClaimsSql, DuePendingSql })
                {
                    using (var command = Command(connection, null, sql))
                    {
                        command.Parameters.AddWithValue("@now", QueueTime.Format(now));
                        command.Parameters.AddWithValue("@max", max);
                        found.AddRange(ReadPosts(command));
                    }
                }
                found.Sort((a, b) => a.DueAtUtc != b.DueAtUtc ? a.DueAtUtc.CompareTo(b.DueAtUtc) : a.Id.CompareTo(b.Id));
                if (found.Count > max)
                {
                    found.RemoveRange(max, found.Count - max);
                }
                LoadMedia(null, found);
                return (IReadOnlyList<ScheduledPost>)found;
            });
        }

        /// <inheritdoc />
        public TransitionResult ReleaseUntil(QueueClaim claim, DateTimeOffset dueAt, DateTimeOffset now)
        {
            RequireClaim(claim);
            // Normal: rolled back by a power cut, the claim's lease runs out and the post is due again (and deferred again).
            return Write("written", Durability.Normal, (connection, transaction) => Transition(transaction, claim.PostId,
                "UPDATE posts SET state = 'Pending', due_at = max(due_at, @due), claim_token = NULL, lease_until = NULL, updated_at = @now " +
                "WHERE id = @id AND claim_token = @token AND state = 'Claimed';",
                command =>
                {
                    command.Parameters.AddWithValue("@token", claim.Token);
                    command.Parameters.AddWithValue("@due", QueueTime.Format(dueAt));
                    command.Parameters.AddWithValue("@now", QueueTime.Format(now));
                }));
        }

        /// <inheritdoc />
        public int DeferPending(string connection, DateTimeOffset until, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new ArgumentException("The connection is needed.", nameof(connection));
            }
            return Write("written", (sqlite, transaction) =>
            {
                using (var command = Command(sqlite, transaction, DeferPendingSql))
                {
                    command.Parameters.AddWithValue("@connection", connection);
                    command.Parameters.AddWithValue("@until", QueueTime.Format(until));
                    command.Parameters.AddWithValue("@now", QueueTime.Format(now));
                    return command.ExecuteNonQuery();
                }
            });
        }
    }
}
