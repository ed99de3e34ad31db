using System.Threading;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Opens the stored connections a queue run needs. The runner asks for each connection name at most
    /// once per run, so the token is read (and refreshed, if it must be) once, not once per post.
    /// The implementation owns the clients it hands out; the runner does not dispose them.
    /// </summary>
    public interface IQueueConnections
    {
        /// <summary>
        /// The connection called <paramref name="connectionName"/>, ready to call LinkedIn. Throws
        /// <see cref="Errors.LinkedInAuthException"/> (expired without a refresh, revoked, or not connected:
        /// Reason Missing) or <see cref="Errors.LinkedInTokenStoreException"/>; the runner then holds that
        /// connection's posts for this run and reports one <see cref="QueueConnectionProblem"/>. It never prompts.
        /// </summary>
        QueueConnection Open(string connectionName, CancellationToken cancellationToken);
    }
}
