using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Cmdlets;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Queue;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>
    /// What Register-LinkedInScheduledPost writes about its rows: one error per bad row, naming the row
    /// number, the column at fault and the fix; one object per registered row; the warning for a post a
    /// run has taken; and the closing summary. It keeps the <see cref="RegistrationTally"/> those come from.
    /// </summary>
    internal sealed class RegistrationReport
    {
        private readonly RegisterLinkedInScheduledPostCommand _command;
        private readonly string _queuePath;

        public RegistrationReport(RegisterLinkedInScheduledPostCommand command, string queuePath)
        {
            _command = command;
            _queuePath = queuePath;
        }

        public RegistrationTally Tally { get; } = new RegistrationTally();

        // The posts this import added: rows of one import at the same time are no "earlier post" for each other.
        private readonly HashSet<long> _addedByThisImport = new HashSet<long>();

        /// <summary>Writes the error of a row and counts the row as failed.</summary>
        public void RowError(RegistrationRow row, string message, string errorId, ErrorCategory category, Exception? exception, string? column, string? fix)
        {
            _command.WriteAcceptedRows();
            Tally.RowFailed();
            var full = row.Prefix(column) + message;
            var record = new ErrorRecord(exception ?? new InvalidOperationException(full), errorId, category, row.Target)
            {
                ErrorDetails = new ErrorDetails(full) { RecommendedAction = fix },
            };
            _command.WriteError(record);
        }

        /// <summary>A row Core refused, named by the column its field stands for.</summary>
        public void RowError(RegistrationRow row, LinkedInException exception) =>
            RowError(row, exception.Message, exception.ErrorId, LinkedInErrorRecords.CategoryOf(exception), exception,
                ColumnOf(row, exception), LinkedInErrorRecords.RecommendedActionFor(exception));

        /// <summary>A media path that names no file, with where relative paths start.</summary>
        public void RowError(RegistrationRow row, MediaPathException exception, string? basePath)
        {
            var start = basePath ?? _command.SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            RowError(row, exception.Message, ErrorIds.MediaFileNotFound, ErrorCategory.ObjectNotFound, new ItemNotFoundException(exception.Message, exception),
                row.MediaColumn ?? row.Column(nameof(_command.Media)),
                "Check the path; relative paths start at " + start + (basePath == null ? " (give -BasePath with the CSV's folder)." : " (-BasePath)."));
        }

        /// <summary>Writes the object (or error, or warning) for each row the queue answered, and counts their outcomes.</summary>
        public void Results(IReadOnlyList<RowResult> results, Func<IQueueStore> store)
        {
            ScheduledPost? get(long id) => store().Get(id);
            var addedWithDerivedKeys = new List<RowResult>();
            var refused = new List<RowResult>();
            foreach (var each in results)
            {
                var result = each.Result;
                var row = each.Pending.Row;
                if (result.Outcome == RegistrationOutcome.Invalid || result.Outcome == RegistrationOutcome.MayAlreadyBePosted)
                {
                    // Written after the batch's other rows: with -ErrorAction Stop the first error ends the pipeline.
                    refused.Add(each);
                    continue;
                }
                Tally.Record(result.Outcome);
                var stored = result.Outcome == RegistrationOutcome.Added || result.Outcome == RegistrationOutcome.Updated
                    ? AsStored(each.Pending.Post, result)
                    : result.Id.HasValue ? get(result.Id.Value) : null;
                if (stored != null)
                {
                    // Its own type name selects the view with the Outcome column (what an import is read for).
                    var written = PSObject.AsPSObject(LinkedInScheduledPost.From(stored, _queuePath, result.Outcome));
                    written.TypeNames.Insert(0, LinkedInScheduledPost.RegisteredTypeName);
                    _command.WriteObject(written);
                }
                if (result.Outcome == RegistrationOutcome.Added && result.Id.HasValue)
                {
                    _addedByThisImport.Add(result.Id.Value);
                    if (each.Pending.Post.Key.StartsWith(ScheduledPostKey.Prefix, StringComparison.Ordinal))
                    {
                        addedWithDerivedKeys.Add(each);
                    }
                }
                if (result.Outcome == RegistrationOutcome.NotUpdatable)
                {
                    _command.WriteWarning(Named(row.Prefix(null) + $"The post with key '{result.Key}' is {result.State} ({WhyNotUpdatable(result.State, result.Id)}), so it was not updated."));
                }
            }
            if (addedWithDerivedKeys.Count > 0)
            {
                WarnOfPostsAtTheSameTime(addedWithDerivedKeys, store());
            }
            foreach (var each in refused)
            {
                if (each.Result.Outcome == RegistrationOutcome.MayAlreadyBePosted)
                {
                    var (message, fix) = MayBeOnLinkedIn.NotUpdatedText(each.Result.Id!.Value, each.Pending.Post.Author, each.Result.Error, Named);
                    RowError(each.Pending.Row, message, ErrorIds.ScheduledPostMayBePosted, ErrorCategory.InvalidOperation, null, null, fix);
                    continue;
                }
                RowError(each.Pending.Row, "The queue refused the post: " + each.Result.Error + ".", ErrorIds.ScheduledPostInvalid, ErrorCategory.InvalidData, null, null, null);
            }
        }

        /// <summary>A message that suggests commands, naming this import's queue when it is not the default one (<see cref="QueueAccess.ForQueue"/>).</summary>
        public string Named(string text) => QueueAccess.ForQueue(_command, text, _queuePath);

        /// <summary>Why -Force leaves a post past Pending and Held alone, and what changes it instead.</summary>
        public static string WhyNotUpdatable(QueueState? state, long? postId)
        {
            var id = postId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "<id>";
            return state switch
            {
                QueueState.Claimed or QueueState.Sending => "a queue run is sending it",
                QueueState.Published => "it is on LinkedIn already; Set-LinkedInPost changes it there",
                QueueState.Unconfirmed => $"a person settles it first: Set-LinkedInScheduledPost -Id {id} -ConfirmPublished -PostUrn <its URN>, or -Resend",
                QueueState.Failed or QueueState.Missed => $"re-arm it first with Set-LinkedInScheduledPost -Id {id} -Retry",
                QueueState.Cancelled => "it was cancelled; register the row under a new Key to schedule it again",
                _ => "only Pending and Held posts are updated",
            };
        }

        /// <summary>
        /// New posts whose keys were derived (no Key column) beside a waiting post of the same connection and author at the same
        /// time, that this import did not add: most likely the row was changed (a typo fixed) and imported again, which adds
        /// a second post, since the derived key covers the text, time and media; both would go out. Said per row, with how to
        /// remove the old one and the lasting fix. One query per connection for a batch (its posts' time range), not one per row.
        /// </summary>
        private void WarnOfPostsAtTheSameTime(IReadOnlyList<RowResult> added, IQueueStore store)
        {
            static long Millisecond(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerMillisecond;
            foreach (var connection in added.GroupBy(a => a.Pending.Post.Connection, StringComparer.Ordinal))
            {
                var waiting = store.Query(new QueueQuery
                {
                    Connection = connection.Key,
                    States = new[] { QueueState.Pending, QueueState.Held },
                    ScheduledFrom = connection.Min(a => a.Pending.Post.ScheduledAt),
                    ScheduledBefore = connection.Max(a => a.Pending.Post.ScheduledAt).AddTicks(TimeSpan.TicksPerMillisecond),
                    Limit = 10_000,
                })
                    .Where(p => !_addedByThisImport.Contains(p.Id))
                    .GroupBy(p => (p.Author, Millisecond(p.ScheduledAtUtc)))
                    .ToDictionary(g => g.Key, g => g.First());
                foreach (var each in connection)
                {
                    var post = each.Pending.Post;
                    if (waiting.TryGetValue((post.Author, Millisecond(post.ScheduledAt)), out var other))
                    {
                        WarnOfPostAtTheSameTime(each.Pending.Row, post, other);
                    }
                }
            }
        }

        private void WarnOfPostAtTheSameTime(RegistrationRow row, NewScheduledPost post, ScheduledPost other)
        {
            var words = LinkedInScheduledPost.From(other, _queuePath).Text;
            var text = words.Length > 40 ? words.Substring(0, 40) + "…" : words;
            _command.WriteWarning(row.Prefix(null) + $"Another post of '{post.Author}' is queued for the same time: id {other.Id}, key {other.Key}" +
                (string.IsNullOrEmpty(text) ? "" : $" ('{text}')") + ". This row was added as a new post beside it, since a key derived from the text, time and media " +
                Named($"changes with them; both would go out. If this row replaces it: Unregister-LinkedInScheduledPost -Id {other.Id}. Give the rows a Key column, so that -Force updates them."));
        }

        /// <summary>The closing summary (Verbose and Information), and a warning when nothing new was registered.</summary>
        public void Summary()
        {
            var force = _command.Force.IsPresent;
            var summary = Tally.Summary(force, _queuePath);
            _command.WriteVerbose(summary);
            _command.WriteInformation(summary, new[] { "LinkedInPosts", "Summary" });
            var skipped = Tally.SkippedAsDoneWarning();
            if (skipped != null)
            {
                _command.WriteWarning(skipped);
            }
            var warning = Tally.NothingNewWarning(force);
            if (warning != null)
            {
                _command.WriteWarning(warning);
            }
        }

        /// <summary>The post as it now is in the queue, without reading it back: what was written, with the id and state the store gave.</summary>
        private static ScheduledPost AsStored(NewScheduledPost built, RegistrationResult result) => new ScheduledPost
        {
            Id = result.Id ?? 0,
            Key = built.Key,
            Connection = built.Connection,
            Author = built.Author,
            ScheduledAtUtc = built.ScheduledAt.ToUniversalTime(),
            DueAtUtc = built.ScheduledAt.ToUniversalTime(),
            TimeZoneId = built.TimeZoneId,
            State = result.State ?? QueueState.Pending,
            PayloadJson = built.PayloadJson,
            MediaHashes = built.MediaHashes,
            CreatedAt = ModuleClock.Current.GetUtcNow(),
            UpdatedAt = ModuleClock.Current.GetUtcNow(),
        };

        /// <summary>
        /// The row's filled-in columns of the kinds of post it mixes (e.g. "Image/Link"), as the row names them; on the
        /// command line, or when the row holds only one of them, the kinds' main parameters.
        /// </summary>
        private string KindColumns(RegistrationRow row)
        {
            var parameters = new[]
            {
                nameof(_command.Media), nameof(_command.ArticleUrl), nameof(_command.ArticleTitle), nameof(_command.ArticleDescription),
                nameof(_command.ArticleThumbnail), nameof(_command.Poll), nameof(_command.PollOption), nameof(_command.Reshare),
            };
            var filled = parameters.Select(row.FilledColumn).Where(column => column != null).ToList();
            if (row.MediaColumn != null && row.FilledColumn(row.MediaColumn) != null && !filled.Contains(row.MediaColumn))
            {
                filled.Insert(0, row.MediaColumn);
            }
            return filled.Count > 1 ? string.Join("/", filled) : "Media/ArticleUrl/Poll/Reshare";
        }

        /// <summary>The column a validation field stands for, as this row names it (a column name or alias).</summary>
        private string? ColumnOf(RegistrationRow row, LinkedInException exception)
        {
            if (exception is LinkedInMediaException)
            {
                return row.Column(nameof(_command.Media));
            }
            if (!(exception is LinkedInValidationException validation))
            {
                return null;
            }
            if (validation.Input != null && ParameterColumns.IsParameter(validation.Input))
            {
                return row.Column(validation.Input);
            }
            switch (validation.Field)
            {
                case "Commentary":
                    return row.Column(nameof(_command.Text));
                case ScheduleTime.DefaultField:
                    return row.TimeColumn;
                case "Thumbnail":
                    return row.Column(nameof(_command.ArticleThumbnail));
                case ArticleContent.Field:
                    // Every article rule names its input; this is only a net for one that does not.
                    return row.Column(nameof(_command.ArticleUrl)) + "/" + row.Column(nameof(_command.ArticleTitle)) + "/" + row.Column(nameof(_command.ArticleDescription));
                case "Comment":
                    return row.Column(nameof(_command.FirstComment));
                case PostDraftBuilder.KindField:
                    return KindColumns(row);
                case "Media":
                    return row.MediaColumn ?? row.Column(nameof(_command.Media));
                default:
                    return ParameterColumns.IsParameter(validation.Field) ? row.Column(validation.Field) : validation.Field;
            }
        }
    }
}
