using System;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// A runner's hold on one post: the post, the runner, and the claim token every later change must
    /// present. A change made with a token the post no longer carries (the lease ran out and another run
    /// took the post) is refused, so a late runner cannot overwrite another's result.
    /// </summary>
    public sealed class QueueClaim
    {
        /// <summary>Creates a claim.</summary>
        public QueueClaim(long postId, string token, string runnerId, DateTimeOffset leaseUntil)
        {
            if (string.IsNullOrEmpty(token))
            {
                throw new ArgumentException("A claim needs its token.", nameof(token));
            }
            PostId = postId;
            Token = token;
            RunnerId = runnerId ?? throw new ArgumentNullException(nameof(runnerId));
            LeaseUntil = leaseUntil;
        }

        /// <summary>The claimed post's id.</summary>
        public long PostId { get; }

        /// <summary>The token this claim wrote into the post (unique per claim).</summary>
        public string Token { get; }

        /// <summary>The runner that holds the claim (free text, e.g. host/process).</summary>
        public string RunnerId { get; }

        /// <summary>When the lease ends unless it is renewed.</summary>
        public DateTimeOffset LeaseUntil { get; }

        /// <inheritdoc />
        public override string ToString() => "post " + PostId + " claimed by " + RunnerId + " until " + LeaseUntil.ToString("o");
    }
}
