using System;
using System.Threading;
using System.Threading.Tasks;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Runs store work one piece after another on a background thread, so that the next window's durable Sending
    /// commit and the last window's results are written while this run's create calls wait for LinkedIn. Only
    /// store calls run here, each on posts no other code of the run is touching at that moment; every decision
    /// about a post stays on the run's own flow, which awaits what it needs.
    /// </summary>
    internal sealed class StoreLane
    {
        private Task _last = Task.CompletedTask;

        /// <summary>Queues <paramref name="work"/> after everything queued before it; its result or exception comes back through the task.</summary>
        public Task<T> Run<T>(Func<T> work)
        {
            // Runs even when the work before it failed: each piece is independent, and its caller sees its own failure.
            var next = _last.ContinueWith(_ => work(), CancellationToken.None, TaskContinuationOptions.DenyChildAttach, TaskScheduler.Default);
            _last = next;
            return next;
        }
    }
}
