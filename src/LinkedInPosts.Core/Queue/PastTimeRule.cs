using System;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// When a scheduled time in the past is an error. Only for a post that is new to the queue: a post whose
    /// key is already there (a CSV imported again after its posts went out, an export with Published rows)
    /// is AlreadyExists, or with -Force Updated / NotUpdatable, whatever its time. -Force moving a post that
    /// can still be updated to a different time in the past is an error too.
    /// </summary>
    public static class PastTimeRule
    {
        /// <summary>True when a time before now for the post whose queued copy is <paramref name="existing"/> (null: none) must be refused.</summary>
        public static bool Refuses(ScheduledPost? existing, bool force, DateTimeOffset scheduledUtc)
        {
            if (existing == null)
            {
                return true;
            }
            var updatable = existing.State.IsWaiting();
            return force && updatable && Math.Abs((existing.ScheduledAtUtc - scheduledUtc).TotalMilliseconds) >= 1;
        }
    }
}
