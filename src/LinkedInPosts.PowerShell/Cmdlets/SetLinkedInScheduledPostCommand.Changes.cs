using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Queue;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    // Set-LinkedInScheduledPost's changes, one per parameter set, and what they ask and say (its parameters and help are in
    // SetLinkedInScheduledPostCommand.cs; a summary here would join the cmdlet's help).
    public sealed partial class SetLinkedInScheduledPostCommand
    {
        private bool Change(IQueueStore store, ScheduledPost post)
        {
            var now = ModuleClock.Current.GetUtcNow();
            var view = LinkedInScheduledPost.From(post, store.Location);
            var target = $"Scheduled post {post.Id} ({post.Key}, {post.State}, due {view.ScheduledAt:yyyy-MM-dd HH:mm zzz})";
            if (ParameterSetName != EditSet && !ActionSwitch.IsPresent)
            {
                // -Resend:$false (a splatted $false) must not re-send: the set alone does not say the switch is on.
                WriteWarning($"-{ParameterSetName}:$false: nothing was changed for scheduled post {post.Id}.");
                return false;
            }
            switch (ParameterSetName)
            {
                case HoldSet:
                    return ShouldProcess(target, "Hold") && Applied(store.Hold(post.Id, now), post, "held", "Pending");
                case ResumeSet:
                    return ShouldProcess(target, "Resume") && Applied(store.Resume(post.Id, now), post, "resumed", "Held");
                case ConfirmSet:
                    var urn = ParsePostUrnOrWriteError(nameof(PostUrn), PostUrn);
                    if (urn == null)
                    {
                        return false;
                    }
                    if (UrnGivenToAnother(urn.ToString(), post))
                    {
                        return false;
                    }
                    var commentByHand = view.FirstComment != null && post.FirstCommentState == null ? ", its first comment to be added by hand" : "";
                    if (!ShouldProcess(target, $"Record as published ({urn}){commentByHand}")
                        || !Applied(store.ConfirmPublished(post.Id, urn.ToString(), now, now), post, "confirmed as published", "any state but Published and Claimed (Sending only while it waits for evidence)"))
                    {
                        return false;
                    }
                    _urnsGiven[urn.ToString()] = post.Id;
                    WarnIfFirstCommentIsLeftToYou(store, post);
                    return true;
                case FirstCommentSet:
                    {
                        if (post.State != QueueState.Published || (post.FirstCommentState != FirstCommentState.Failed && post.FirstCommentState != FirstCommentState.Adding))
                        {
                            WriteError(FirstCommentNotOpen(post));
                            return false;
                        }
                        if (post.FirstCommentMayStillBeInFlight(now, QueueRunOptions.DefaultLease))
                        {
                            // As the pre-flight: a run may be making the comment call right now, and a comment added by hand
                            // meanwhile would be the second one.
                            var callEnds = post.FirstCommentBegunAt + QueueRunOptions.DefaultLease;
                            WriteError(new ErrorRecord(
                                new InvalidOperationException($"The first comment of scheduled post {post.Id} is being added by a queue run (begun {post.FirstCommentBegunAt.ToLocalTime():yyyy-MM-dd HH:mm}): its outcome is recorded within minutes. Look again after {callEnds.ToLocalTime():HH:mm}; add it by hand only if it is still Adding and not on the post."),
                                ErrorIds.ScheduledPostBusy, ErrorCategory.ResourceBusy, post.Id));
                            return false;
                        }
                        var comment = FirstCommentUrn?.Trim();
                        if (comment != null && (!LinkedInUrn.TryParse(comment, out var parsed) || parsed!.EntityType != LinkedInUrn.Comment))
                        {
                            WriteError(LinkedInErrorRecords.InvalidArgument(ErrorIds.InvalidUrn, nameof(FirstCommentUrn),
                                $"-FirstCommentUrn: '{comment}' is not a comment URN. Give the comment's URN as LinkedIn shows it (urn:li:comment:(<post or activity URN>,<id>)), or leave -FirstCommentUrn out.", comment));
                            return false;
                        }
                        if (comment != null && UrnGivenToAnother(comment, post))
                        {
                            return false;
                        }
                        if (!ShouldProcess(target, $"Record its first comment ({post.FirstCommentState}) as added" + (comment != null ? $" ({comment})" : "")))
                        {
                            return false;
                        }
                        var settled = store.SettleFirstComment(post.Id, comment, now);
                        if (settled.Found && !settled.Applied)
                        {
                            // Settled by a run or another session since it was read: say what it is now.
                            WriteError(FirstCommentNotOpen(store.Get(post.Id) ?? post));
                            return false;
                        }
                        if (!Applied(settled, post, "given its first comment", "Published"))
                        {
                            return false;
                        }
                        if (comment != null)
                        {
                            _urnsGiven[comment] = post.Id;
                        }
                        return true;
                    }
                case RetrySet:
                    {
                        // Checked before asking, as -Resend does: -Retry on a Pending post would otherwise move it to now.
                        if (post.State != QueueState.Failed && post.State != QueueState.Missed)
                        {
                            WriteError(QueueAccess.Refused(post.Id, post.State, "retried with -Retry", "Failed or Missed", post.Id, Named));
                            return false;
                        }
                        var time = NewTime(post, now, allowPast: true) ?? ScheduleTime.Resolve(now, post.TimeZoneId, now, allowPast: true);
                        if (!ShouldProcess(target, $"Retry at {time}"))
                        {
                            return false;
                        }
                        // A re-arm counts the earlier tries as settled: the runner sends it as a first send, so a call that
                        // may have landed needs the person's word, as -Resend does.
                        var firstCall = QueueAttempt.FirstCallThatMayHaveLanded(store, post);
                        if (firstCall != null && !Force && !Asked(Named(store, MayBeOnLinkedIn.RetryQuestion(post, firstCall.Value)), "Retry a post that may be on LinkedIn"))
                        {
                            return false;
                        }
                        if (!Applied(store.Reschedule(post.Id, time.Utc, time.TimeZoneId, now, RescheduleKind.Retry), post, "retried", "Failed or Missed"))
                        {
                            return false;
                        }
                        if (firstCall != null && Force)
                        {
                            WriteWarning(MayBeOnLinkedIn.ForcedWarning(post, firstCall.Value, "it is sent again as a new post."));
                        }
                        return true;
                    }
                case ResendSet:
                    {
                        var time = NewTime(post, now, allowPast: true) ?? ScheduleTime.Resolve(now, post.TimeZoneId, now, allowPast: true);
                        if (post.State != QueueState.Unconfirmed)
                        {
                            WriteError(QueueAccess.Refused(post.Id, post.State, "re-sent with -Resend", "Unconfirmed", post.Id, Named));
                            return false;
                        }
                        if (!ShouldProcess(target, $"Send again at {time}"))
                        {
                            return false;
                        }
                        if (!Force && !Asked(
                            $"Scheduled post {post.Id} may already be on LinkedIn: a run sent it and could not find out whether LinkedIn created it. Send it again only if you checked the feed of {post.Author} and it is not there; otherwise it is posted twice. Send it again?",
                            "Resend an unconfirmed post"))
                        {
                            return false;
                        }
                        return Applied(store.Reschedule(post.Id, time.Utc, time.TimeZoneId, now, RescheduleKind.Resend), post, "re-sent", "Unconfirmed");
                    }
                default:
                    return Edit(store, post, target, now);
            }
        }

        private bool Edit(IQueueStore store, ScheduledPost post, string target, DateTimeOffset now)
        {
            var time = NewTime(post, now, AllowPast.IsPresent);
            var edits = Text != null || Media != null || AltText != null || Title != null;
            if (time == null && !edits)
            {
                WriteWarning($"Nothing to change for scheduled post {post.Id}: give -ScheduledAt, -TimeZone, -Text, -Media, -AltText or -Title (or -Retry, -Hold, -Resume, -ConfirmPublished, -Resend, -FirstCommentAdded).");
                return false;
            }
            if (post.State != QueueState.Pending && post.State != QueueState.Held)
            {
                WriteError(QueueAccess.Refused(post.Id, post.State, edits ? "edited" : "rescheduled", "Pending or Held", post.Id, Named));
                return false;
            }
            if (time?.Warning != null)
            {
                WriteWarning(time.Warning);
            }
            if (!edits)
            {
                if (!ShouldProcess(target, $"Reschedule to {time}") || !Applied(store.Reschedule(post.Id, time!.Utc, time.TimeZoneId, now, RescheduleKind.Move), post, "rescheduled", "Pending or Held"))
                {
                    return false;
                }
                // A move keeps the tries: an unclear one older than LinkedIn's duplicate check remembers by the new time keeps the run from sending it.
                if (QueueAttempt.FirstCallThatMayHaveLanded(store, post) is { } unclearCall && time.Utc - unclearCall > QueueAttempt.DuplicateCheckMemory)
                {
                    WriteWarning(Named(store, MayBeOnLinkedIn.MovedPastDuplicateCheck(post, unclearCall)));
                }
                return true;
            }

            var changes = new ScheduledPostChanges
            {
                Text = Text,
                Media = Media?.SelectMany(m => m.Resolve(SessionState, nameof(Media), single: false)).ToList(),
                Uploaded = Media?.Where(m => m.Uploaded != null).Select(m => m.Uploaded!).ToList() ?? new List<UploadedMedia>(),
                AltText = AltText,
                Title = Title,
                ScheduledAtUtc = time?.Utc,
                TimeZoneId = time?.TimeZoneId,
            };
            var request = ScheduledPostEdit.Rebuild(post, store.Media, changes);
            ScheduledPostCheck.Validate(request);
            var what = new[]
            {
                Text != null ? "text" : null,
                Media != null ? "media" : null,
                AltText != null ? "alt text" : null,
                Title != null ? "title" : null,
                time != null ? "time to " + time : null,
            };
            if (!ShouldProcess(target, "Change " + string.Join(", ", what.Where(s => s != null))))
            {
                return false;
            }
            // Checked here to ask; the store refuses such a change on its own (a run's try may come in between).
            var firstCall = QueueAttempt.FirstCallThatMayHaveLanded(store, post);
            if (firstCall != null && !Force && !Asked(Named(store, MayBeOnLinkedIn.EditQuestion(post, firstCall.Value)), "Edit a post that may be on LinkedIn"))
            {
                return false;
            }
            var built = ScheduledPostBuilder.Build(request, store.Media);
            // The look the person was asked for covers the tries they were told of; one a run made meanwhile is refused.
            built.CheckedAttempts = post.Attempts;
            var mode = firstCall != null ? RegistrationMode.UpdatePendingCheckedNotPosted : RegistrationMode.UpdatePending;
            var result = store.RegisterBatch(new[] { built }, mode).Single();
            if (result.Outcome == RegistrationOutcome.Updated)
            {
                if (firstCall != null && Force)
                {
                    WriteWarning(MayBeOnLinkedIn.ForcedWarning(post, firstCall.Value, "it is sent with its new content as a new post."));
                }
                return true;
            }
            if (result.Outcome == RegistrationOutcome.MayAlreadyBePosted)
            {
                WriteError(MayBeOnLinkedIn.NotUpdated(post.Id, post.Author, result.Error, post.Id, text => Named(store, text)));
                return false;
            }
            if (result.Outcome == RegistrationOutcome.Invalid)
            {
                WriteError(new ErrorRecord(new InvalidOperationException("The queue refused the edited post: " + result.Error + "."), ErrorIds.ScheduledPostInvalid, ErrorCategory.InvalidData, post.Id));
                return false;
            }
            WriteError(QueueAccess.Refused(post.Id, result.State ?? post.State, "edited", "Pending or Held", post.Id, Named));
            return false;
        }

        /// <summary>The switch that names this parameter set's action (each set but Edit is named after its switch).</summary>
        private SwitchParameter ActionSwitch => ParameterSetName switch
        {
            RetrySet => Retry,
            HoldSet => Hold,
            ResumeSet => Resume,
            ConfirmSet => ConfirmPublished,
            ResendSet => Resend,
            FirstCommentSet => FirstCommentAdded,
            _ => throw new InvalidOperationException("No action switch for parameter set " + ParameterSetName + "."),
        };

        /// <summary>
        /// A post confirmed by hand gets no first comment from the queue (the store marked it Failed): say so now, while
        /// the person is here, as the pre-flight's window may already be past a post that waited long for them.
        /// </summary>
        // "Yes to All" / "No to All" to the questions about posts that may be on LinkedIn, for the rest of this command.
        private bool _yesToAll;
        private bool _noToAll;

        /// <summary>ShouldContinue with Yes to All and No to All: several posts (-Id 4, 5, 6, or piped) are asked about once each, or once for all.</summary>
        private bool Asked(string query, string caption) => ShouldContinue(query, caption, ref _yesToAll, ref _noToAll);

        // The URNs -PostUrn or -FirstCommentUrn gave to a post in this command, by post: one URN is one post on LinkedIn.
        private readonly Dictionary<string, long> _urnsGiven = new Dictionary<string, long>(StringComparer.Ordinal);

        /// <summary>
        /// True (after writing the error) when this command already recorded <paramref name="urn"/> for another post: -Id 4, 5
        /// -ConfirmPublished -PostUrn X, or several posts piped in with one -PostUrn, would record two posts as one.
        /// </summary>
        private bool UrnGivenToAnother(string urn, ScheduledPost post)
        {
            if (_urnsGiven.TryGetValue(urn, out var other) && other != post.Id)
            {
                WriteError(LinkedInErrorRecords.InvalidArgument(ErrorIds.InvalidUrn, urn.StartsWith("urn:li:comment:", StringComparison.Ordinal) ? nameof(FirstCommentUrn) : nameof(PostUrn),
                    $"{urn} was recorded for scheduled post {other} in this command already, and one URN names one post on LinkedIn, so scheduled post {post.Id} was not changed. " +
                    "Give each post its own URN, one command per post.", urn));
                return true;
            }
            return false;
        }

        /// <summary>A message that suggests commands, naming this queue when it is not the default one (<see cref="QueueAccess.ForQueue"/>).</summary>
        private string Named(IQueueStore store, string text) => QueueAccess.ForQueue(this, text, store.Location);

        /// <summary><see cref="Named(IQueueStore, string)"/> for the queue this record is changing.</summary>
        private string Named(string text) => QueueAccess.ForQueue(this, text, _queueLocation);

        private void WarnIfFirstCommentIsLeftToYou(IQueueStore store, ScheduledPost before)
        {
            var after = store.Get(before.Id);
            if (before.FirstCommentState == null && after?.FirstCommentState == FirstCommentState.Failed)
            {
                var url = LinkedInScheduledPost.From(after, store.Location).Url?.ToString() ?? after.PostUrn;
                WriteWarning(Named(store, $"Scheduled post {after.Id} has a first comment, which the queue adds only to a post it saw created: add it by hand as {after.Author} under {url} " +
                    $"(the text: (Get-LinkedInScheduledPost -Id {after.Id}).FirstComment), then run Set-LinkedInScheduledPost -Id {after.Id} -FirstCommentAdded."));
            }
        }

        private static ErrorRecord FirstCommentNotOpen(ScheduledPost post)
        {
            var why = post.State != QueueState.Published
                ? $"it is {post.State}, not Published"
                : post.FirstCommentState == FirstCommentState.Added
                    ? "its first comment is recorded as added already"
                    : "it has no first comment the queue began or gave up on (a post confirmed by hand with an earlier version of the module has none recorded: nothing to settle)";
            return new ErrorRecord(
                new InvalidOperationException($"Scheduled post {post.Id} has no first comment to settle: {why}. -FirstCommentAdded is for a Published post whose FirstCommentState is Failed or Adding (Get-LinkedInScheduledPost -FirstCommentState Failed, Adding)."),
                ErrorIds.ScheduledPostWrongState, ErrorCategory.InvalidOperation, post.Id);
        }

        /// <summary>The new time -ScheduledAt and -TimeZone give, or null when neither is given.</summary>
        private ScheduleTime? NewTime(ScheduledPost post, DateTimeOffset now, bool allowPast)
        {
            var zone = string.IsNullOrWhiteSpace(TimeZone) ? post.TimeZoneId : TimeZone!.Trim();
            var at = ScheduledAt is PSObject wrapped ? wrapped.BaseObject : ScheduledAt;
            if (at != null && !(at is string text && string.IsNullOrWhiteSpace(text)))
            {
                return ScheduleTime.Resolve(at, zone, now, allowPast);
            }
            if (!string.IsNullOrWhiteSpace(TimeZone))
            {
                var wall = ScheduledPostTimes.InZone(post.ScheduledAtUtc, post.TimeZoneId).DateTime;
                return ScheduleTime.Resolve(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), zone, now, allowPast);
            }
            return null;
        }

        private bool Applied(TransitionResult result, ScheduledPost post, string what, string allowed)
        {
            if (result.Applied)
            {
                WriteVerbose($"Scheduled post {post.Id} {what}: now {result.State}.");
                return true;
            }
            if (!result.Found)
            {
                WriteError(QueueAccess.NotFound(post.Id, QueueAccess.ResolvePath(this, Path)));
                return false;
            }
            WriteError(QueueAccess.Refused(post.Id, result.State!.Value, what, allowed, post.Id, Named));
            return false;
        }
    }
}
