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
                case FirstCommentState.Adding when !post.FirstCommentMayStillBeInFlight(options.Now, options.RunnerLease):
                    return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.FirstComment,
                        $"Whether the first comment of post '{post.Key}' (published {Published(post)}) was added is not known: its call was made and no answer was recorded (LinkedIn gave no clear answer, or the run was stopped or died during the call). No run makes it again.",
                        $"Look at the post's comments, {url}; only if it is not there, add it by hand as {post.Author} {text}; {settle}.")
                        .About(post);
                default:
                    return null;
            }
        }

        private static string Published(ScheduledPost post) => post.PublishedAt == null ? "at an unrecorded time" : TokenCheck.Time(post.PublishedAt.Value);

        private static string Url(ScheduledPost post) =>
            LinkedInUrn.TryParse(post.PostUrn, out var urn) && urn!.IsPost ? urn.Permalink.ToString() : post.PostUrn ?? "(no URN was recorded)";
    }
}
