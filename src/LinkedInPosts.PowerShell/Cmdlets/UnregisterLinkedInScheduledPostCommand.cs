using System;
using System.Management.Automation;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Queue;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Cancels scheduled posts: they stay in the queue as Cancelled (with their key, so importing the same
    /// CSV again does not bring them back) and no run publishes them. Pending, Held, Failed, Missed and
    /// Unconfirmed posts can be cancelled; a post a runner holds right now (Claimed, Sending) is refused, as
    /// is one already Published (remove that one from LinkedIn with Remove-LinkedInPost).
    /// </summary>
    /// <example>
    /// <code>Unregister-LinkedInScheduledPost -Id 42</code>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInScheduledPost -State Pending -Connection old-page | Unregister-LinkedInScheduledPost -Confirm:$false</code>
    /// </example>
    /// <seealso cref="InvokeLinkedInPostQueueCommand"/>
    [Cmdlet(VerbsLifecycle.Unregister, "LinkedInScheduledPost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = IdSet)]
    [OutputType(typeof(LinkedInScheduledPost))]
    public sealed class UnregisterLinkedInScheduledPostCommand : LinkedInCmdlet
    {
        /// <summary>Posts by id.</summary>
        public const string IdSet = "Id";

        /// <summary>The ids of the posts to cancel (also from the pipeline: Get-LinkedInScheduledPost's output).</summary>
        [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PostId")]
        [ArgumentCompleter(typeof(ScheduledPostIdCompleter))]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>Outputs each cancelled post.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The queue file (default: LINKEDINPOSTS_QUEUE, else queue.db in the data folder). Binds the QueuePath of piped posts.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("QueuePath")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var queuePath = QueueAccess.ResolvePath(this, Path);
            // A missing file stops the cmdlet (LinkedInQueueNotFound): a typo in -Path must not read as an empty queue.
            using (var store = QueueFile.Open(this, Path))
            {
                foreach (var id in Id)
                {
                    var post = store.Get(id);
                    if (post == null)
                    {
                        WriteError(QueueAccess.NotFound(id, queuePath));
                        continue;
                    }
                    var view = LinkedInScheduledPost.From(post, queuePath);
                    if (post.State == QueueState.Claimed || post.State == QueueState.Sending || post.State == QueueState.Published || post.State == QueueState.Cancelled)
                    {
                        WriteError(QueueAccess.Refused(id, post.State, "cancelled", "Pending, Held, Failed, Missed or Unconfirmed", view, text => QueueAccess.ForQueue(this, text, store.Location)));
                        continue;
                    }
                    if (!ShouldProcess($"Scheduled post {id} ({post.Key}, {post.State}, due {view.ScheduledAt:yyyy-MM-dd HH:mm zzz}): {view.Text}", "Cancel"))
                    {
                        continue;
                    }
                    var result = store.Cancel(id, ModuleClock.Current.GetUtcNow());
                    if (!result.Applied)
                    {
                        // A run took it between the read and the cancel.
                        WriteError(result.Found
                            ? QueueAccess.Refused(id, result.State!.Value, "cancelled", "Pending, Held, Failed, Missed or Unconfirmed", view, text => QueueAccess.ForQueue(this, text, store.Location))
                            : QueueAccess.NotFound(id, queuePath));
                        continue;
                    }
                    WriteVerbose($"Scheduled post {id} ({post.Key}) cancelled.");
                    // Cancelled reads as "never went out": say so when it may have, before its text is posted again.
                    var firstCall = post.State == QueueState.Unconfirmed ? null : QueueAttempt.FirstCallThatMayHaveLanded(store, post);
                    if (firstCall != null)
                    {
                        WriteWarning(QueueAccess.ForQueue(this, MayBeOnLinkedIn.CancelledWarning(post, firstCall.Value), store.Location));
                    }
                    if (PassThru)
                    {
                        WriteObject(LinkedInScheduledPost.From(store.Get(id) ?? post, queuePath));
                    }
                }
            }
        }
    }
}
