using System;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// How long a 429 defers a post and its member's other posts, or a resolver's next look at a post waiting for
    /// evidence: LinkedIn's Retry-After when it gave one (else the next midnight UTC, when its daily limits reset),
    /// kept between a shortest and a longest wait. The same limits keep a server error's Retry-After
    /// (<see cref="RetrySchedule.DueAt"/>), so every Retry-After the queue honours is bounded alike.
    /// </summary>
    internal static class ThrottleWait
    {
        /// <summary>
        /// The longest deferral: LinkedIn's limits reset daily, so a Retry-After beyond a day (a proxy's, or a mistake)
        /// would only push the member's posts past MaxLateness, to be Missed.
        /// </summary>
        public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

        /// <summary>
        /// When the throttled post is due again. At least <paramref name="shortest"/> from now: a Retry-After of 0 or
        /// in the past would put it straight back into this run's next claim, which would spend its MaxAttempts in
        /// seconds against the same 429.
        /// </summary>
        public static DateTimeOffset Until(LinkedInException error, DateTimeOffset now, TimeSpan shortest, DateTimeOffset otherwise)
        {
            var until = error.RetryAt ?? otherwise;
            if (until < now + shortest)
            {
                return now + shortest;
            }
            return until > now + Longest ? now + Longest : until;
        }
    }
}
