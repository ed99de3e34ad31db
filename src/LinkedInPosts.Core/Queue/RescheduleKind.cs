namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Which person's change <see cref="IQueueStore.Reschedule"/> makes. Each takes only its own states, checked in
    /// the same UPDATE that changes the post, so a run that settles the post meanwhile (say, while the person
    /// answers a -Confirm prompt) makes the change refused instead of turning it into another one.
    /// </summary>
    public enum RescheduleKind
    {
        /// <summary>A Pending or Held post gets a new time and keeps its state and its attempt budget.</summary>
        Move,

        /// <summary>A Failed or Missed post is re-armed: Pending at the new time, with a fresh MaxAttempts (-Retry).</summary>
        Retry,

        /// <summary>
        /// An Unconfirmed post is re-armed as <see cref="Retry"/> does (-Resend): the caller asserts that a person checked
        /// and it is not on LinkedIn.
        /// </summary>
        Resend,
    }
}
