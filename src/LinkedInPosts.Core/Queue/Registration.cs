namespace LinkedInPosts.Core.Queue
{
    /// <summary>What to do with a registration whose key is already in the queue.</summary>
    public enum RegistrationMode
    {
        /// <summary>Leave the existing post alone and report <see cref="RegistrationOutcome.AlreadyExists"/> (a re-import is a no-op).</summary>
        AddOnly,

        /// <summary>
        /// Replace the existing post's connection, author, time, content and media if it is still Pending or
        /// Held (<c>-Force</c>); a post a runner has touched is left alone (<see cref="RegistrationOutcome.NotUpdatable"/>).
        /// </summary>
        UpdatePending,

        /// <summary>
        /// As <see cref="UpdatePending"/>, after a person checked that the post is not on LinkedIn: also replaces the
        /// content of a post a run tried since its last re-arm with a call that may have landed
        /// (<see cref="RegistrationOutcome.MayAlreadyBePosted"/> otherwise), and re-arms it, as -Resend does, so the
        /// runner takes no earlier try for a call that may have landed (Set-LinkedInScheduledPost -Force).
        /// </summary>
        UpdatePendingCheckedNotPosted,
    }

    /// <summary>What happened to one registration.</summary>
    public enum RegistrationOutcome
    {
        /// <summary>A new post was added.</summary>
        Added,

        /// <summary>A post with this key was already there and was left as it is.</summary>
        AlreadyExists,

        /// <summary>The Pending or Held post with this key was replaced (<see cref="RegistrationMode.UpdatePending"/>).</summary>
        Updated,

        /// <summary>The post with this key is past Pending (claimed, sent, published, ...) so it was not replaced.</summary>
        NotUpdatable,

        /// <summary>
        /// The Pending or Held post with this key was tried since its last re-arm by a create call that may have
        /// reached LinkedIn (<see cref="QueueAttempt.MayHaveLanded"/>; a 429 or a deferral left it waiting), and the
        /// registration changes what it posts (connection, author or content). LinkedIn's duplicate check, the only
        /// guard against posting it twice, matches the same text only, so it was left as it is
        /// (<see cref="RegistrationResult.Error"/> says when that call was made).
        /// </summary>
        MayAlreadyBePosted,

        /// <summary>The registration broke a rule (<see cref="RegistrationResult.Error"/> says which); nothing of it was written.</summary>
        Invalid,
    }

    /// <summary>The result for one registration of a batch, in the batch's order.</summary>
    public sealed class RegistrationResult
    {
        /// <summary>Creates a result.</summary>
        public RegistrationResult(int index, string key, RegistrationOutcome outcome, long? id, QueueState? state, string? error)
        {
            Index = index;
            Key = key;
            Outcome = outcome;
            Id = id;
            State = state;
            Error = error;
        }

        /// <summary>The registration's position in the batch.</summary>
        public int Index { get; }

        /// <summary>Its key.</summary>
        public string Key { get; }

        /// <summary>What happened.</summary>
        public RegistrationOutcome Outcome { get; }

        /// <summary>The id of the post with this key (null when invalid).</summary>
        public long? Id { get; }

        /// <summary>That post's state after the batch (null when invalid).</summary>
        public QueueState? State { get; }

        /// <summary>Why the registration was refused (<see cref="RegistrationOutcome.Invalid"/>, <see cref="RegistrationOutcome.MayAlreadyBePosted"/>).</summary>
        public string? Error { get; }

        /// <inheritdoc />
        public override string ToString() => Key + ": " + Outcome + (Error == null ? string.Empty : " (" + Error + ")");
    }
}
