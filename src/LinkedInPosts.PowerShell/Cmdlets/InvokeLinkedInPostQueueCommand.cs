using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Media;
using LinkedInPosts.PowerShell.Queue;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Publishes the scheduled posts that are due: what Task Scheduler or cron runs every few minutes
    /// (see Register-LinkedInPostQueueTask).
    /// <para>Overlapping runs never take the same post. Each post is recorded as Sending before it is created, so a
    /// run that dies mid-way never makes a later run post it twice. LinkedIn's retryable errors are tried again later
    /// with back-off (no sooner than a Retry-After). A create that gets no clear answer stays Sending (Retrying, with
    /// NextAttemptAt) and a later run settles it by evidence (reading the author's posts back, or LinkedIn's duplicate
    /// check), never posting it twice. Posts overdue by more than -MaxLateness are marked Missed instead of going out
    /// late.</para>
    /// <para>Connections come from this OS account's token store, as made by Connect-LinkedIn; it never prompts or
    /// opens a browser. Writes one result per post touched as it finishes, then a summary.</para>
    /// <para>Every post that failed, was missed or became unconfirmed, every failed first comment and every connection
    /// that cannot be used (its posts stay Pending) is an error record, so $? is $false: the command line
    /// Register-LinkedInPostQueueTask writes ends in exit [int](-not $?) and so exits 1 for monitoring. Failed and
    /// Missed posts are final and are reported by the run that made them so; Unconfirmed posts wait for a person, so
    /// every run (not only the one that left them) writes one LinkedInQueueNeedsAttention error naming how many there
    /// are and their ids, until each is confirmed, re-sent or cancelled.</para>
    /// <para>-WhatIf shows what a run would send now (the exact escaped text) and which posts it would mark Missed, and
    /// changes nothing. A queue file that does not exist (a wrong -Path, LINKEDINPOSTS_QUEUE or LINKEDINPOSTS_HOME) is
    /// the terminating error LinkedInQueueNotFound: no empty queue is created, so such a task fails visibly.</para>
    /// </summary>
    /// <example>
    /// <code>Invoke-LinkedInPostQueue</code>
    /// <para>Publishes what is due in the default queue and shows one line per post, then the summary.</para>
    /// </example>
    /// <example>
    /// <code>pwsh -NoProfile -NonInteractive -Command 'Invoke-LinkedInPostQueue; exit [int](-not $?)'</code>
    /// <para>A run from a shell (sh, bash, cron) or a PowerShell prompt: it exits 1 when something failed or needs a person, so monitoring can alert. For a scheduled run, Register-LinkedInPostQueueTask writes the complete command line, quoted for Task Scheduler or cron.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-LinkedInPostQueue -WhatIf</code>
    /// <para>Shows the posts a run would publish now, with their exact text, and those it would mark Missed; sends and claims nothing.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-LinkedInPostQueue -MaxLateness 2h -MaxPosts 20 | Where-Object NeedsAttention</code>
    /// <para>Posts nothing more than 2 hours late, at most 20 posts this run, and keeps only what needs a look (the summary too, when the run needs attention). To pipe those posts on (to Get-, Set- or Unregister-LinkedInScheduledPost), keep the posts only: <c>| Where-Object { $_.NeedsAttention -and $_.Id }</c>.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-LinkedInPostQueue -Path ./campaign.db | Where-Object Outcome -EQ Failed | Set-LinkedInScheduledPost -Retry -ScheduledAt (Get-Date).AddHours(1)</code>
    /// <para>Retries this run's failed posts an hour from now: each result carries its queue (QueuePath) and Id, so they bind to the right posts; the summary, which has no Outcome, is left out by the filter.</para>
    /// </example>
    /// <seealso cref="RegisterLinkedInScheduledPostCommand"/>
    /// <seealso cref="GetLinkedInScheduledPostCommand"/>
    /// <seealso cref="RegisterLinkedInPostQueueTaskCommand"/>
    [Cmdlet(VerbsLifecycle.Invoke, "LinkedInPostQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.None, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(LinkedInQueueRunResult), typeof(LinkedInQueueRunSummary))]
    public sealed class InvokeLinkedInPostQueueCommand : LinkedInCmdlet
    {
        /// <summary>The only parameter set.</summary>
        public const string DefaultSet = "Default";

        /// <summary>More due posts than this get a progress bar.</summary>
        private const int ProgressThreshold = 3;

        private const int QueueActivityId = 1;

        /// <summary>
        /// The queue file. Default: the LINKEDINPOSTS_QUEUE environment variable, else queue.db in the data
        /// folder (LINKEDINPOSTS_HOME or the per-user folder). Relative to the current location.
        /// </summary>
        [Parameter(ParameterSetName = DefaultSet, Position = 0)]
        [Alias("QueuePath")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>
        /// A post overdue by more than this is marked Missed instead of going out late (after the machine
        /// was off, say). A TimeSpan, a number of seconds, or 24h, 90m, 2d. Default: 24 hours.
        /// </summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [DurationTransformation]
        public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(24);

        /// <summary>At most this many posts are published in this run (the rest wait for the next). Default: all that are due.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [ValidateRange(1, int.MaxValue)]
        public int MaxPosts { get; set; }

        /// <summary>
        /// How many times a retryable failure (429, 5xx, timeouts) is tried before the post is Failed, and how many
        /// looks (the create, each check after it) a post whose outcome is unknown gets before it is Unconfirmed,
        /// counted since a person last re-armed it (Set-LinkedInScheduledPost -Retry or -Resend gives it this many again). Default: 5.
        /// </summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [ValidateRange(1, 100)]
        public int MaxAttempts { get; set; } = 5;

        private int _due;
        private int _done;
        private int _commentsFailed;
        private string _queuePath = string.Empty;

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            UnattendedRun.RefuseDebug(this);
            if (MaxLateness <= TimeSpan.Zero)
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(ErrorIds.InvalidTimeout, nameof(MaxLateness),
                    $"-MaxLateness must be positive (it was {MaxLateness}).", MaxLateness));
            }
            var clock = ModuleClock.Current;
            var store = OpenStore();
            WarnAboutStore(store);
            using (var queue = QueueFile.Open(this, Path))
            using (var connections = new StoredQueueConnections(store, clock))
            using (var uploads = new UploadProgressReporter(this, QueueActivityId + 1, parentActivityId: QueueActivityId))
            {
                var options = new QueueRunOptions
                {
                    MaxLateness = MaxLateness,
                    MaxAttempts = MaxAttempts,
                    MaxPosts = MaxPosts > 0 ? MaxPosts : (int?)null,
                    Clock = clock,
                    UploadProgress = uploads,
                };
                var runner = new QueueRunner(queue, connections, options);
                if (IsWhatIf())
                {
                    Preview(queue, runner);
                    return;
                }
                // ConfirmImpact None: this asks only when -Confirm is given, whatever $ConfirmPreference says,
                // because a scheduled task must never wait for an answer.
                if (!ShouldProcess(queue.Location, "Publish the scheduled posts that are due"))
                {
                    return;
                }
                Publish(queue, runner, connections, clock.GetUtcNow());
            }
        }

        private void Publish(IQueueStore queue, QueueRunner runner, StoredQueueConnections connections, DateTimeOffset now)
        {
            _queuePath = queue.Location;
            // What the run will take (due Pending posts, a retry's included once its time has come, and claims whose lease
            // ran out) and the Sending posts of dead runs it settles: the progress bar's total.
            var limit = MaxPosts > 0 ? Math.Min(MaxPosts, 1000) : 1000;
            _due = queue.FindDue(now, limit).Count + queue.FindExpiredSending(now, limit).Count;
            WriteVerbose($"Running the queue {queue.Location}: about {_due} post(s) due.");
            var progress = new ResultReporter(this);
            QueueRunReport report;
            try
            {
                report = Run(cancellationToken => runner.RunAsync(progress, cancellationToken));
            }
            catch (LinkedInQueueException exception)
            {
                ThrowTerminatingError(LinkedInErrorRecords.From(exception, queue.Location));
                throw;
            }
            finally
            {
                if (_due > ProgressThreshold)
                {
                    WriteProgress(new ProgressRecord(QueueActivityId, "Publishing scheduled LinkedIn posts", "Done") { RecordType = ProgressRecordType.Completed });
                }
            }
            foreach (var problem in report.ConnectionProblems)
            {
                WriteError(ConnectionProblem(problem, connections.ReconnectCommandFor(problem.Connection)));
            }
            if (report.UnconfirmedInQueue > 0)
            {
                WriteError(UnconfirmedWaiting(report, queue.Location));
            }
            WriteObject(new LinkedInQueueRunSummary(report, queue.Location, _commentsFailed));
        }

        /// <summary>One post finished: written on the pipeline thread, with its error when it needs a person.</summary>
        private void WriteResult(QueuePostResult result)
        {
            _done++;
            var item = new LinkedInQueueRunResult(result, _queuePath);
            if (_due > ProgressThreshold)
            {
                var total = Math.Max(_due, _done);
                WriteProgress(new ProgressRecord(QueueActivityId, "Publishing scheduled LinkedIn posts", $"{_done} of about {total}: {item}")
                {
                    PercentComplete = Math.Min(100, _done * 100 / total),
                });
            }
            WriteObject(item);
            var error = ErrorFor(item, MaxLateness, _queuePath);
            if (error != null)
            {
                WriteError(error);
            }
            if (item.FirstCommentErrorId != null)
            {
                _commentsFailed++;
                WriteError(FirstCommentFailed(item));
            }
        }

        /// <summary>
        /// The error for a post the run did not publish. Its fix always names the queue (-Path), as the result's Message
        /// does: a scheduled task's log is read in another shell, whose default queue may be another one.
        /// </summary>
        private static ErrorRecord? ErrorFor(LinkedInQueueRunResult post, TimeSpan maxLateness, string queuePath)
        {
            var id = post.Id.ToString(CultureInfo.InvariantCulture);
            string named(string text) => SuggestedCommands.WithQueue(text, queuePath)!;
            switch (post.Outcome)
            {
                case QueuePostOutcome.Failed:
                    return Record(ErrorIds.ScheduledPostFailed, CategoryOf(post.ErrorId), post,
                        $"Scheduled post '{post.Key}' (id {id}, {post.Author}, due {Utc(post.ScheduledAtUtc)}) failed and was not published: {post.ErrorId}{Status(post.HttpStatus)}: {post.Message}",
                        named($"Fix what LinkedIn says, then retry it: Set-LinkedInScheduledPost -Id {id} -Retry [-ScheduledAt <time>]; or cancel it: Unregister-LinkedInScheduledPost -Id {id}."));
                case QueuePostOutcome.Missed:
                    return Record(ErrorIds.ScheduledPostMissed, ErrorCategory.OperationTimeout, post,
                        $"Scheduled post '{post.Key}' (id {id}, due {Utc(post.ScheduledAtUtc)}) was not published: it was overdue by more than -MaxLateness ({maxLateness}), so it is marked Missed instead of going out late. {post.Message}".TrimEnd(),
                        named($"Send it after all: Set-LinkedInScheduledPost -Id {id} -Retry [-ScheduledAt <time>].") + " Check that the scheduled task runs (Get-ScheduledTask, crontab -l).");
                case QueuePostOutcome.Unconfirmed:
                    return Record(ErrorIds.ScheduledPostUnconfirmed, ErrorCategory.OperationTimeout, post,
                        $"Scheduled post '{post.Key}' (id {id}, {post.Author}) may or may not be on LinkedIn: its create call got no clear answer and the evidence did not settle it. No run sends it again by itself. {post.Message}".TrimEnd(),
                        named($"Look for it in the feed of {post.Author}. If it is there: Set-LinkedInScheduledPost -Id {id} -ConfirmPublished -PostUrn <its URN>; only if it is not: Set-LinkedInScheduledPost -Id {id} -Resend."));
                default:
                    return null;
            }
        }

        private static ErrorRecord FirstCommentFailed(LinkedInQueueRunResult post)
        {
            var unknown = post.FirstCommentErrorId == "LinkedInPostOutcomeUnknown";
            var message = (unknown
                ? $"Scheduled post '{post.Key}' is published as {post.PostUrn}, but whether its first comment was added is not known: {post.FirstCommentError}"
                : $"Scheduled post '{post.Key}' is published as {post.PostUrn}, but its first comment failed ({post.FirstCommentErrorId}): {post.FirstCommentError}")
                + " The post itself is up: do not post it again.";
            return Record(ErrorIds.FirstCommentFailed, CategoryOf(post.FirstCommentErrorId), post, message,
                (unknown ? "Look at the post's comments" : "Add the comment yourself on the post") + $" ({post.Url ?? post.PostUrn}); the post needs nothing more.");
        }

        // "4, 7, 9 and 12 more": the first ids of a count.
        private static string IdList(int count, IReadOnlyList<long> firstIds) =>
            string.Join(", ", firstIds.Select(id => id.ToString(CultureInfo.InvariantCulture))) +
            (count > firstIds.Count ? " and " + (count - firstIds.Count).ToString(CultureInfo.InvariantCulture) + " more" : string.Empty);

        /// <summary>
        /// The one record, in every run, for the Unconfirmed posts in the queue: no run settles them, so without it a
        /// task would fail once, in the run that left one Unconfirmed, and look healthy ever after.
        /// </summary>
        private static ErrorRecord UnconfirmedWaiting(QueueRunReport report, string queuePath)
        {
            var count = report.UnconfirmedInQueue;
            var ids = report.UnconfirmedIds.ToArray();
            var listed = IdList(count, ids);
            var posts = count == 1 ? "1 post" : count.ToString(CultureInfo.InvariantCulture) + " posts";
            var message = $"{posts} in the queue {queuePath} {(count == 1 ? "is" : "are")} Unconfirmed and wait{(count == 1 ? "s" : string.Empty)} for a person " +
                $"(id{(ids.Length == 1 ? string.Empty : "s")} {listed}): a run sent {(count == 1 ? "it" : "each")} and could not tell whether LinkedIn created it. " +
                "No run sends an Unconfirmed post again by itself, so every run reports this until each is settled.";
            var path = "'" + queuePath.Replace("'", "''") + "'";
            var action = $"List them: Get-LinkedInScheduledPost -State Unconfirmed -Path {path}. Look for each in its author's feed: if it is there, " +
                $"Set-LinkedInScheduledPost -Path {path} -Id <id> -ConfirmPublished -PostUrn <its URN>; only if it is not, Set-LinkedInScheduledPost -Path {path} -Id <id> -Resend " +
                $"(or cancel it: Unregister-LinkedInScheduledPost -Path {path} -Id <id>).";
            return new ErrorRecord(new InvalidOperationException(message), ErrorIds.QueueNeedsAttention, ErrorCategory.OperationTimeout, ids)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = action },
            };
        }

        private static ErrorRecord ConnectionProblem(QueueConnectionProblem problem, string reconnect)
        {
            var held = problem.PostsHeld == 1 ? "1 post stays" : problem.PostsHeld.ToString(CultureInfo.InvariantCulture) + " posts stay";
            var message = $"Connection '{problem.Connection}' cannot be used, so its {held} Pending until it is fixed: {problem.Error.Message}";
            return new ErrorRecord(problem.Error, problem.Error.ErrorId, LinkedInErrorRecords.CategoryOf(problem.Error), problem.Connection)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = problem.Error is LinkedInAuthException
                        ? $"Run {reconnect} as the account that runs the queue; the held posts go out with the next run (those overdue by more than -MaxLateness are marked Missed)."
                        : LinkedInErrorRecords.RecommendedActionFor(problem.Error) ?? $"Check the connection with Test-LinkedInConnection -Name {problem.Connection}.",
                },
            };
        }

        private static ErrorRecord Record(string errorId, ErrorCategory category, LinkedInQueueRunResult post, string message, string action) =>
            new ErrorRecord(new InvalidOperationException(message), errorId, category, post)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = action },
            };

        /// <summary>The category of the error LinkedIn or the queue reported for a post, from its stable id.</summary>
        private static ErrorCategory CategoryOf(string? errorId)
        {
            var id = errorId ?? string.Empty;
            if (id.StartsWith("LinkedInAuth", StringComparison.Ordinal))
            {
                return ErrorCategory.AuthenticationError;
            }
            if (id.StartsWith("LinkedInInvalid", StringComparison.Ordinal) || id.StartsWith("LinkedInMedia", StringComparison.Ordinal) || id == "LinkedInQueueMediaCorrupted" || id == "LinkedInQueuePayloadUnreadable")
            {
                return ErrorCategory.InvalidData;
            }
            switch (id)
            {
                case "LinkedInPermissionDenied":
                    return ErrorCategory.PermissionDenied;
                case "LinkedInDuplicatePost":
                    return ErrorCategory.ResourceExists;
                case "LinkedInNotFound":
                case "LinkedInQueueMediaMissing":
                    return ErrorCategory.ObjectNotFound;
                case "LinkedInThrottled":
                    return ErrorCategory.LimitsExceeded;
                case "LinkedInVersionNotActive":
                    return ErrorCategory.ProtocolError;
                case "LinkedInServerError":
                case "LinkedInUnreachable":
                    return ErrorCategory.ConnectionError;
                case "LinkedInPostOutcomeUnknown":
                    return ErrorCategory.OperationTimeout;
                default:
                    return ErrorCategory.NotSpecified;
            }
        }

        /// <summary>
        /// -WhatIf: the runner's preview (nothing claimed, nothing sent). Each post is one "What if:" line with
        /// the exact little text it would send, or why it would be Missed, and one result object.
        /// </summary>
        private void Preview(IQueueStore queue, QueueRunner runner)
        {
            var plan = runner.Preview(MaxPosts > 0 ? MaxPosts : 1000);
            if (plan.Count == 0)
            {
                ShouldProcess($"Nothing is due in the queue {queue.Location}.", null, null);
            }
            // What a real run would also report as its LinkedInQueueNeedsAttention error: said here as a warning,
            // since -WhatIf changes nothing and fails nothing.
            var unconfirmed = queue.FindInState(QueueState.Unconfirmed, QueueRunner.UnconfirmedIdsListed);
            if (unconfirmed.Count > 0)
            {
                WriteWarning($"{unconfirmed.Count} post(s) in the queue are Unconfirmed and wait for a person (ids {IdList(unconfirmed.Count, unconfirmed.FirstIds)}): " +
                    "a run would report them as LinkedInQueueNeedsAttention and exit non-zero. See " + SuggestedCommands.WithQueue("Get-LinkedInScheduledPost -State Unconfirmed", queue.Location) + ".");
            }
            foreach (var result in plan)
            {
                var item = new LinkedInQueueRunResult(result, queue.Location);
                var post = queue.Get(result.Id);
                string description;
                switch (result.Outcome)
                {
                    case QueuePostOutcome.WouldMiss:
                        description = $"Mark post '{item.Key}' (id {item.Id}) Missed: it was due {Utc(item.ScheduledAtUtc)}, more than -MaxLateness {MaxLateness} ago. Nothing would be sent.";
                        break;
                    case QueuePostOutcome.WouldMarkUnconfirmed:
                        // Why differs (too late, or an unclear try older than LinkedIn's duplicate check remembers): the preview says.
                        description = $"Mark post '{item.Key}' (id {item.Id}) Unconfirmed, due {Utc(item.ScheduledAtUtc)}: {result.Message} Nothing would be sent.";
                        break;
                    case QueuePostOutcome.WouldResolve:
                        description = $"Settle post '{item.Key}' (id {item.Id}), Sending with its outcome not known (a run stopped, or LinkedIn gave no clear answer), by evidence (read-back or LinkedIn's duplicate answer); it is never posted twice.";
                        break;
                    default:
                        item.Commentary = post == null ? null : LittleTextOf(post);
                        description = $"Publish post '{item.Key}' (id {item.Id}) as {item.Author} with connection '{item.Connection}', due {Utc(item.ScheduledAtUtc)}" +
                            MediaOf(post) + ". Text sent (little text, escaped):" + Environment.NewLine + (item.Commentary ?? "(unreadable)");
                        break;
                }
                ShouldProcess(description, null, null);
                WriteObject(item);
            }
        }

        private static string? LittleTextOf(ScheduledPost post)
        {
            try
            {
                var draft = QueuePayload.Read(post.PayloadJson).Draft;
                return draft.Format == CommentaryFormat.Raw ? draft.Commentary : LittleText.Escape(draft.Commentary);
            }
            catch (LinkedInQueueException exception)
            {
                return "(the stored content cannot be read: " + exception.Message + ")";
            }
        }

        private static string MediaOf(ScheduledPost? post) =>
            post == null || post.MediaHashes.Count == 0 ? string.Empty : $", uploading {post.MediaHashes.Count} stored media file(s) unless uploaded before";

        /// <summary>True under -WhatIf or $WhatIfPreference: the run is only described.</summary>
        private bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound))
            {
                return bound is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(bound);
            }
            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }

        private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

        private static string Status(int? status) => status.HasValue ? " (HTTP " + status.Value.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty;

        /// <summary>The runner reports each post from its worker thread; the cmdlet writes it on the pipeline thread.</summary>
        private sealed class ResultReporter : IProgress<QueuePostResult>
        {
            private readonly InvokeLinkedInPostQueueCommand _cmdlet;

            public ResultReporter(InvokeLinkedInPostQueueCommand cmdlet) => _cmdlet = cmdlet;

            public void Report(QueuePostResult value) => _cmdlet.QueueOnPipeline(() => _cmdlet.WriteResult(value));
        }
    }
}
