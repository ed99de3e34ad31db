using System;
using System.Collections.Generic;
using System.Globalization;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// For -WhatIf: what a run now would do, post by post, without claiming or sending anything, by the run's own rules
    /// (<see cref="EvidenceWait.TooLateForAnotherLook"/>, <see cref="EvidenceWait.ResendTooLateForDuplicateCheck"/>, MaxLateness).
    /// It opens no connection, so it cannot tell a post its connection would hold, nor what a read-back would find.
    /// </summary>
    internal sealed class RunPreview
    {
        private readonly IQueueStore _store;
        private readonly QueueRunOptions _options;
        private readonly DateTimeOffset _now;

        public RunPreview(IQueueStore store, QueueRunOptions options)
        {
            _store = store;
            _options = options;
            _now = options.Clock.GetUtcNow();
        }

        /// <summary>
        /// Expired Sending posts (every one a run settles, as the run takes them whatever MaxPosts is), then up to
        /// <paramref name="maxDue"/> due posts.
        /// </summary>
        public IReadOnlyList<QueuePostResult> Run(int maxDue)
        {
            var results = new List<QueuePostResult>();
            foreach (var post in _store.FindExpiredSending(_now, EvidenceResolver.MaxPerRun))
            {
                results.Add(Expired(post));
            }
            if (maxDue > 0)
            {
                foreach (var post in _store.FindDue(_now, maxDue))
                {
                    results.Add(Due(post));
                }
            }
            return results;
        }

        private QueuePostResult Expired(ScheduledPost post)
        {
            var attempts = _store.GetAttempts(post.Id);
            if (EvidenceWait.TooLateForAnotherLook(post, attempts, _now, _options.MaxLateness))
            {
                return Unconfirmed(post, "Its create call's outcome is not known (its run ended, or LinkedIn gave no clear answer), and it is too late " +
                    "to send it again as a check (LinkedIn's duplicate check is trusted within " + DurationText.Describe(EvidenceResolver.DuplicateCheckMemory) +
                    " of the first try, and MaxLateness is " + DurationText.Describe(_options.MaxLateness) + "): a run now marks it Unconfirmed, for you " +
                    "to look at the feed, unless its connection may read the author's posts back and finds it there (then Published).");
            }
            if (EvidenceWait.HasNoText(post))
            {
                return Unconfirmed(post, "Its create call's outcome is not known, and it has no text (a reshare as it is), which LinkedIn's duplicate check " +
                    "does not cover, so a run does not send it again as a check: it marks it Unconfirmed, for you to look at the feed, unless its " +
                    "connection may read the author's posts back and finds it there (then Published).");
            }
            var result = QueueRun.ResultFor(post, QueuePostOutcome.WouldResolve, post.State, post.Attempts);
            result.Message = "Its create call's outcome is not known (its run ended, or LinkedIn gave no clear answer and it waited for evidence); a run now settles it by evidence.";
            return result;
        }

        private QueuePostResult Due(ScheduledPost post)
        {
            var late = _now - post.ScheduledAtUtc > _options.MaxLateness;
            // As PostPublisher.PrepareAsync decides, in its order.
            if (late && QueueAttempt.FirstCallThatMayHaveLanded(_store, post) != null)
            {
                return Unconfirmed(post, "It is more than MaxLateness (" + DurationText.Describe(_options.MaxLateness) + ") past its time, and an earlier try " +
                    "may have reached LinkedIn: a run now marks it Unconfirmed, for you to look at the feed.");
            }
            if (late)
            {
                var missed = QueueRun.ResultFor(post, QueuePostOutcome.WouldMiss, post.State, post.Attempts);
                missed.ErrorId = QueueRunErrorIds.Missed;
                missed.Message = "Scheduled for " + post.ScheduledAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) +
                    " UTC, more than MaxLateness (" + DurationText.Describe(_options.MaxLateness) + ") ago: a run now marks it Missed.";
                return missed;
            }
            if (post.AttemptsSinceRetry > 0 && EvidenceWait.ResendTooLateForDuplicateCheck(_store.GetAttempts(post.Id), post.AttemptsAtRetry, _now))
            {
                return Unconfirmed(post, "An earlier try may have reached LinkedIn (its answer was unclear, or a read-back found nothing), more than " +
                    DurationText.Describe(EvidenceResolver.DuplicateCheckMemory) + " ago, when LinkedIn's duplicate check may no longer reveal it: a run now " +
                    "marks it Unconfirmed rather than send it, for you to look at the feed.");
            }
            return QueueRun.ResultFor(post, QueuePostOutcome.WouldPublish, post.State, post.Attempts);
        }

        private static QueuePostResult Unconfirmed(ScheduledPost post, string message)
        {
            var result = QueueRun.ResultFor(post, QueuePostOutcome.WouldMarkUnconfirmed, post.State, post.Attempts);
            result.ErrorId = EvidenceWait.UnknownOutcomeId;
            result.Message = message;
            return result;
        }
    }
}
