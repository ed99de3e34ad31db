namespace LinkedInPosts.Core.Queue
{
    /// <summary>What became of a published post's first comment (docs/queue.md, "The first comment").</summary>
    public enum FirstCommentState
    {
        /// <summary>
        /// The comment call was begun and its outcome is not known (LinkedIn gave no clear answer, or the run was
        /// stopped or died during it). It is
        /// never made again: comments have no duplicate check. Look at the post and add the comment by hand if it is missing.
        /// </summary>
        Adding,

        /// <summary>LinkedIn added it; <see cref="ScheduledPost.FirstCommentUrn"/> names it.</summary>
        Added,

        /// <summary>
        /// LinkedIn refused it or gave no answer, or the post was confirmed published by a person (the queue comments only
        /// on a create it recorded); <see cref="ScheduledPost.FirstCommentError"/> says why. Never retried.
        /// </summary>
        Failed,
    }
}
