namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>What a run did with one post (or, for a preview, what it would do).</summary>
    public enum QueuePostOutcome
    {
        /// <summary>LinkedIn has it; <see cref="QueuePostResult.PostUrn"/> names it.</summary>
        Published,

        /// <summary>
        /// It failed in a way a later try may fix; it is Pending again, due at <see cref="QueuePostResult.NextAttemptAt"/>.
        /// Or its create call got no clear answer: it stays Sending, awaiting evidence, and a run after
        /// NextAttemptAt (its lease's end) settles it by a read-back or LinkedIn's duplicate check, never by a blind resend.
        /// </summary>
        Retrying,

        /// <summary>It was not created and trying again will not help (or its retries ran out).</summary>
        Failed,

        /// <summary>It was due too long ago (more than <see cref="QueueRunOptions.MaxLateness"/>); nothing was sent.</summary>
        Missed,

        /// <summary>Its connection could not be used this run (see <see cref="QueueRunReport.ConnectionProblems"/>); it stays as it was, nothing sent.</summary>
        Held,

        /// <summary>LinkedIn is throttling its author: it waits, without a try, until <see cref="QueuePostResult.NextAttemptAt"/>.</summary>
        Deferred,

        /// <summary>A create call's outcome is unknown and the evidence did not settle it before MaxAttempts or MaxLateness ran out: a person must look.</summary>
        Unconfirmed,

        /// <summary>Preview: a run now would send it.</summary>
        WouldPublish,

        /// <summary>Preview: a run now would mark it Missed.</summary>
        WouldMiss,

        /// <summary>Preview: a run now would settle it by evidence (a dead run left it Sending).</summary>
        WouldResolve,

        /// <summary>Another runner took it over while this run prepared it (this run's lease ran out); this run sent nothing for it.</summary>
        Skipped,

        /// <summary>Preview: a run now would mark it Unconfirmed, not Missed: it is too late, and an earlier try may have reached LinkedIn.</summary>
        WouldMarkUnconfirmed,
    }
}
