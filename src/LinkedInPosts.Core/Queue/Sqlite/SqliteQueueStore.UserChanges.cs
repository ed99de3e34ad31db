using System;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    public sealed partial class SqliteQueueStore
    {
        /// <inheritdoc />
        public TransitionResult Hold(long id, DateTimeOffset now) =>
            UserChange(id, now, "UPDATE posts SET state = 'Held', updated_at = @now WHERE id = @id AND state = 'Pending';");

        /// <inheritdoc />
        public TransitionResult Resume(long id, DateTimeOffset now) =>
            UserChange(id, now, "UPDATE posts SET state = 'Pending', updated_at = @now WHERE id = @id AND state = 'Held';");

        /// <inheritdoc />
        public TransitionResult Cancel(long id, DateTimeOffset now) =>
            UserChange(id, now,
                "UPDATE posts SET state = 'Cancelled', updated_at = @now " +
                "WHERE id = @id AND state IN ('Pending', 'Held', 'Failed', 'Missed', 'Unconfirmed');");

        /// <inheritdoc />
        public TransitionResult Reschedule(long id, DateTimeOffset scheduledAt, string timeZoneId, DateTimeOffset now, RescheduleKind kind)
        {
            if (string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId.Length > QueueLimits.MaxNameLength)
            {
                throw new ArgumentException("The time zone id is empty or longer than " + QueueLimits.MaxNameLength + " characters.", nameof(timeZoneId));
            }
            // A move keeps the state (Held stays Held) and the attempt budget: it is the same run of tries. A re-arm is
            // a person's decision to try again: Pending, and the runner's MaxAttempts counts from here.
            string sql;
            switch (kind)
            {
                case RescheduleKind.Move:
                    sql = "UPDATE posts SET scheduled_at = @scheduled, due_at = @scheduled, time_zone = @zone, updated_at = @now " +
                        "WHERE id = @id AND state IN ('Pending', 'Held');";
                    break;
                case RescheduleKind.Retry:
                    sql = Rearm("'Failed', 'Missed'");
                    break;
                case RescheduleKind.Resend:
                    sql = Rearm("'Unconfirmed'");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of reschedule.");
            }
            return UserChange(id, now, sql, command =>
            {
                command.Parameters.AddWithValue("@scheduled", QueueTime.Format(scheduledAt));
                command.Parameters.AddWithValue("@zone", timeZoneId);
            });
        }

        private static string Rearm(string fromStates) =>
            "UPDATE posts SET scheduled_at = @scheduled, due_at = @scheduled, time_zone = @zone, attempts_at_retry = attempts, " +
            "state = 'Pending', updated_at = @now WHERE id = @id AND state IN (" + fromStates + ");";

        /// <inheritdoc />
        public TransitionResult ConfirmPublished(long id, string postUrn, DateTimeOffset publishedAt, DateTimeOffset now)
        {
            if (!LinkedInUrn.TryParse(postUrn, out var urn) || !urn!.IsPost)
            {
                throw new ArgumentException("'" + postUrn + "' is not a post URN (urn:li:share:<id> or urn:li:ugcPost:<id>).", nameof(postUrn));
            }
            // Any post no run holds and that is not Published yet: Unconfirmed above all, but also a Pending or Held post a
            // run's create call may have reached (a 5xx, then a 429 left it waiting) that the person found on LinkedIn, a
            // Failed, Missed or Cancelled one that went out after all, or one the person posted by hand: recorded, the queue
            // never sends it. Also a Sending post that waits for evidence (no attempt open, or only a read-back: no call in
            // flight), which a person may settle before the next run looks; a Claimed post, or a Sending post with a call's
            // attempt open (it may be mid-call), is refused.
            // Claims are cleared, so whatever a run still holds for it is refused from now on.
            // A first comment no run began (the queue comments only on a create it recorded) is marked Failed with
            // what to do, so Test-LinkedInPostQueue and Get-LinkedInScheduledPost -FirstCommentState show it until the
            // person adds it and says so (SettleFirstComment); left empty, nothing ever pointed at it.
            return UserChange(id, now,
                "UPDATE posts SET state = 'Published', post_urn = @urn, published_at = @published, last_error = NULL, " +
                "claim_token = NULL, lease_until = NULL, updated_at = @now, " +
                "first_comment_error = CASE WHEN " + HasFirstCommentNoRunBegan + " THEN @commentError ELSE first_comment_error END, " +
                "first_comment_state = CASE WHEN " + HasFirstCommentNoRunBegan + " THEN 'Failed' ELSE first_comment_state END " +
                "WHERE id = @id AND (state IN ('Unconfirmed', 'Pending', 'Held', 'Failed', 'Missed', 'Cancelled') OR (state = 'Sending' AND NOT EXISTS " +
                "(SELECT 1 FROM attempts WHERE attempts.post_id = @id AND attempts.outcome = 'InProgress' AND attempts.error_kind IS NOT '" + QueueAttempt.ReadBackKind + "')));",
                command =>
                {
                    command.Parameters.AddWithValue("@urn", urn.ToString());
                    command.Parameters.AddWithValue("@published", QueueTime.Format(publishedAt));
                    command.Parameters.AddWithValue("@commentError", FirstCommentNotAdded);
                },
                // A read-back a run left open settles with the person's word, so that no attempt stays open on a published post.
                transaction => CloseOpenAttempt(transaction, id, AttemptOutcome.Published,
                    new AttemptReport { At = now, Message = "Confirmed published by a person (Set-LinkedInScheduledPost -ConfirmPublished)." }, urn.ToString()));
        }

        /// <summary>
        /// The post's payload has a first comment, as <see cref="QueuePayload"/> reads one (a non-empty string), and no
        /// run began it. In SQL, so that the confirm stays one guarded statement.
        /// </summary>
        private const string HasFirstCommentNoRunBegan =
            "first_comment_state IS NULL AND json_type(payload, '$.firstComment') = 'text' AND json_extract(payload, '$.firstComment') <> ''";

        private const string FirstCommentNotAdded =
            "Not added: the post was confirmed published by a person (Set-LinkedInScheduledPost -ConfirmPublished), and the queue comments only on a create it recorded.";

        /// <inheritdoc />
        public TransitionResult SettleFirstComment(long id, string? commentUrn, DateTimeOffset now)
        {
            LinkedInUrn? urn = null;
            if (commentUrn != null && (!LinkedInUrn.TryParse(commentUrn, out urn) || urn!.EntityType != LinkedInUrn.Comment))
            {
                throw new ArgumentException("'" + commentUrn + "' is not a comment URN (urn:li:comment:(<post or activity URN>,<id>)).", nameof(commentUrn));
            }
            // Adding too: its call's outcome is unknown and no run makes it again, so only the person's word settles it.
            return UserChange(id, now,
                "UPDATE posts SET first_comment_state = 'Added', first_comment_urn = @commentUrn, first_comment_error = NULL, updated_at = @now " +
                "WHERE id = @id AND state = 'Published' AND first_comment_state IN ('Failed', 'Adding')",
                // As LinkedIn writes it: one copied from an address (%3A-escaped) is stored decoded, as a run would store it.
                command => command.Parameters.AddWithValue("@commentUrn", Nullable(urn?.ToString())));
        }

        private TransitionResult UserChange(long id, DateTimeOffset now, string sql, Action<Microsoft.Data.Sqlite.SqliteCommand>? bind = null,
            Action<Microsoft.Data.Sqlite.SqliteTransaction>? thenApplied = null) =>
            Write("written", (connection, transaction) =>
            {
                var result = Transition(transaction, id, sql, command =>
                {
                    command.Parameters.AddWithValue("@now", QueueTime.Format(now));
                    bind?.Invoke(command);
                });
                if (result.Applied)
                {
                    thenApplied?.Invoke(transaction);
                }
                return result;
            });
    }
}
