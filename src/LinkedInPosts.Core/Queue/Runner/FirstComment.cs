using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Records a created post as Published and adds its first comment, once. Never retried: a comment has no
    /// idempotency key and LinkedIn has no duplicate check for comments, so a second try could comment twice.
    /// The publish and "the comment is being made" are one durable commit
    /// (<see cref="IQueueStore.MarkPublishedAndBeginFirstComment"/>), so no run makes the call again, whatever happens
    /// to this one, and no crash leaves a published post whose comment is forgotten; its outcome is recorded after
    /// (Added with the URN, or Failed). A failure is also put on the result (the post stays Published) for a person
    /// to add the comment by hand.
    /// </summary>
    internal static class FirstComment
    {
        /// <summary>
        /// Records the post Published under <paramref name="claim"/>, with its first comment begun when it has one, in
        /// one commit (durable when a comment follows). Not applied: another run settled the post first, and owns it.
        /// </summary>
        public static TransitionResult RecordPublished(QueueRun run, QueueClaim claim, QueuedContent content, string postUrn, int? httpStatus)
        {
            return content.FirstComment == null
                ? run.Store.MarkPublished(claim, postUrn, run.Now, httpStatus, durable: false)
                : run.Store.MarkPublishedAndBeginFirstComment(claim, postUrn, run.Now, httpStatus);
        }

        /// <summary>The comment call, for a post <see cref="RecordPublished"/> recorded (applied): its comment is begun.</summary>
        public static async Task AddAsync(QueueRun run, long postId, QueueConnection connection, QueuedContent content, string postUrn, QueuePostResult result, CancellationToken cancellationToken)
        {
            if (content.FirstComment == null)
            {
                return;
            }
            LinkedInUrn comment;
            try
            {
                comment = await connection.Client.CreateCommentAsync(LinkedInUrn.Parse(postUrn), content.Draft.Author, content.FirstComment, cancellationToken).ConfigureAwait(false);
            }
            catch (LinkedInUnknownOutcomeException unknown)
            {
                // No clear answer (a 5xx, a timeout): the comment may be up. It stays Adding in the queue, as after a
                // crash during the call: a person looks before adding it by hand.
                result.FirstCommentErrorId = unknown.ErrorId;
                result.FirstCommentError = QueueMessages.Clean(
                    "The post " + postUrn + " is published; whether its first comment was added is not known: " + unknown.Message +
                    " Look at the post's comments before adding it by hand (it is never retried, so it cannot appear twice).", null);
                return;
            }
            catch (LinkedInException error)
            {
                result.FirstCommentErrorId = error.ErrorId;
                result.FirstCommentError = QueueMessages.Clean(
                    "The post " + postUrn + " is published, but its first comment was not added: " + error.Message +
                    " Add it by hand (it is never retried, so it cannot appear twice).", null);
                run.Store.FinishFirstComment(postId, null, result.FirstCommentError, run.Now);
                return;
            }
            // Outside the try: a queue failure here must not be taken for a comment LinkedIn refused.
            result.FirstCommentUrn = comment.ToString();
            run.Store.FinishFirstComment(postId, result.FirstCommentUrn, null, run.Now);
            // Stopped during the call (cancelled): the comment stays 'Adding', its outcome unknown, and is not made again.
        }
    }
}
