using System;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    public sealed partial class SqliteQueueStore
    {
        /// <summary>
        /// Keeps a Sending post Sending under its claim (the token stays, so <see cref="TakeOverExpiredSending"/>
        /// can take it once the lease runs out) with a lease that ends when the evidence should be looked at.
        /// </summary>
        private const string AwaitEvidenceSql =
            "UPDATE posts SET lease_until = @lease, last_error = @message, updated_at = @now " +
            "WHERE id = @id AND claim_token = @token AND state = 'Sending';";

        /// <inheritdoc />
        public TransitionResult AwaitEvidence(QueueClaim claim, DateTimeOffset leaseUntil, AttemptReport report)
        {
            RequireClaim(claim);
            RequireReport(report);
            if (leaseUntil <= report.At)
            {
                throw new ArgumentOutOfRangeException(nameof(leaseUntil), leaseUntil, "The post must wait for its evidence until after now (" + QueueTime.Format(report.At) + ").");
            }
            var at = QueueTime.Format(report.At);
            // Normal: rolled back by a power cut, the post is Sending with the shorter lease it had and its attempt
            // open, which is a dead run's post: it is settled by the same evidence, only sooner.
            return Write("written", Durability.Normal, (connection, transaction) =>
            {
                var result = Transition(transaction, claim.PostId, AwaitEvidenceSql, command =>
                {
                    command.Parameters.AddWithValue("@token", claim.Token);
                    command.Parameters.AddWithValue("@lease", QueueTime.Format(leaseUntil));
                    command.Parameters.AddWithValue("@message", Nullable(QueueMessages.Clean(report.Message, report.Secrets)));
                    command.Parameters.AddWithValue("@now", at);
                });
                if (!result.Applied)
                {
                    return result;
                }
                // No call open (a check failed before any was made): the check is recorded as a try of its own, so
                // that checks which keep failing run into MaxAttempts too.
                return new TransitionResult(true, QueueState.Sending, CloseOrRecordAttempt(transaction, claim, AttemptOutcome.Unknown, report, result.Attempts));
            });
        }

        /// <inheritdoc />
        public TransitionResult OpenEvidenceCheck(QueueClaim claim, DateTimeOffset now)
        {
            RequireClaim(claim);
            var at = QueueTime.Format(now);
            // Normal: rolled back, the post is as it was (Sending, no attempt open) and the next resolver opens one.
            return Write("written", Durability.Normal, (connection, transaction) =>
            {
                var result = Transition(transaction, claim.PostId,
                    "UPDATE posts SET updated_at = @now WHERE id = @id AND claim_token = @token AND state = 'Sending';",
                    command =>
                    {
                        command.Parameters.AddWithValue("@token", claim.Token);
                        command.Parameters.AddWithValue("@now", at);
                    });
                if (!result.Applied)
                {
                    return result;
                }
                using (var open = Command(connection, transaction, "SELECT count(*) FROM attempts WHERE post_id = @id AND outcome = 'InProgress';"))
                {
                    open.Parameters.AddWithValue("@id", claim.PostId);
                    if (Convert.ToInt32(open.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                    {
                        return result; // a dead run's call is still open: the check settles that one
                    }
                }
                return new TransitionResult(true, QueueState.Sending, OpenAttempt(transaction, claim, at, QueueAttempt.ReadBackKind));
            });
        }
    }
}
