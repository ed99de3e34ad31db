using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Queue;
using LinkedInPosts.PowerShell.Registration;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Register-LinkedInScheduledPost's pipeline: per row, the connection and author (<see cref="RowAuthors"/>), then the request
    /// (<see cref="RowRequestReader"/>), the key and the past, ShouldProcess, and the row into the
    /// <see cref="RegistrationBatch"/>; what is written about the rows is <see cref="RegistrationReport"/>'s.
    /// </summary>
    public sealed partial class RegisterLinkedInScheduledPostCommand
    {
        private const int ProgressId = 1;
        private const string ProgressActivity = "Registering scheduled posts";

        private readonly ImportKeys _keys = new ImportKeys();
        private RegistrationBatch? _batch;
        private RegistrationReport? _report;
        private RowRequestReader? _reader;
        private RowAuthors? _authors;
        private ShadowedColumns? _shadowed;
        private string _queuePath = string.Empty;
        private string? _basePath;
        private long _row;

        // The line breaks inside the cells of the rows so far: a CSV row's line is its number + 1 + these.
        private long _lineBreaksBefore;
        private bool _stoppingWithError;

        private RegistrationBatch Batch => _batch!;

        private RegistrationReport Report => _report!;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            var queuePath = _queuePath = QueueAccess.ResolvePath(this, Path);
            if (!string.IsNullOrWhiteSpace(BasePath))
            {
                var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(BasePath);
                _basePath = File.Exists(full) ? System.IO.Path.GetDirectoryName(full) : full;
            }
            _batch = new RegistrationBatch(() => QueueAccess.Open(this, queuePath), queuePath, Force ? RegistrationMode.UpdatePending : RegistrationMode.AddOnly);
            _report = new RegistrationReport(this, queuePath);
            _reader = new RowRequestReader(this, _basePath, ListsGivenOnCommandLine());
            _authors = new RowAuthors(this, _report);
            _shadowed = new ShadowedColumns(this);
            _fromCsv = FedByCsv.IsMatch(MyInvocation.Line ?? string.Empty);
            _errorsMayStop = ErrorsMayStop();
            // Values that hold before the first row came from the command line (or $PSDefaultParameterValues): a row whose
            // cells are all empty is then still a post, made of them, and not skipped.
            _postGivenOnCommandLine = Text != null || ScheduledAt != null || Date != null || Time != null || Media != null
                || ArticleUrl != null || Poll != null || Reshare != null || Key != null;
        }

        private bool _postGivenOnCommandLine;

        // Whether a row's error may end the pipeline (-ErrorAction Stop or Inquire, or the same preference): only then are the
        // rows accepted before it committed and written first (WriteAcceptedRows), since a commit per bad row slowed an
        // import with many bad rows down several times (5,000 rows, half bad: 0.7 s before, 2 s with a commit per error).
        private bool ErrorsMayStop()
        {
            var preference = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound) ? bound : GetVariableValue("ErrorActionPreference");
            var value = preference is PSObject wrapped ? wrapped.BaseObject : preference;
            var action = value is ActionPreference given ? given
                : Enum.TryParse(value?.ToString(), true, out ActionPreference parsed) ? parsed
                : ActionPreference.Continue;
            var debug = MyInvocation.BoundParameters.TryGetValue("Debug", out var flag) && flag is SwitchParameter on && on.IsPresent;
            return (debug && bound == null) || !(action == ActionPreference.Continue || action == ActionPreference.SilentlyContinue || action == ActionPreference.Ignore);
        }

        private bool _errorsMayStop = true;

        // Whether the pipeline reads a CSV, so a row's number gives its line in the file ("Row 7 (CSV line 8)"). Read from
        // the command line, the only place that says where piped objects come from: JSON objects or a script's
        // objects have no such line, and rows of a CSV read earlier into a variable are just "Row 7".
        private static readonly System.Text.RegularExpressions.Regex FedByCsv = new System.Text.RegularExpressions.Regex(
            @"\b(Import-Csv|ConvertFrom-Csv|ipcsv)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private bool _fromCsv = true;

        /// <summary>
        /// The list parameters that already hold a value before the first row: given on the command line (or by
        /// $PSDefaultParameterValues), so taken as given. A row's cells bind later, and so does a delay-bind script block
        /// (-AltText { $_.Alt }), which BoundParameters lists already but which gives each row's cell: both are split.
        /// </summary>
        private List<string> ListsGivenOnCommandLine()
        {
            var given = new List<string>();
            if (Media != null)
            {
                given.Add(nameof(Media));
            }
            if (AltText != null)
            {
                given.Add(nameof(AltText));
            }
            if (PollOption != null)
            {
                given.Add(nameof(PollOption));
            }
            return given;
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            _row++;
            var row = new RegistrationRow(MyInvocation.ExpectingInput ? _row : (long?)null, InputObject, Text, _fromCsv, _lineBreaksBefore);
            _lineBreaksBefore += RegistrationRow.LineBreaksIn(InputObject);
            try
            {
                if (InputObject?.BaseObject is LinkedInScheduledPost queued)
                {
                    RefuseScheduledPost(row, queued);
                }
                else if (InputObject?.BaseObject is System.Collections.IList list)
                {
                    RefuseList(row, list.Count);
                }
                else if (row.IsEmpty && !_postGivenOnCommandLine)
                {
                    WriteVerbose(row.Prefix(null) + "every cell is empty (a spreadsheet's rows after its last line); skipped.");
                }
                else if (ParameterColumns.TextCellReadAsDate(InputObject) is { } column)
                {
                    RefuseDateCell(row, column);
                }
                else
                {
                    Register(row);
                }
            }
            catch (MediaPathException exception)
            {
                Report.RowError(row, exception, _basePath);
            }
            catch (LinkedInQueueException exception)
            {
                ThrowTerminatingError(LinkedInErrorRecords.From(exception, _queuePath));
            }
            catch (LinkedInTokenStoreException exception)
            {
                ThrowTerminatingError(LinkedInErrorRecords.From(exception, row.Target));
            }
            catch (LinkedInException exception)
            {
                Report.RowError(row, exception);
            }
            if (_row % ProgressInterval == 0)
            {
                var tally = Report.Tally;
                WriteProgress(new ProgressRecord(ProgressId, ProgressActivity,
                    $"{_row.ToString("N0", CultureInfo.InvariantCulture)} rows read: {tally.Registered.ToString("N0", CultureInfo.InvariantCulture)} registered, {tally.Failed.ToString("N0", CultureInfo.InvariantCulture)} with errors"));
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            Report.Results(Batch.Flush(), Batch.Store);
            CompleteProgress();
            Report.Summary();
        }

        private void CompleteProgress()
        {
            if (_row >= ProgressInterval)
            {
                WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        /// <summary>Commits the accepted rows still waiting and closes the queue, also after a stop or a terminating error (when EndProcessing does not run).</summary>
        void IDisposable.Dispose()
        {
            _batch?.Dispose();
            Dispose();
        }

        /// <inheritdoc />
        protected override void StopProcessing()
        {
            // Ctrl+C: the rows read so far and found good are committed (no output can be written now), so a
            // stopped import loses nothing it had accepted and running it again completes it.
            _batch?.FlushQuietly();
            base.StopProcessing();
        }

        /// <summary>
        /// Before a terminating error (a queue or token store failure, from this cmdlet or FindSession):
        /// commits the rows accepted so far (up to a batch, waiting in the buffer) and writes their outputs
        /// and the summary, as EndProcessing would, since it will not run. When the queue itself is what
        /// failed, the flush fails too; the original error is then the one thrown.
        /// </summary>
        protected override void BeforeTerminatingError()
        {
            if (_stoppingWithError || _batch == null)
            {
                return;
            }
            _stoppingWithError = true;
            IReadOnlyList<RowResult> results;
            try
            {
                results = Batch.Flush();
            }
            catch (LinkedInException)
            {
                return;
            }
            Report.Results(results, Batch.Store);
            CompleteProgress();
            Report.Summary();
        }

        /// <summary>
        /// Before a row's error is written, when errors may stop the pipeline: the rows accepted before it are committed and
        /// written first, so those rows are out when -ErrorAction Stop makes the error a stop, which ends the pipeline before
        /// EndProcessing (or any later write) and would leave them committed without a word.
        /// </summary>
        internal void WriteAcceptedRows()
        {
            if (_batch == null || _stoppingWithError || !_errorsMayStop)
            {
                return;
            }
            IReadOnlyList<RowResult> results;
            try
            {
                results = _batch.Flush();
            }
            catch (LinkedInQueueException exception)
            {
                ThrowTerminatingError(LinkedInErrorRecords.From(exception, _queuePath));
                return;
            }
            Report.Results(results, _batch.Store);
        }

        private void Register(RegistrationRow row)
        {
            foreach (var warning in _shadowed!.Warnings(row))
            {
                WriteWarning(warning);
            }
            var start = RowStart.Read(State, row.Column(nameof(State)));
            if (RowStart.IsDone(start))
            {
                // An exported post that went out, was cancelled, or waits for a person: registering it again would
                // send it again. Not an error: re-importing a whole export is normal; the summary counts these.
                Report.Tally.RowSkippedAsDone(start);
                WriteVerbose(row.Prefix(row.Column(nameof(State))) + $"the post is {start}, so it is not registered again (clear the cell to schedule it anew).");
                return;
            }
            var connection = ConnectionName(Connection);
            var author = _authors!.AuthorOf(row, connection, Author);
            if (author == null)
            {
                return;
            }

            var read = _reader!.Read(row, author, connection);
            read.Request.Held = start == QueueState.Held;
            if (read.Key != null && IsRepeated(row, read.Key, derived: false))
            {
                return;
            }
            if (!AllowPast.IsPresent)
            {
                CheckPast(read);
            }
            if (read.Time.Warning != null)
            {
                // Named as a bad time's error names it: the Date and Time columns when the time came from them.
                WriteWarning(row.Prefix(row.TimeColumn) + read.Time.Warning);
            }
            if (!ShouldProcess(read.Describe(), Force ? "Register, or update if pending" : "Register scheduled post"))
            {
                WouldRegister(row, read);
                return;
            }
            Report.Tally.RowAccepted();

            var built = ScheduledPostBuilder.Build(read.Request, Batch.Store().Media);
            if (read.Key == null && IsRepeated(row, built.Key, derived: true))
            {
                return;
            }
            Report.Results(Batch.Add(row, built), Batch.Store);
        }

        /// <summary>
        /// -WhatIf (or -Confirm answered No): counts the row as a real import would see it, nothing written: a derived key
        /// an earlier row of this import has is the same error, and a key the queue has (an existing file, read, never
        /// created) is "already there" without -Force; with -Force it would update a Pending or Held post and leave any
        /// other alone, with the warnings the import would give. The key is the one the post would get, media hashed in place.
        /// </summary>
        private void WouldRegister(RegistrationRow row, RowRequest read)
        {
            var key = read.Key ?? ScheduledPostKeyPreview.Derive(read.Request);
            if (read.Key == null && IsRepeated(row, key, derived: true))
            {
                return;
            }
            var queued = Batch.Queued(key);
            if (queued == null)
            {
                Report.Tally.RowWouldRegister();
                return;
            }
            if (!Force.IsPresent)
            {
                Report.Tally.RowWouldExist();
                return;
            }
            if (!queued.State.IsWaiting())
            {
                Report.Tally.RowWouldNotUpdate();
                WriteWarning(Report.Named(row.Prefix(null) + $"The post with key '{key}' is {queued.State} ({RegistrationReport.WhyNotUpdatable(queued.State, queued.Id)}), so it would not be updated."));
                return;
            }
            Report.Tally.RowWouldUpdate();
            if (QueueAttempt.FirstCallThatMayHaveLanded(Batch.Store(), queued) is { } firstCall)
            {
                // Whether the row changes what the post posts is known only once its media are copied, which -WhatIf does not do.
                WriteWarning(row.Prefix(null) + $"Scheduled post {queued.Id} (key '{key}'): {MayBeOnLinkedIn.CallOf(firstCall)}. -Force would update it only if " +
                    "the row leaves what it posts (text, media, alt text, title, visibility, first comment), its connection and its author as they are; " +
                    "a row that changes any of them is refused (LinkedInScheduledPostMayBePosted).");
            }
        }

        /// <summary>
        /// A scheduled post piped in (Get-LinkedInScheduledPost | Register-…) binds its Text, Key and time by name but has no
        /// media, poll or article to bind: registered, it would become a text post under the original's key.
        /// </summary>
        private void RefuseScheduledPost(RegistrationRow row, LinkedInScheduledPost queued)
        {
            Report.RowError(row,
                $"This is scheduled post {queued.Id} (key {queued.Key}) from Get-LinkedInScheduledPost, not a row: it shows the post's text but not its media, poll or article, so registering it would make a different post. Nothing was registered.",
                ErrorIds.ScheduledPostNotARow, ErrorCategory.InvalidArgument, null, null,
                "To copy posts into another queue, export them and register the file: Get-LinkedInScheduledPost … | Export-LinkedInScheduledPost ./posts.csv; " +
                "Import-Csv ./posts.csv | Register-LinkedInScheduledPost -BasePath ./posts.csv -Path <other queue>.");
        }

        // A whole list as one input: Windows PowerShell's ConvertFrom-Json writes a JSON array so, where PowerShell 7 writes
        // its items one by one. None of its columns can bind, so without this it read as a row with no time.
        private void RefuseList(RegistrationRow row, int count)
        {
            Report.RowError(row,
                $"This input is {(count == 0 ? "an empty list" : $"a list of {count} {(count == 1 ? "object" : "objects")}")}, not one post: Windows PowerShell's ConvertFrom-Json writes a JSON array as one object. Nothing was registered.",
                ErrorIds.ScheduledPostNotARow, ErrorCategory.InvalidArgument, null, null,
                "Put the ConvertFrom-Json in parentheses, so its items are piped one by one: ([IO.File]::ReadAllText('./posts.json') | ConvertFrom-Json) | Register-LinkedInScheduledPost -BasePath ./posts.json.");
        }

        // PowerShell 7's ConvertFrom-Json turns a string that looks like a date into a DateTime, which binds to a text parameter
        // rewritten ("2031-01-12T09:30:00" becomes "01/12/2031 09:30:00"): a key so changed re-imports as a second post.
        private void RefuseDateCell(RegistrationRow row, string column)
        {
            Report.RowError(row,
                $"The value came in as a date ({row.Row!.Properties[column].Value}), not as the text in the file: PowerShell 7's ConvertFrom-Json reads text that looks like a date so, " +
                "and as text it would be rewritten (a key so changed registers the post a second time). Nothing was registered.",
                ErrorIds.ScheduledPostNotARow, ErrorCategory.InvalidData, null, column,
                "Read the file so that text stays text: ConvertFrom-Json -DateKind String (PowerShell 7.5 and later), e.g. ([IO.File]::ReadAllText('./posts.json') | " +
                "ConvertFrom-Json -DateKind String) | Register-LinkedInScheduledPost -BasePath ./posts.json; or export to CSV and use Import-Csv.");
        }

        /// <summary>
        /// True (after writing the error) when an earlier input of this import had <paramref name="key"/>. A derived key (the
        /// row has no Key) names no column in the error: the repeat is of the whole row's author, text, time and media.
        /// </summary>
        private bool IsRepeated(RegistrationRow row, string key, bool derived)
        {
            var repeated = _keys.Repeated(key, row.Number);
            if (repeated != null)
            {
                Report.RowError(row, repeated, ErrorIds.ScheduledPostDuplicateKey, ErrorCategory.InvalidData, null, derived ? null : row.Column(nameof(Key)),
                    "Give each post its own Key (or remove the repeated row).");
            }
            return repeated != null;
        }

        /// <summary>A time in the past is an error when <see cref="PastTimeRule"/> says so for the post queued under the row's key.</summary>
        private void CheckPast(RowRequest read)
        {
            var now = ModuleClock.Current.GetUtcNow();
            if (read.Time.Utc >= now)
            {
                return;
            }
            var existing = Batch.Queued(read.Key ?? ScheduledPostKeyPreview.Derive(read.Request));
            if (PastTimeRule.Refuses(existing, Force.IsPresent, read.Time.Utc))
            {
                read.Time.EnsureNotPast(now);
            }
        }
    }
}
