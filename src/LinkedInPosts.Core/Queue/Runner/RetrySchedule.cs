using System;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// When a post that failed in a way a later try may fix is due again: exponential backoff with full
    /// jitter, so posts that failed together (LinkedIn had a bad minute) do not all come back together.
    /// After the n-th failed attempt the wait is drawn uniformly from
    /// [<see cref="QueueRunOptions.RetryBaseDelay"/>, min(<see cref="QueueRunOptions.RetryMaxDelay"/>, base · 2^n)].
    /// The floor is the base delay, not zero, so a post never comes straight back into the run that just failed it.
    /// A Retry-After that came with the failure (a 503's) puts the due time later, never earlier (<see cref="DueAt"/>).
    /// </summary>
    internal sealed class RetrySchedule
    {
        private readonly TimeSpan _base;
        private readonly TimeSpan _max;
        private readonly Random _random;

        public RetrySchedule(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
        {
            _base = baseDelay;
            _max = maxDelay;
            _random = random;
        }

        /// <summary>The largest wait after <paramref name="failedAttempts"/> failed attempts.</summary>
        public TimeSpan Ceiling(int failedAttempts)
        {
            var exponent = Math.Min(Math.Max(failedAttempts, 1), 30);
            var ticks = _base.Ticks * Math.Pow(2, exponent);
            return ticks >= _max.Ticks ? _max : TimeSpan.FromTicks((long)ticks);
        }

        /// <summary>A wait drawn for the retry after <paramref name="failedAttempts"/> failed attempts.</summary>
        public TimeSpan Delay(int failedAttempts)
        {
            var ceiling = Ceiling(failedAttempts);
            double draw;
            lock (_random)
            {
                draw = _random.NextDouble();
            }
            return _base + TimeSpan.FromTicks((long)((ceiling - _base).Ticks * draw));
        }

        /// <summary>
        /// When a post whose try failed with <paramref name="error"/> (its <paramref name="failedAttempts"/>-th) is due
        /// again: after the drawn backoff, and not before the Retry-After LinkedIn sent with the failure, which is kept
        /// within <see cref="ThrottleWait"/>'s limits. The later of the two, not the Retry-After alone as for a 429: the
        /// try counts toward MaxAttempts, and an outage answering "Retry-After: 5" to every try must not spend them
        /// faster than the backoff would.
        /// </summary>
        public DateTimeOffset DueAt(DateTimeOffset now, int failedAttempts, LinkedInException error)
        {
            var backoff = now + Delay(failedAttempts);
            if (!error.IsRetryAfterFromServer || error.RetryAt == null)
            {
                return backoff;
            }
            var asked = ThrottleWait.Until(error, now, _base, backoff);
            return asked > backoff ? asked : backoff;
        }
    }
}
