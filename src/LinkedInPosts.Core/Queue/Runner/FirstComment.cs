using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Adds a published post's first comment, once. Never retried: a comment has no idempotency key and
    /// LinkedIn has no duplicate check for comments, so a second try could comment twice. Before the call the
    /// queue records durably that it is being made (<see cref="IQueueStore.BeginFirstComment"/>), so no run makes
    /// it again, whatever happens to this one; its outcome is recorded after (Added with the URN, or Failed). A
    /// failure is also put on the result (the post stays Published) for a person to add the comment by hand.
    /// </summary>
    internal static class FirstComment
    {
        public static async Task AddAsync(QueueRun run, long postId, QueueConnection connection, QueuedContent content, string postUrn, QueuePostResult result, CancellationToken cancellationToken)
        {
            if (content.FirstComment == null)
            {
                return;
            }
            if (!run.Store.BeginFirstComment(postId, run.Now))
            {
                // Begun already, by a run that settled this post first: a second call could comment twice.
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
