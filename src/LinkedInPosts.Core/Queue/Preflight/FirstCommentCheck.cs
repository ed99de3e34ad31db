using System.Globalization;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// Published posts whose first comment needs a person. The run that made the call reported a failure once, in
    /// its own result and error record, which only a scheduled task's log keeps; a run that died during the call
    /// reported nothing; and the comment is never retried (comments have no duplicate check). So: Failed (LinkedIn
    /// refused it: add it by hand) and Adding with no run still making the call (its outcome is unknown: look at
    /// the post first). A Warning, not an Error: the post itself is out and no later post is held up by it.
    /// </summary>
    internal static class FirstCommentCheck
    {
        public static PreflightFinding? Run(ScheduledPost post, PreflightOptions options)
        {
            var id = post.Id.ToString(CultureInfo.InvariantCulture);
            var url = Url(post);
            var text = $"(the text: (Get-LinkedInScheduledPost -Id {id}).FirstComment)";
            var settle = $"then Set-LinkedInScheduledPost -Id {id} -FirstCommentAdded ends this warning";
            switch (post.FirstCommentState)
            {
                case FirstCommentState.Failed:
                    return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.FirstComment,
                        $"The first comment of post '{post.Key}' (published {Published(post)}) was not added, and it is never retried: {post.FirstCommentError ?? "no error was recorded."}",
                        $"Add it by hand as {post.Author} under the post, {url} {text}; {settle}.")
                        .About(post);
                case FirstCommentState.Adding when !MayStillBeInFlight(post, options):
                    return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.FirstComment,
                        $"Whether the first comment of post '{post.Key}' (published {Published(post)}) was added is not known: its call was made and no answer was recorded (LinkedIn gave no clear answer, or the run was stopped or died during the call). No run makes it again.",
                        $"Look at the post's comments, {url}; only if it is not there, add it by hand as {post.Author} {text}; {settle}.")
                        .About(post);
                default:
                    return null;
            }
        }

        /// <summary>
        /// True while a run may still be making the comment call. Adding is committed (with Published, in one durable
        /// commit stamped published_at) right before the call, and the call is one request, never resent, so it ends
        /// within the client's request timeout (30 s), and its outcome is written within the queue's busy timeout
        /// after. The runner's lease is by design longer than a whole create call (two request timeouts and a
        /// pause), and a Sending post is taken over on the same reasoning once its lease has run out. So a comment
        /// begun more than one lease ago is no run's any more: strictly more, so that the edge stays quiet.
        /// </summary>
        internal static bool MayStillBeInFlight(ScheduledPost post, PreflightOptions options)
        {
            var begun = post.PublishedAt ?? post.UpdatedAt;
            return options.Now - begun <= options.RunnerLease;
        }

        private static string Published(ScheduledPost post) => post.PublishedAt == null ? "at an unrecorded time" : TokenCheck.Time(post.PublishedAt.Value);

        private static string Url(ScheduledPost post) =>
            LinkedInUrn.TryParse(post.PostUrn, out var urn) && urn!.IsPost ? urn.Permalink.ToString() : post.PostUrn ?? "(no URN was recorded)";
    }
}
