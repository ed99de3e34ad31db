using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>A connection that could not be used in a run; reported once however many posts it held.</summary>
    public sealed class QueueConnectionProblem
    {
        /// <summary>The connection's name.</summary>
        public string Connection { get; set; } = string.Empty;

        /// <summary>Why: its message says what to do (sign in again, change the API version).</summary>
        public LinkedInException Error { get; set; } = null!;

        /// <summary>How many of its posts waited because of it (they keep their state; nothing was sent for them).</summary>
        public int PostsHeld { get; set; }

        /// <inheritdoc />
        public override string ToString() => Connection + ": " + Error?.ErrorId + " (" + PostsHeld + " held)";
    }
}
