using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Adds a published post's first comment, once. Never retried: a comment has no idempotency key and
    /// LinkedIn has no duplicate check for comments, so a second try could comment twice. A failure is put on
    /// the result (the post stays Published) for a person to add the comment by hand.
    /// </summary>
    internal static class FirstComment
    {
        public static async Task AddAsync(QueueConnection connection, QueuedContent content, string postUrn, QueuePostResult result, CancellationToken cancellationToken)
        {
            if (content.FirstComment == null)
            {
                return;
            }
            try
            {
                var comment = await connection.Client.CreateCommentAsync(LinkedInUrn.Parse(postUrn), content.Draft.Author, content.FirstComment, cancellationToken).ConfigureAwait(false);
                result.FirstCommentUrn = comment.ToString();
            }
            catch (LinkedInException error)
            {
                result.FirstCommentErrorId = error.ErrorId;
                result.FirstCommentError = QueueMessages.Clean(
                    "The post " + postUrn + " is published, but its first comment was not added: " + error.Message +
                    " Add it by hand (it is never retried, so it cannot appear twice).", null);
            }
        }
    }
}
