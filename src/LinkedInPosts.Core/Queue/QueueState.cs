namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Where a scheduled post is in its life. Stored as its name, so the SQLite file reads plainly.
    /// <code>
    /// Pending ──claim──▶ Claimed ──MarkSending──▶ Sending ──▶ Published
    ///    ▲  │              │  (lease expired: back to Pending,     ├──▶ Failed      (LinkedIn refused it for good)
    ///    │  ├─Hold──▶ Held │   nothing was sent)                   ├──▶ Pending     (known not created: retry later)
    ///    │  └─Cancel─▶ Cancelled                                   └──▶ Unconfirmed (outcome unknown, evidence inconclusive)
    ///    └──────── Reschedule (Held, Failed, Missed, Unconfirmed) ◀── Claimed ──▶ Missed (too late to post)
    /// </code>
    /// </summary>
    public enum QueueState
    {
        /// <summary>Waiting for its time; a runner may claim it once it is due.</summary>
        Pending,

        /// <summary>
        /// A runner holds it under a lease and is preparing it (token, media uploads) but has not called
        /// LinkedIn's create yet. A claim whose lease runs out goes back to Pending: nothing was sent.
        /// </summary>
        Claimed,

        /// <summary>
        /// Recorded durably just before the create call: the post may exist on LinkedIn. A Sending post whose
        /// lease ran out belongs to a run that died mid-call, or was left waiting for evidence after a call that
        /// got no clear answer (its lease set to the retry backoff); either is resolved by evidence, never by a blind retry.
        /// </summary>
        Sending,

        /// <summary>LinkedIn created it; <see cref="ScheduledPost.PostUrn"/> names it.</summary>
        Published,

        /// <summary>LinkedIn refused it for a reason a retry will not change, or retries ran out; it was not created.</summary>
        Failed,

        /// <summary>Its time passed too long ago for it to go out (the machine was off, say); it was not created.</summary>
        Missed,

        /// <summary>The user cancelled it before it was sent.</summary>
        Cancelled,

        /// <summary>The user paused it: kept, with its key, but no runner claims it until it is resumed.</summary>
        Held,

        /// <summary>
        /// A create call's outcome is unknown and the evidence (a read-back, LinkedIn's DUPLICATE_POST answer)
        /// could not settle it before MaxAttempts or MaxLateness ran out. Never retried automatically; a person
        /// confirms it published or re-arms it.
        /// </summary>
        Unconfirmed,
    }

    /// <summary>What the states have in common.</summary>
    public static class QueueStates
    {
        /// <summary>Still to be sent and not in a run's hands (Pending, Held): the states a registration may replace and an import schedules.</summary>
        public static bool IsWaiting(this QueueState state) => state == QueueState.Pending || state == QueueState.Held;
    }
}
