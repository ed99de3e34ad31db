using System;
using System.Management.Automation;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Media;
using LinkedInPosts.PowerShell.Queue;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Changes a post in the schedule queue: a new time (-ScheduledAt, -TimeZone) or new text, media, alt text or
    /// title for a Pending or Held post (checked with New-LinkedInPost's rules again, same key).
    /// <para>-Retry re-arms a Failed or Missed post (now, or at -ScheduledAt) with a fresh attempt budget; -Hold pauses a
    /// Pending post and -Resume releases it.</para>
    /// <para>An Unconfirmed post (a run could not tell whether LinkedIn created it) is settled with -ConfirmPublished
    /// -PostUrn when you found it on LinkedIn, or -Resend when you checked it is not there. -ConfirmPublished also records a
    /// Pending, Held, Failed, Missed or Cancelled post you found on LinkedIn (or posted by hand): the queue never sends it. -FirstCommentAdded records
    /// that a published post's first comment, which the queue never retries, is there after all (added by hand).</para>
    /// <para>A post a runner holds (Claimed, or Sending while its create call is in flight) is never changed; a Sending
    /// post that only waits for evidence can be settled with -ConfirmPublished.</para>
    /// <para>A post a run's create call may have reached already (no answer, a 5xx, a read-back that found nothing, and
    /// then a 429 or a deferral) asks before an edit of its text, media, alt text or title and before -Retry, unless -Force:
    /// changed or retried, it would slip past LinkedIn's duplicate check and could go out twice.</para>
    /// </summary>
    /// <example>
    /// <code>Set-LinkedInScheduledPost -Id 42 -ScheduledAt '2026-12-24 10:00' -TimeZone Europe/Berlin</code>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInScheduledPost -State Failed | Set-LinkedInScheduledPost -Retry -PassThru</code>
    /// </example>
    /// <example>
    /// <code>Set-LinkedInScheduledPost -Id 42 -Text 'Patch night moved to Wednesday #ops' -Media ./new-chart.png</code>
    /// </example>
    /// <example>
    /// <code>Set-LinkedInScheduledPost -Id 42 -Media ./q2-report.pdf -Title 'Q2 report'   # the old file's title and alt text do not carry over</code>
    /// </example>
    /// <example>
    /// <code>Set-LinkedInScheduledPost -Id 43 -AltText 'Rack before', 'Rack after'   # one per image, same images</code>
    /// </example>
    /// <example>
    /// <code>Set-LinkedInScheduledPost -Id 42 -ConfirmPublished -PostUrn urn:li:share:7045020441609936898</code>
    /// </example>
    /// <example>
    /// <code>Set-LinkedInScheduledPost -Id 42, 43, 44 -Hold   # each as if given alone; an error about one does not stop the others</code>
    /// </example>
    /// <example>
    /// <code>Set-LinkedInScheduledPost -Id 42 -Resend -ScheduledAt (Get-Date).AddMinutes(10)   # asks first: it may post twice</code>
    /// </example>
    /// <example>
    /// <code>Set-LinkedInScheduledPost -Id 42 -FirstCommentAdded   # after adding the comment on LinkedIn by hand</code>
    /// <para>Test-LinkedInPostQueue warns about a published post whose first comment Failed, or is Adding with no run still making the call, until it is settled this way.</para>
    /// </example>
    /// <seealso cref="InvokeLinkedInPostQueueCommand"/>
    [Cmdlet(VerbsCommon.Set, "LinkedInScheduledPost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = EditSet)]
    [OutputType(typeof(LinkedInScheduledPost))]
    public sealed partial class SetLinkedInScheduledPostCommand : LinkedInCmdlet
    {
        /// <summary>New time, text or media for a Pending or Held post.</summary>
        public const string EditSet = "Edit";

        /// <summary>Re-arm a Failed or Missed post.</summary>
        public const string RetrySet = "Retry";

        /// <summary>Pause a Pending post.</summary>
        public const string HoldSet = "Hold";

        /// <summary>Release a Held post.</summary>
        public const string ResumeSet = "Resume";

        /// <summary>Record an Unconfirmed post as published.</summary>
        public const string ConfirmSet = "ConfirmPublished";

        /// <summary>Send an Unconfirmed post again.</summary>
        public const string ResendSet = "Resend";

        /// <summary>Record a published post's first comment as added.</summary>
        public const string FirstCommentSet = "FirstCommentAdded";

        /// <summary>The ids of the posts to change, each as if given alone (also from the pipeline: Get-LinkedInScheduledPost's output).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PostId")]
        [ArgumentCompleter(typeof(ScheduledPostIdCompleter))]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>
        /// The new time: a DateTime, DateTimeOffset or text (2026-12-24 09:30). A value with an offset, or a DateTime
        /// from Get-Date (kind Local), is that instant; otherwise it is wall time in -TimeZone, else in the post's own zone. With -Retry or -Resend: when to send (default: now).
        /// </summary>
        [Parameter(ParameterSetName = EditSet)]
        [Parameter(ParameterSetName = RetrySet)]
        [Parameter(ParameterSetName = ResendSet)]
        [Alias("When", "PublishAt")]
        public object? ScheduledAt { get; set; }

        /// <summary>
        /// The time zone (Windows or IANA id) of -ScheduledAt and to store with the post. Alone, it keeps the
        /// post's wall-clock time in the new zone (09:30 stays 09:30, now Berlin time).
        /// </summary>
        [Parameter(ParameterSetName = EditSet)]
        [Parameter(ParameterSetName = RetrySet)]
        [Parameter(ParameterSetName = ResendSet)]
        public string? TimeZone { get; set; }

        /// <summary>Accepts a new time in the past.</summary>
        [Parameter(ParameterSetName = EditSet)]
        public SwitchParameter AllowPast { get; set; }

        /// <summary>The new text of a Pending or Held post (checked with New-LinkedInPost's rules).</summary>
        [Parameter(ParameterSetName = EditSet)]
        [Alias("Commentary")]
        public string? Text { get; set; }

        /// <summary>New media for a Pending or Held post: one file or URN (a media post), or several images. Files are copied into the queue.</summary>
        [Parameter(ParameterSetName = EditSet)]
        [MediaInputTransformation]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public MediaInput[]? Media { get; set; }

        /// <summary>
        /// New alt text for the post's picture (with -Media: for the new files): one for a media post, one per image, in
        /// order, for several. Without it, new media has none but an Add-LinkedInMedia object's own.
        /// </summary>
        [Parameter(ParameterSetName = EditSet)]
        [ValidateNotNull]
        public string[]? AltText { get; set; }

        /// <summary>A new title for a media post's file (a document shows it; by default its file name).</summary>
        [Parameter(ParameterSetName = EditSet)]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>
        /// Re-arms a Failed or Missed post: it becomes Pending, due now or at -ScheduledAt, and gets the full
        /// Invoke-LinkedInPostQueue -MaxAttempts again (Attempts keeps the whole history; AttemptsSinceRetry starts at 0).
        /// </summary>
        [Parameter(ParameterSetName = RetrySet, Mandatory = true)]
        public SwitchParameter Retry { get; set; }

        /// <summary>Pauses a Pending post: no run takes it until -Resume (its key stays, so a re-import does not add it again).</summary>
        [Parameter(ParameterSetName = HoldSet, Mandatory = true)]
        public SwitchParameter Hold { get; set; }

        /// <summary>Releases a Held post: it is Pending again (due at once if its time has passed).</summary>
        [Parameter(ParameterSetName = ResumeSet, Mandatory = true)]
        public SwitchParameter Resume { get; set; }

        /// <summary>
        /// Records an Unconfirmed post as published, with the URN you found it under on LinkedIn (-PostUrn); also a
        /// Sending post that waits for evidence (its LastError says when a run looks again), to settle it sooner.
        /// </summary>
        [Parameter(ParameterSetName = ConfirmSet, Mandatory = true)]
        public SwitchParameter ConfirmPublished { get; set; }

        /// <summary>The URN of the post on LinkedIn (urn:li:share:… or urn:li:ugcPost:…), with -ConfirmPublished.</summary>
        [Parameter(ParameterSetName = ConfirmSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? PostUrn { get; set; }

        /// <summary>
        /// Re-arms an Unconfirmed post to be sent again, with the full -MaxAttempts again. Only when you checked it
        /// is NOT on LinkedIn: if it is, it is posted twice. Asks for confirmation unless -Force.
        /// </summary>
        [Parameter(ParameterSetName = ResendSet, Mandatory = true)]
        public SwitchParameter Resend { get; set; }

        /// <summary>
        /// Do not ask whether you checked LinkedIn: with -Resend; with -Retry, or an edit of text, media, alt text or title,
        /// of a post a run's create call may have reached already (they ask only then).
        /// </summary>
        [Parameter(ParameterSetName = ResendSet)]
        [Parameter(ParameterSetName = RetrySet)]
        [Parameter(ParameterSetName = EditSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// Records that the first comment of a Published post is on LinkedIn after all: one whose FirstCommentState
        /// is Failed (LinkedIn refused it, or the post was confirmed by hand) or Adding (the outcome is unknown). The
        /// queue never makes a comment call twice, so you add a missing one by hand and then say so here;
        /// Test-LinkedInPostQueue stops warning about it.
        /// </summary>
        [Parameter(ParameterSetName = FirstCommentSet, Mandatory = true)]
        public SwitchParameter FirstCommentAdded { get; set; }

        /// <summary>With -FirstCommentAdded: the comment's URN (urn:li:comment:(&lt;post or activity URN&gt;,&lt;id&gt;)), kept as FirstCommentUrn. Optional.</summary>
        [Parameter(ParameterSetName = FirstCommentSet)]
        [ValidateNotNullOrEmpty]
        public string? FirstCommentUrn { get; set; }

        /// <summary>Outputs the post as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The queue file (default: LINKEDINPOSTS_QUEUE, else queue.db in the data folder). Binds the QueuePath of piped posts.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("QueuePath")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        // The queue the current record changes (its messages' suggested commands name it when it is not the default).
        private string _queueLocation = string.Empty;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var queuePath = QueueAccess.ResolvePath(this, Path);
            // A missing file stops the cmdlet (LinkedInQueueNotFound): a typo in -Path must not read as an empty queue.
            using (var store = QueueFile.Open(this, Path))
            {
                _queueLocation = store.Location;
                foreach (var id in Id)
                {
                    ChangeOne(store, id, queuePath);
                }
            }
        }

        /// <summary>One post of -Id: an error about it (not found, refused, invalid) is its own and the next id is still changed.</summary>
        private void ChangeOne(IQueueStore store, long id, string queuePath)
        {
            var post = store.Get(id);
            if (post == null)
            {
                WriteError(QueueAccess.NotFound(id, queuePath));
                return;
            }
            try
            {
                if (Change(store, post) && PassThru)
                {
                    WriteObject(LinkedInScheduledPost.From(store.Get(id) ?? post, queuePath));
                }
            }
            catch (MediaPathException exception)
            {
                WriteError(LinkedInErrorRecords.MediaFileNotFound(exception));
            }
            catch (LinkedInQueueException exception)
            {
                WriteError(LinkedInErrorRecords.From(exception, id));
            }
            catch (LinkedInException exception)
            {
                WriteLinkedInError(exception, id);
            }
        }
    }
}
