using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    /// <summary>The runner's attempt rows (one per try: opened InProgress with the Sending, closed with the outcome) and the argument checks its calls share.</summary>
    public sealed partial class SqliteQueueStore
    {
        /// <summary>Opens attempt number attempts + 1 (InProgress) and returns its number.</summary>
        private int OpenAttempt(SqliteTransaction transaction, QueueClaim claim, string at, string? kind = null)
        {
            var count = _prepared.For(transaction, "UPDATE posts SET attempts = attempts + 1 WHERE id = @id RETURNING attempts;");
            count.Parameters.AddWithValue("@id", claim.PostId);
            var number = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            InsertOpenAttempt(transaction, claim, number, at, kind);
            return number;
        }

        /// <summary>Opens attempt <paramref name="number"/>; <paramref name="kind"/> marks a resolver's look (<see cref="QueueAttempt.ReadBackKind"/>, <see cref="QueueAttempt.ResendKind"/>).</summary>
        private void InsertOpenAttempt(SqliteTransaction transaction, QueueClaim claim, int number, string at, string? kind = null)
        {
            var insert = _prepared.For(transaction, InsertOpenAttemptSql);
            insert.Parameters.AddWithValue("@id", claim.PostId);
            insert.Parameters.AddWithValue("@number", number);
            insert.Parameters.AddWithValue("@runner", claim.RunnerId);
            insert.Parameters.AddWithValue("@token", claim.Token);
            insert.Parameters.AddWithValue("@at", at);
            insert.Parameters.AddWithValue("@kind", Nullable(kind));
            insert.ExecuteNonQuery();
        }

        /// <summary>
        /// A read-back LinkedIn refused, followed by a duplicate-checked resend: the resend goes on under the check's
        /// attempt, which becomes a resend (marked in the same durable commit, before the call). No create call was
        /// ever made under a read-back, so one a dead resolver left open is taken over the same way, under this
        /// claim. Returns its number, or null when the open attempt (if any) is a create call.
        /// </summary>
        private int? ContinueReadBackAsSend(SqliteTransaction transaction, QueueClaim claim)
        {
            var command = _prepared.For(transaction,
                "UPDATE attempts SET error_kind = '" + QueueAttempt.ResendKind + "', claim_token = @token, runner = @runner " +
                "WHERE post_id = @id AND outcome = 'InProgress' AND error_kind = '" + QueueAttempt.ReadBackKind + "' RETURNING number;");
            command.Parameters.AddWithValue("@id", claim.PostId);
            command.Parameters.AddWithValue("@token", claim.Token);
            command.Parameters.AddWithValue("@runner", claim.RunnerId);
            var number = command.ExecuteScalar();
            return number == null ? (int?)null : Convert.ToInt32(number, System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Closes the post's open attempt with <paramref name="outcome"/>; when none is open (nothing was called
        /// under it), records the try as an attempt of its own, opened and closed at once and marked
        /// <see cref="QueueAttempt.NotSentKind"/> (so no evidence rule takes it for a call that may have landed).
        /// Returns the attempt count.
        /// </summary>
        private int CloseOrRecordAttempt(SqliteTransaction transaction, QueueClaim claim, AttemptOutcome outcome, AttemptReport report, int attempts)
        {
            if (CloseOpenAttempt(transaction, claim.PostId, outcome, report, null))
            {
                return attempts;
            }
            var number = OpenAttempt(transaction, claim, QueueTime.Format(report.At));
            var notSent = new AttemptReport
            {
                At = report.At,
                HttpStatus = report.HttpStatus,
                ErrorKind = QueueAttempt.NotSentKind,
                ErrorId = report.ErrorId,
                Message = report.Message,
                Secrets = report.Secrets,
            };
            CloseOpenAttempt(transaction, claim.PostId, outcome, notSent, null);
            return number;
        }

        /// <summary>Closes the post's InProgress attempt, if it has one; returns whether it had.</summary>
        private bool CloseOpenAttempt(SqliteTransaction transaction, long id, AttemptOutcome outcome, AttemptReport report, string? postUrn)
        {
            var command = _prepared.For(transaction,
                "UPDATE attempts SET finished_at = @at, outcome = @outcome, http_status = @status, error_kind = @kind, error_id = @errorId, " +
                "message = @message, post_urn = @urn WHERE post_id = @id AND outcome = 'InProgress';");
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@at", QueueTime.Format(report.At));
            command.Parameters.AddWithValue("@outcome", outcome.ToString());
            command.Parameters.AddWithValue("@status", Nullable(report.HttpStatus));
            command.Parameters.AddWithValue("@kind", Nullable(Short(report.ErrorKind)));
            command.Parameters.AddWithValue("@errorId", Nullable(Short(report.ErrorId)));
            command.Parameters.AddWithValue("@message", Nullable(QueueMessages.Clean(report.Message, report.Secrets)));
            command.Parameters.AddWithValue("@urn", Nullable(postUrn));
            return command.ExecuteNonQuery() > 0;
        }

        private static string? Short(string? value) =>
            value == null ? null : QueueMessages.Clean(value.Length <= QueueLimits.MaxNameLength ? value : value.Substring(0, QueueLimits.MaxNameLength), null);

        private static void RequireRunner(string runnerId)
        {
            if (string.IsNullOrWhiteSpace(runnerId) || runnerId.Length > QueueLimits.MaxNameLength)
            {
                throw new ArgumentException("A runner id (1 to " + QueueLimits.MaxNameLength + " characters) is needed.", nameof(runnerId));
            }
        }

        private static void RequireLease(TimeSpan lease)
        {
            if (lease <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(lease), lease, "A lease must be longer than zero.");
            }
        }

        private static void RequireClaim(QueueClaim claim)
        {
            if (claim == null)
            {
                throw new ArgumentNullException(nameof(claim));
            }
        }

        private static void RequireClaims(IReadOnlyList<QueueClaim> claims)
        {
            if (claims == null)
            {
                throw new ArgumentNullException(nameof(claims));
            }
            foreach (var claim in claims)
            {
                RequireClaim(claim);
            }
        }

        private static void RequireReport(AttemptReport report)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }
        }
    }
}
