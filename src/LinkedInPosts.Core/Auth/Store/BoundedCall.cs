using System;
using System.Threading;
using System.Threading.Tasks;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// Runs a blocking call that may never return, and gives up on it after a time. libsecret's write to a locked
    /// keyring asks the desktop to unlock it and waits for the answer with no timeout of its own: a scheduled run
    /// that meets a locked keyring would wait for a dialog nobody sees, and the next run would stack up behind it.
    /// </summary>
    internal static class BoundedCall
    {
        /// <summary>
        /// Runs <paramref name="call"/> on a pool thread and waits up to <paramref name="timeout"/>. Its exception is
        /// rethrown as it was; past the timeout a <see cref="TimeoutException"/> says <paramref name="what"/> did not
        /// answer, and the call is left to finish or to end with the process (a pool thread does not keep it alive).
        /// </summary>
        public static void Run(Action call, TimeSpan timeout, string what)
        {
            var task = Task.Run(call);
            try
            {
                if (!task.Wait(timeout))
                {
                    // Observed later so that its eventual failure is not an unobserved task exception.
                    task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                    throw new TimeoutException(what + " did not answer within " + timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " seconds");
                }
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }
    }
}
