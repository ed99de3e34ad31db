using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    public sealed partial class SqliteQueueStore
    {
        /// <summary>Claims whose lease ran out before MarkSending: nothing was sent, so they are simply due again (partial index posts_claimed_lease, pinned as below).</summary>
        internal const string ReleaseExpiredClaimsSql =
            "UPDATE posts INDEXED BY posts_claimed_lease SET state = 'Pending', claim_token = NULL, lease_until = NULL, updated_at = @now " +
            "WHERE state = 'Claimed' AND lease_until <= @now;";

        /// <summary>
        /// The claim: one UPDATE of the earliest due Pending posts. They are found through the partial index
        /// posts_pending_due, which holds Pending posts only, ordered by due time: the cost does not grow with
        /// the published history or with posts scheduled far ahead. <c>INDEXED BY</c> pins that choice (the
        /// planner, without statistics, would rather take posts_state_scheduled and sort), and makes SQLite
        /// fail the statement rather than silently scan if the index ever stopped matching the query.
        /// </summary>
        internal const string ClaimSql =
            "UPDATE posts SET state = 'Claimed', claimed_by = @runner, claim_token = @token, lease_until = @lease, updated_at = @now " +
            "WHERE id IN (SELECT id FROM posts INDEXED BY posts_pending_due WHERE state = 'Pending' AND due_at <= @now ORDER BY due_at, id LIMIT @max) " +
            "RETURNING " + PostColumns + ";";

        /// <summary>Expired Sending posts, through the partial index posts_sending_lease (pinned as above).</summary>
        internal const string ExpiredSendingSql =
            "SELECT " + PostColumns + " FROM posts INDEXED BY posts_sending_lease WHERE state = 'Sending' AND lease_until <= @now ORDER BY lease_until, id LIMIT @max;";

        /// <inheritdoc />
        public IReadOnlyList<ScheduledPost> ClaimDue(DateTimeOffset now, string runnerId, TimeSpan lease, int max)
        {
            RequireRunner(runnerId);
            RequireLease(lease);
            if (max <= 0)
            {
                return Array.Empty<ScheduledPost>();
            }
            var at = QueueTime.Format(now);
            var token = Guid.NewGuid().ToString("N");
            var leaseUntil = QueueTime.Format(now + lease);
            // Normal: a claim lost to a power cut is simply Pending again; nothing is sent before a durable Sending.
            return Write("claimed from", Durability.Normal, (connection, transaction) =>
            {
                var release = _prepared.For(transaction, ReleaseExpiredClaimsSql);
                release.Parameters.AddWithValue("@now", at);
                release.ExecuteNonQuery();
                var claim = _prepared.For(transaction, ClaimSql);
                claim.Parameters.AddWithValue("@now", at);
                claim.Parameters.AddWithValue("@runner", runnerId);
                claim.Parameters.AddWithValue("@token", token);
                claim.Parameters.AddWithValue("@lease", leaseUntil);
                claim.Parameters.AddWithValue("@max", max);
                var claimed = ReadPosts(claim);
                claimed.Sort((a, b) => a.DueAtUtc != b.DueAtUtc ? a.DueAtUtc.CompareTo(b.DueAtUtc) : a.Id.CompareTo(b.Id));
                LoadMedia(transaction, claimed);
                return (IReadOnlyList<ScheduledPost>)claimed;
            });
        }

        /// <inheritdoc />
        public TransitionResult RenewLease(QueueClaim claim, DateTimeOffset now, TimeSpan lease)
        {
            RequireClaim(claim);
            RequireLease(lease);
            // Normal: a renewal lost to a power cut only means a lease that runs out sooner, when no run is left to need it.
            return Write("written", Durability.Normal, (connection, transaction) => Transition(transaction, claim.PostId,
                "UPDATE posts SET lease_until = @lease, updated_at = @now " +
                "WHERE id = @id AND claim_token = @token AND state IN ('Claimed', 'Sending');",
                command =>
                {
                    command.Parameters.AddWithValue("@token", claim.Token);
                    command.Parameters.AddWithValue("@lease", QueueTime.Format(now + lease));
                    command.Parameters.AddWithValue("@now", QueueTime.Format(now));
                }));
        }

        /// <inheritdoc />
        public TransitionResult MarkSending(QueueClaim claim, DateTimeOffset now, TimeSpan lease)
        {
            RequireClaim(claim);
            RequireLease(lease);
            var at = QueueTime.Format(now);
            return Write("written", (connection, transaction) =>
            {
                // Already Sending: a resolver's resend, after a call that may have landed. Claimed: a first call.
                var resend = Current(transaction, claim.PostId).State == QueueState.Sending;
                var result = Transition(transaction, claim.PostId,
                    "UPDATE posts SET state = 'Sending', lease_until = @lease, updated_at = @now " +
                    "WHERE id = @id AND claim_token = @token AND state IN ('Claimed', 'Sending') AND lease_until > @now;",
                    command =>
                    {
                        command.Parameters.AddWithValue("@token", claim.Token);
                        command.Parameters.AddWithValue("@lease", QueueTime.Format(now + lease));
                        command.Parameters.AddWithValue("@now", at);
                    });
                if (!result.Applied)
                {
                    return result;
                }
                var continued = ContinueReadBackAsSend(transaction, claim);
                if (continued != null)
                {
                    return new TransitionResult(true, QueueState.Sending, continued.Value);
                }
                CloseOpenAttempt(transaction, claim.PostId, AttemptOutcome.Unknown,
                    new AttemptReport { At = now, ErrorKind = QueueAttempt.SupersededKind, Message = "Sent again under the same claim to settle an unknown outcome." }, null);
                var number = OpenAttempt(transaction, claim, at, resend ? QueueAttempt.ResendKind : null);
                return new TransitionResult(true, QueueState.Sending, number);
            });
        }

        /// <summary>
        /// One post of <see cref="MarkSendingWindow"/>: Claimed with a live lease under the claim becomes Sending and
        /// counts the attempt it begins (its number comes back). Unlike <see cref="MarkSending"/> it never accepts a
        /// Sending post (a resend to settle an unknown outcome always goes through MarkSending, one at a time).
        /// </summary>
        private const string MarkWindowSendingSql =
            "UPDATE posts SET state = 'Sending', attempts = attempts + 1, lease_until = @lease, updated_at = @now " +
            "WHERE id = @id AND claim_token = @token AND state = 'Claimed' AND lease_until > @now RETURNING attempts;";

        /// <summary>The attempt a post marked Sending begins: number <c>attempts</c>, open (InProgress) under the claim.</summary>
        private const string InsertOpenAttemptSql =
            "INSERT INTO attempts (post_id, number, runner, claim_token, started_at, outcome, error_kind) VALUES (@id, @number, @runner, @token, @at, 'InProgress', @kind);";

        /// <summary>
        /// Sending back to Claimed, for <see cref="UnmarkSending"/>: only under the claim that marked it, while its
        /// open attempt is that claim's window call (no ErrorKind: not a resolver's read-back or resend), and only
        /// when that attempt is not a resend (nor is the attempt before it superseded by it, as files written before
        /// the Resend mark have it): a resolver's resend may follow a call that landed, so its post is never "known
        /// not sent". The attempt count goes back by the attempt that is removed.
        /// </summary>
        private const string UnmarkSendingSql =
            "UPDATE posts SET state = 'Claimed', attempts = attempts - 1, updated_at = @now " +
            "WHERE id = @id AND claim_token = @token AND state = 'Sending' " +
            "AND EXISTS (SELECT 1 FROM attempts a WHERE a.post_id = posts.id AND a.number = posts.attempts AND a.outcome = 'InProgress' AND a.claim_token = @token AND a.error_kind IS NULL) " +
            "AND NOT EXISTS (SELECT 1 FROM attempts b WHERE b.post_id = posts.id AND b.number < posts.attempts AND (b.outcome = 'InProgress' OR b.claim_token = @token OR (b.number = posts.attempts - 1 AND b.error_kind = '" + QueueAttempt.SupersededKind + "')));";

        /// <inheritdoc />
        public IReadOnlyList<TransitionResult> MarkSendingWindow(IReadOnlyList<QueueClaim> claims, DateTimeOffset now, TimeSpan lease)
        {
            RequireClaims(claims);
            RequireLease(lease);
            if (claims.Count == 0)
            {
                return Array.Empty<TransitionResult>();
            }
            var at = QueueTime.Format(now);
            var leaseUntil = QueueTime.Format(now + lease);
            // One durable commit (synchronous=FULL) for the whole window: every post in it is Sending on disk before
            // the first of their create calls is made. Each post is guarded by its own claim, as MarkSending is.
            return Write("written", Durability.Full, (connection, transaction) =>
            {
                var results = new TransitionResult[claims.Count];
                for (var i = 0; i < claims.Count; i++)
                {
                    var claim = claims[i];
                    var mark = _prepared.For(transaction, MarkWindowSendingSql);
                    mark.Parameters.AddWithValue("@id", claim.PostId);
                    mark.Parameters.AddWithValue("@token", claim.Token);
                    mark.Parameters.AddWithValue("@lease", leaseUntil);
                    mark.Parameters.AddWithValue("@now", at);
                    var number = mark.ExecuteScalar();
                    if (number == null)
                    {
                        results[i] = Current(transaction, claim.PostId);
                        continue;
                    }
                    var attempt = Convert.ToInt32(number, System.Globalization.CultureInfo.InvariantCulture);
                    InsertOpenAttempt(transaction, claim, attempt, at);
                    results[i] = new TransitionResult(true, QueueState.Sending, attempt);
                }
                return (IReadOnlyList<TransitionResult>)results;
            });
        }

        /// <inheritdoc />
        public IReadOnlyList<TransitionResult> UnmarkSending(IReadOnlyList<QueueClaim> claims, DateTimeOffset now)
        {
            RequireClaims(claims);
            if (claims.Count == 0)
            {
                return Array.Empty<TransitionResult>();
            }
            var at = QueueTime.Format(now);
            // Normal: rolled back by a power cut, the post is Sending again with an open attempt and no call made; when
            // its lease runs out it is settled by evidence (a read-back finds nothing, or a resend gets a 201).
            return Write("written", Durability.Normal, (connection, transaction) =>
            {
                var results = new TransitionResult[claims.Count];
                for (var i = 0; i < claims.Count; i++)
                {
                    var claim = claims[i];
                    var result = Transition(transaction, claim.PostId, UnmarkSendingSql, command =>
                    {
                        command.Parameters.AddWithValue("@token", claim.Token);
                        command.Parameters.AddWithValue("@now", at);
                    });
                    if (result.Applied)
                    {
                        // The attempt that was opened for a call never made: it was not a try, so it is not kept.
                        using (var delete = Command(connection, transaction,
                            "DELETE FROM attempts WHERE post_id = @id AND number = @number AND outcome = 'InProgress' AND claim_token = @token;"))
                        {
                            delete.Parameters.AddWithValue("@id", claim.PostId);
                            delete.Parameters.AddWithValue("@number", result.Attempts + 1);
                            delete.Parameters.AddWithValue("@token", claim.Token);
                            if (delete.ExecuteNonQuery() != 1)
                            {
                                throw new InvalidOperationException("The open attempt of post " + claim.PostId + " was not found; nothing was changed.");
                            }
                        }
                    }
                    results[i] = result;
                }
                return (IReadOnlyList<TransitionResult>)results;
            });
        }

        /// <summary>Sending becomes Published under the claim that sent it, or under the claim of its open attempt (a resolver's resend).</summary>
        private const string MarkPublishedSql =
            "UPDATE posts SET state = 'Published', post_urn = @urn, published_at = @at, last_error = NULL, " +
            "claim_token = NULL, lease_until = NULL, updated_at = @at " +
            "WHERE id = @id AND state = 'Sending' AND (claim_token = @token OR EXISTS " +
            "(SELECT 1 FROM attempts WHERE post_id = @id AND outcome = 'InProgress' AND claim_token = @token));";

        /// <inheritdoc />
        public TransitionResult MarkPublished(QueueClaim claim, string postUrn, DateTimeOffset publishedAt, int? httpStatus = null, bool durable = true) =>
            MarkPublished(new[] { new PublishedCall(claim, postUrn, publishedAt, httpStatus) }, durable)[0];

        /// <inheritdoc />
        public IReadOnlyList<TransitionResult> MarkPublished(IReadOnlyList<PublishedCall> calls, bool durable = true)
        {
            if (calls == null)
            {
                throw new ArgumentNullException(nameof(calls));
            }
            foreach (var call in calls)
            {
                if (call == null)
                {
                    throw new ArgumentException("A published call is missing.", nameof(calls));
                }
            }
            if (calls.Count == 0)
            {
                return Array.Empty<TransitionResult>();
            }
            // One transaction for all: the runner records a window's creates together. Each post is guarded by its own claim.
            return Write("written", durable ? Durability.Full : Durability.Normal, (connection, transaction) => PublishCalls(transaction, calls));
        }

        /// <summary>The calls' posts made Published, each under its own claim, with their open attempts closed; in one transaction.</summary>
        private IReadOnlyList<TransitionResult> PublishCalls(SqliteTransaction transaction, IReadOnlyList<PublishedCall> calls)
        {
            var results = new TransitionResult[calls.Count];
            for (var i = 0; i < calls.Count; i++)
            {
                var call = calls[i];
                var result = Transition(transaction, call.Claim.PostId, MarkPublishedSql, command =>
                {
                    command.Parameters.AddWithValue("@token", call.Claim.Token);
                    command.Parameters.AddWithValue("@urn", call.PostUrn);
                    command.Parameters.AddWithValue("@at", QueueTime.Format(call.PublishedAt));
                });
                if (result.Applied)
                {
                    CloseOpenAttempt(transaction, call.Claim.PostId, AttemptOutcome.Published,
                        new AttemptReport { At = call.PublishedAt, HttpStatus = call.HttpStatus }, call.PostUrn);
                }
                results[i] = result;
            }
            return results;
        }

        /// <inheritdoc />
        public TransitionResult MarkFailed(QueueClaim claim, AttemptReport report) =>
            Finish(claim, report, "'Claimed', 'Sending'", QueueState.Failed, AttemptOutcome.Failed, "state = 'Failed', ");

        /// <inheritdoc />
        public TransitionResult RetryLater(QueueClaim claim, DateTimeOffset dueAt, AttemptReport report) =>
            Finish(claim, report, "'Claimed', 'Sending'", QueueState.Pending, AttemptOutcome.Retry, "state = 'Pending', due_at = @due, ",
                command => command.Parameters.AddWithValue("@due", QueueTime.Format(dueAt)));

        /// <inheritdoc />
        public TransitionResult MarkUnconfirmed(QueueClaim claim, AttemptReport report) =>
            Finish(claim, report, "'Claimed', 'Sending'", QueueState.Unconfirmed, AttemptOutcome.Unknown, "state = 'Unconfirmed', ");

        /// <inheritdoc />
        public TransitionResult MarkMissed(QueueClaim claim, AttemptReport report)
        {
            RequireClaim(claim);
            RequireReport(report);
            // Normal: rolled back by a power cut, the claim's lease runs out and it is marked Missed again.
            return Write("written", Durability.Normal, (connection, transaction) => Transition(transaction, claim.PostId,
                "UPDATE posts SET state = 'Missed', last_error = @message, claim_token = NULL, lease_until = NULL, updated_at = @now " +
                "WHERE id = @id AND claim_token = @token AND state = 'Claimed';",
                command =>
                {
                    command.Parameters.AddWithValue("@token", claim.Token);
                    command.Parameters.AddWithValue("@message", Nullable(QueueMessages.Clean(report.Message, report.Secrets)));
                    command.Parameters.AddWithValue("@now", QueueTime.Format(report.At));
                }));
        }

        /// <inheritdoc />
        public TransitionResult Release(QueueClaim claim, DateTimeOffset now)
        {
            RequireClaim(claim);
            // Normal: rolled back by a power cut, the claim's lease runs out and it is due again all the same.
            return Write("written", Durability.Normal, (connection, transaction) => Transition(transaction, claim.PostId,
                "UPDATE posts SET state = 'Pending', claim_token = NULL, lease_until = NULL, updated_at = @now " +
                "WHERE id = @id AND claim_token = @token AND state = 'Claimed';",
                command =>
                {
                    command.Parameters.AddWithValue("@token", claim.Token);
                    command.Parameters.AddWithValue("@now", QueueTime.Format(now));
                }));
        }

        /// <inheritdoc />
        public IReadOnlyList<ScheduledPost> FindExpiredSending(DateTimeOffset now, int max = 100)
        {
            if (max <= 0)
            {
                return Array.Empty<ScheduledPost>();
            }
            return Run("read", connection =>
            {
                using (var command = Command(connection, null, ExpiredSendingSql))
                {
                    command.Parameters.AddWithValue("@now", QueueTime.Format(now));
                    command.Parameters.AddWithValue("@max", max);
                    var posts = ReadPosts(command);
                    LoadMedia(null, posts);
                    return (IReadOnlyList<ScheduledPost>)posts;
                }
            });
        }

        /// <inheritdoc />
        public ScheduledPost? TakeOverExpiredSending(long id, string expiredToken, DateTimeOffset now, string runnerId, TimeSpan lease)
        {
            RequireRunner(runnerId);
            RequireLease(lease);
            if (string.IsNullOrEmpty(expiredToken))
            {
                throw new ArgumentException("The expired claim's token is needed.", nameof(expiredToken));
            }
            var at = QueueTime.Format(now);
            return Write("written", (connection, transaction) =>
            {
                List<ScheduledPost> taken;
                using (var command = Command(connection, transaction,
                    "UPDATE posts SET last_error = 'The outcome of its create call by ' || coalesce(claimed_by, '(unknown)') || ' is not known (that run ended, ' || " +
                    "'or LinkedIn gave no clear answer and it waited); taken over by ' || @runner || ' to settle it by evidence.', " +
                    "claimed_by = @runner, claim_token = @token, lease_until = @lease, updated_at = @now " +
                    "WHERE id = @id AND state = 'Sending' AND claim_token = @expired AND lease_until <= @now " +
                    "RETURNING " + PostColumns + ";"))
                {
                    command.Parameters.AddWithValue("@id", id);
                    command.Parameters.AddWithValue("@runner", runnerId);
                    command.Parameters.AddWithValue("@token", Guid.NewGuid().ToString("N"));
                    command.Parameters.AddWithValue("@lease", QueueTime.Format(now + lease));
                    command.Parameters.AddWithValue("@now", at);
                    command.Parameters.AddWithValue("@expired", expiredToken);
                    taken = ReadPosts(command);
                }
                if (taken.Count == 0)
                {
                    return null;
                }
                LoadMedia(transaction, taken);
                return taken[0];
            });
        }

        /// <summary>A runner change that ends an attempt: closes the open attempt (Sending) or records a closed one (Claimed).</summary>
        private TransitionResult Finish(QueueClaim claim, AttemptReport report, string fromStates, QueueState to, AttemptOutcome outcome, string set, Action<SqliteCommand>? bind = null)
        {
            RequireClaim(claim);
            RequireReport(report);
            var at = QueueTime.Format(report.At);
            var message = QueueMessages.Clean(report.Message, report.Secrets);
            // Normal: this records what happened (or did not) before or after a create call. Rolled back by a power
            // cut, a Sending post is Sending again and is settled by evidence like a crash during the call; a
            // Claimed one is Claimed again and its lease runs out.
            return Write("written", Durability.Normal, (connection, transaction) =>
            {
                var result = Transition(transaction, claim.PostId,
                    "UPDATE posts SET " + set + "last_error = @message, claim_token = NULL, lease_until = NULL, updated_at = @now " +
                    "WHERE id = @id AND claim_token = @token AND state IN (" + fromStates + ");",
                    command =>
                    {
                        command.Parameters.AddWithValue("@token", claim.Token);
                        command.Parameters.AddWithValue("@message", Nullable(message));
                        command.Parameters.AddWithValue("@now", at);
                        bind?.Invoke(command);
                    });
                if (!result.Applied)
                {
                    return result;
                }
                // Claimed: the attempt failed before any create call (token, media upload), and is recorded closed.
                return new TransitionResult(true, to, CloseOrRecordAttempt(transaction, claim, outcome, report, result.Attempts));
            });
        }

        /// <summary>
        /// Runs a guarded UPDATE of one post (one statement ending in ';', prepared once); when it changes nothing,
        /// reports the post's current state. The changed row's state and attempts come back through RETURNING,
        /// which saves the runner's hot path (two transitions per post) a second statement.
        /// </summary>
        private TransitionResult Transition(SqliteTransaction transaction, long id, string sql, Action<SqliteCommand> bind)
        {
            var command = _prepared.ForReturning(transaction, sql, " RETURNING state, attempts;");
            command.Parameters.AddWithValue("@id", id);
            bind(command);
            using (var reader = command.ExecuteReader())
            {
                if (reader.Read())
                {
                    return new TransitionResult(true, ParseState(reader.GetString(0)), reader.GetInt32(1));
                }
            }
            return Current(transaction, id);
        }

        /// <summary>A change that was refused: the post's state and attempts as they are (not found: no state).</summary>
        private TransitionResult Current(SqliteTransaction transaction, long id)
        {
            var read = _prepared.For(transaction, "SELECT state, attempts FROM posts WHERE id = @id;");
            read.Parameters.AddWithValue("@id", id);
            using (var reader = read.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return new TransitionResult(false, null);
                }
                return new TransitionResult(false, ParseState(reader.GetString(0)), reader.GetInt32(1));
            }
        }
    }
}
