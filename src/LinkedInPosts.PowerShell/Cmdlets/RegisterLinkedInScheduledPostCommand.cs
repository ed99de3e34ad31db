using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Media;
using LinkedInPosts.PowerShell.Queue;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Puts posts in the schedule queue, for Invoke-LinkedInPostQueue to publish at their time. Takes what
    /// New-LinkedInPost takes plus -ScheduledAt, and binds Import-Csv rows by column name (Text, Body,
    /// Content or Message; ScheduledAt, When or PublishAt, or Date and Time; Media, Image, Images, File or
    /// Path, with several files separated by ';'; and AltText, Title, ArticleUrl, Poll, PollOption, Reshare,
    /// Visibility, Author, Connection, TimeZone, FirstComment, Key). Each row is checked with
    /// New-LinkedInPost's rules, the connection's pages and the time (a local time that does not exist on a
    /// DST change day, or a new post's time in the past, is an error); a bad row writes one error naming its row number,
    /// the column and the fix, and the good rows are registered. Media files are copied into the queue, so
    /// later changes to the originals change nothing. Each post has a key (the Key column, or a hash of
    /// author, text, time and media), so importing the same CSV again registers nothing new, also after
    /// its posts went out (a post already queued is AlreadyExists whatever its time); -Force updates
    /// pending posts whose key matches. Rows are committed 500 per transaction, and the accepted rows
    /// are committed before a terminating error (a queue or token store failure) stops the import.
    /// </summary>
    /// <remarks>
    /// The kind of post is decided per row from the columns that are filled in (a poll, an article, a
    /// reshare, one media file, several images, or text), not by parameter sets: Import-Csv gives every
    /// row every column, empty ones as "", and a binder that picks a parameter set from the columns present
    /// would treat every row of a CSV with a Media column as a media post.
    /// </remarks>
    /// <example>
    /// <code>Import-Csv ./posts.csv | Register-LinkedInScheduledPost -BasePath ./ -TimeZone Europe/Berlin</code>
    /// </example>
    /// <example>
    /// <code>Register-LinkedInScheduledPost -Text 'Patch night went fine #ops' -ScheduledAt '2026-12-24 09:30' -TimeZone 'W. Europe Standard Time'</code>
    /// </example>
    /// <example>
    /// <code>Register-LinkedInScheduledPost -Text 'Before and after' -Media ./before.png, ./after.png -AltText 'Old rack', 'New rack' -ScheduledAt (Get-Date).AddDays(1)</code>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./posts.csv | Register-LinkedInScheduledPost -WhatIf    # checks every row, registers nothing</code>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./posts.csv | Register-LinkedInScheduledPost -Force     # updates the pending posts whose key matches</code>
    /// </example>
    [Cmdlet(VerbsLifecycle.Register, "LinkedInScheduledPost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PostSet)]
    [OutputType(typeof(LinkedInScheduledPost))]
    public sealed class RegisterLinkedInScheduledPostCommand : LinkedInCmdlet, IDisposable
    {
        /// <summary>The one parameter set: the kind of post is decided per row, from what is filled in.</summary>
        public const string PostSet = "Post";

        /// <summary>The progress bar is updated every this many rows.</summary>
        public const int ProgressInterval = 100;

        private const int ProgressId = 1;
        private const string ProgressActivity = "Registering scheduled posts";

        private static readonly Dictionary<string, string[]> ColumnNames = typeof(RegisterLinkedInScheduledPostCommand)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttributes(typeof(ParameterAttribute), false).Length > 0)
            .ToDictionary(
                p => p.Name,
                p => new[] { p.Name }.Concat(p.GetCustomAttributes(typeof(AliasAttribute), false).Cast<AliasAttribute>().SelectMany(a => a.AliasNames)).ToArray(),
                StringComparer.OrdinalIgnoreCase);

        private readonly object _sync = new object();
        private readonly Dictionary<string, LinkedInSession?> _sessions = new Dictionary<string, LinkedInSession?>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, long> _keys = new Dictionary<string, long>(StringComparer.Ordinal);
        private readonly List<PendingRow> _pending = new List<PendingRow>();
        private readonly Dictionary<RegistrationOutcome, int> _counts = new Dictionary<RegistrationOutcome, int>();
        private IQueueStore? _store;
        private QueueRegistrationBuffer? _buffer;
        private string _queuePath = string.Empty;
        private string? _basePath;
        private long _row;
        private int _failed;
        private int _wouldRegister;
        private bool _accepted;
        private bool _stoppingWithError;

        /// <summary>
        /// The post's text as you want it to read (escaped for LinkedIn unless -Raw). CSV columns Text, Body,
        /// Content, Message or Commentary. Optional for media, article, poll and reshare posts.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Commentary", "Body", "Content", "Message")]
        public string? Text { get; set; }

        /// <summary>
        /// When to publish: a DateTime, a DateTimeOffset or text such as 2026-12-24 09:30 or
        /// 2026-12-24T09:30+01:00. A value with an offset, or a DateTime from Get-Date (kind Local), is that instant; otherwise it is wall time in
        /// -TimeZone (or this machine's zone). Forms where day and month could be swapped (01/02/2026) are
        /// refused. CSV columns ScheduledAt, When or PublishAt, or separate Date and Time columns.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("When", "PublishAt")]
        public object? ScheduledAt { get; set; }

        /// <summary>The day to publish (2026-12-24), with -Time; for CSVs that keep date and time in two columns.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Date { get; set; }

        /// <summary>The time of day to publish (09:30, optionally with an offset), with -Date.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Time { get; set; }

        /// <summary>
        /// The time zone of a time without an offset: a Windows id (W. Europe Standard Time) or an IANA id
        /// (Europe/Berlin). Default: this machine's zone. It is stored with the post.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? TimeZone { get; set; }

        /// <summary>
        /// The post's media: one image, video or document, or several images shown together. Paths (relative
        /// to -BasePath, else the current location; wildcards allowed), FileInfos, media objects from
        /// Add-LinkedInMedia, or media URNs. In a CSV cell several files are separated by ';'
        /// (a.png;b.png). CSV columns Media, Image, Images, File or Path. Files are copied into the queue.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Image", "Images", "File", "Files")]
        [MediaInputTransformation]
        public MediaInput[]? Media { get; set; }

        /// <summary>
        /// Alternative text: one for a single picture or the article thumbnail, or one per image in order
        /// (in a CSV cell separated by ';'; an empty one means none). Plain text, never escaped.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[]? AltText { get; set; }

        /// <summary>The title shown with a video or document (a document defaults to its file name); with -ArticleUrl, the article title when -ArticleTitle is empty.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Title { get; set; }

        /// <summary>The address of an article to share as a card (absolute http or https).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Link", "Url")]
        public string? ArticleUrl { get; set; }

        /// <summary>The title on the article card (required with -ArticleUrl, or give -Title).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ArticleTitle { get; set; }

        /// <summary>The description on the article card.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ArticleDescription { get; set; }

        /// <summary>The picture on the article card: an image path, FileInfo, media object or image URN.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [MediaInputTransformation]
        public MediaInput? ArticleThumbnail { get; set; }

        /// <summary>A poll's question (at most 140 characters).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PollQuestion")]
        public string? Poll { get; set; }

        /// <summary>The poll's 2 to 4 options (in a CSV cell separated by ';').</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PollOptions")]
        public string[]? PollOption { get; set; }

        /// <summary>How long the poll stays open: OneDay, ThreeDays, SevenDays (the default) or FourteenDays.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PollDuration { get; set; }

        /// <summary>The URN of a post to reshare (urn:li:share:… or urn:li:ugcPost:…).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Reshare { get; set; }

        /// <summary>A comment the author adds right after the post is published (plain text).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FirstComment { get; set; }

        /// <summary>
        /// Who posts: the connection's member (the default) or a page it can post as (urn:li:organization:…).
        /// When the connection knows its pages, an author it cannot post as is refused at registration.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Author { get; set; }

        /// <summary>Who can see the post: Public (the default), Connections or LoggedIn.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Visibility { get; set; }

        /// <summary>
        /// The connection that publishes the post (default: 'default'). It must exist in this session or the
        /// OS account's token store (Connect-LinkedIn) when the post is registered; the runner uses it later.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <summary>
        /// The post's unique key (at most 200 characters). Default: derived from author, text, time and
        /// media, so re-importing the same rows finds the posts registered before.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Key { get; set; }

        /// <summary>
        /// The row being registered (an Import-Csv row or any object): named in errors as their TargetObject,
        /// and read for the Path, DisableReshare and Raw columns, which no parameter binds. A string piped in
        /// is the post's text.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Stops others from resharing the post (in a CSV: a DisableReshare column of True/False).</summary>
        [Parameter]
        public SwitchParameter DisableReshare { get; set; }

        /// <summary>Sends the text as-is, as LinkedIn little text: you do the escaping (in a CSV: a Raw column of True/False).</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <summary>Accepts times in the past for new posts (the next queue run publishes them, unless they are older than its -MaxLateness). A post whose key is already in the queue needs none.</summary>
        [Parameter]
        public SwitchParameter AllowPast { get; set; }

        /// <summary>The folder relative media paths start from, usually the CSV's (a file path means its folder). Default: the current location.</summary>
        [Parameter]
        public string? BasePath { get; set; }

        /// <summary>Updates posts whose key is already in the queue while they are still Pending or Held (otherwise they are left alone).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The queue file. Default: LINKEDINPOSTS_QUEUE, else queue.db in the data folder (LINKEDINPOSTS_HOME or the per-user folder).</summary>
        [Parameter]
        [Alias("QueuePath")]
        public string? Path { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            _queuePath = QueueAccess.ResolvePath(this, Path);
            if (!string.IsNullOrWhiteSpace(BasePath))
            {
                var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(BasePath);
                _basePath = File.Exists(full) ? System.IO.Path.GetDirectoryName(full) : full;
            }
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            _row++;
            var row = new RowContext(MyInvocation.ExpectingInput ? _row : (long?)null, InputObject);
            try
            {
                Register(row);
            }
            catch (MediaPathException exception)
            {
                WriteRowError(row, exception.Message, ErrorIds.MediaFileNotFound, ErrorCategory.ObjectNotFound, new ItemNotFoundException(exception.Message, exception),
                    row.MediaColumn ?? row.Column(nameof(Media)),
                    "Check the path; relative paths start at " + (_basePath ?? SessionState.Path.CurrentFileSystemLocation.ProviderPath) + (_basePath == null ? " (give -BasePath with the CSV's folder)." : " (-BasePath)."));
            }
            catch (LinkedInQueueException exception)
            {
                ThrowTerminatingError(QueueAccess.Record(exception, _queuePath));
            }
            catch (LinkedInTokenStoreException exception)
            {
                ThrowTerminatingError(LinkedInErrorRecords.From(exception, row.Target));
            }
            catch (LinkedInException exception)
            {
                WriteRowError(row, exception.Message, exception.ErrorId, LinkedInErrorRecords.CategoryOf(exception), exception,
                    ColumnOf(row, exception), LinkedInErrorRecords.RecommendedActionFor(exception));
            }
            if (_row % ProgressInterval == 0)
            {
                WriteProgress(new ProgressRecord(ProgressId, ProgressActivity,
                    $"{_row.ToString("N0", CultureInfo.InvariantCulture)} rows read: {Registered.ToString("N0", CultureInfo.InvariantCulture)} registered, {_failed.ToString("N0", CultureInfo.InvariantCulture)} with errors"));
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            List<RegistrationResult> results;
            lock (_sync)
            {
                results = _buffer?.Flush().ToList() ?? new List<RegistrationResult>();
            }
            WriteResults(results);
            if (_row >= ProgressInterval)
            {
                WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
            }
            WriteSummary();
        }

        /// <summary>Closes the queue, also after a stop or a terminating error (when EndProcessing does not run).</summary>
        void IDisposable.Dispose()
        {
            lock (_sync)
            {
                _store?.Dispose();
                _store = null;
            }
            Dispose();
        }

        /// <inheritdoc />
        protected override void StopProcessing()
        {
            // Ctrl+C: the rows read so far and found good are committed (no output can be written now), so a
            // stopped import loses nothing it had accepted and running it again completes it.
            lock (_sync)
            {
                try
                {
                    _buffer?.Flush();
                }
                catch (LinkedInException)
                {
                }
            }
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
            if (_stoppingWithError)
            {
                return;
            }
            _stoppingWithError = true;
            List<RegistrationResult> results;
            lock (_sync)
            {
                try
                {
                    results = _buffer?.Flush().ToList() ?? new List<RegistrationResult>();
                }
                catch (LinkedInException)
                {
                    return;
                }
            }
            WriteResults(results);
            WriteSummary();
        }

        private int Registered => Count(RegistrationOutcome.Added) + Count(RegistrationOutcome.Updated);

        private int Count(RegistrationOutcome outcome) => _counts.TryGetValue(outcome, out var n) ? n : 0;

        private void Register(RowContext row)
        {
            var connection = ConnectionName(Connection);
            var session = Session(connection);
            if (session == null)
            {
                var connect = Reconnect.CommandForNew(connection);
                WriteRowError(row,
                    $"There is no connection named '{connection}' in this session or in the token store of OS account {OsAccount.Current}, so the post could not be checked against it or published later.",
                    ErrorIds.NotConnected, ErrorCategory.AuthenticationError, null, row.Column(nameof(Connection)),
                    $"Run {connect} as the account that runs the queue, or name an existing connection in the Connection column (Get-LinkedInConnection lists them).");
                return;
            }

            var authorText = Author;
            LinkedInUrn author;
            try
            {
                author = LinkedInUrn.ParseAuthor(string.IsNullOrWhiteSpace(authorText) ? session.Member : authorText!.Trim());
            }
            catch (FormatException exception)
            {
                WriteRowError(row, exception.Message, ErrorIds.InvalidUrn, ErrorCategory.InvalidArgument, exception, row.Column(nameof(Author)),
                    "Give a person (urn:li:person:…) or page (urn:li:organization:…) URN, or leave Author empty to post as the connection's member.");
                return;
            }
            var notAllowed = session.WhyCannotPostAs(author);
            if (notAllowed != null)
            {
                WriteRowError(row, notAllowed, ErrorIds.AuthorNotAllowed, ErrorCategory.PermissionDenied, null, row.Column(nameof(Author)),
                    "Use an author the connection can post as (Get-LinkedInConnection shows its member and pages), or another connection in the Connection column.");
                return;
            }

            var time = ResolveTime(row);

            var fields = new ScheduledPostFields
            {
                // A string piped in (not a row) is the text, as for New-LinkedInPost.
                Text = Text ?? (InputObject?.BaseObject as string),
                Media = ResolveMedia(row),
                AltText = List(AltText, keepEmpty: true),
                Title = Title,
                ArticleUrl = ArticleUrl,
                ArticleTitle = ArticleTitle,
                ArticleDescription = ArticleDescription,
                ArticleThumbnail = ResolveThumbnail(row),
                Poll = Poll,
                PollOption = List(PollOption, keepEmpty: false),
                PollDuration = PollDuration,
                Reshare = Reshare,
                Visibility = Visibility,
                DisableReshare = DisableReshare.IsPresent || ScheduledPostFields.ParseFlag(row.Cell("DisableReshare"), "DisableReshare"),
                Raw = Raw.IsPresent || ScheduledPostFields.ParseFlag(row.Cell("Raw"), "Raw"),
            };
            var draft = fields.ToDraft(author);
            var key = string.IsNullOrWhiteSpace(Key) ? null : Key!.Trim();
            var request = new ScheduleRequest(draft, connection, time.Utc, time.TimeZoneId)
            {
                FirstComment = string.IsNullOrEmpty(FirstComment) ? null : FirstComment,
                Key = key,
            };
            ScheduledPostCheck.Validate(request);
            if (key != null && IsDuplicate(row, key))
            {
                return;
            }
            if (!AllowPast.IsPresent)
            {
                CheckPast(request, time, key);
            }
            if (time.Warning != null)
            {
                WriteWarning(row.Prefix(row.Column(nameof(ScheduledAt))) + time.Warning);
            }

            var description = $"{fields.Kind()} post by {author} with connection '{connection}' at {time} (UTC {time.Utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)})" +
                (key == null ? string.Empty : $", key '{key}'") + ": " + Excerpt(draft.Commentary);
            if (!ShouldProcess(description, Force ? "Register, or update if pending" : "Register scheduled post"))
            {
                _wouldRegister++;
                return;
            }
            _accepted = true;

            var store = Store();
            var built = ScheduledPostBuilder.Build(request, store.Media);
            if (key == null && IsDuplicate(row, built.Key))
            {
                return;
            }
            List<RegistrationResult> results;
            lock (_sync)
            {
                _pending.Add(new PendingRow(row, built));
                results = _buffer!.Add(built).ToList();
            }
            WriteResults(results);
        }

        private bool IsDuplicate(RowContext row, string key)
        {
            if (_keys.TryGetValue(key, out var first))
            {
                var what = key.StartsWith(ScheduledPostKey.Prefix, StringComparison.Ordinal)
                    ? "the same post (author, text, time and media) as"
                    : $"the same Key '{key}' as";
                WriteRowError(row, $"This is {what} " + (first > 0 ? $"row {first}" : "an earlier input") + " of this import; a key names one post.",
                    ErrorIds.ScheduledPostDuplicateKey, ErrorCategory.InvalidData, null, row.Column(nameof(Key)),
                    "Give each post its own Key (or remove the repeated row).");
                return true;
            }
            _keys[key] = row.Number ?? 0;
            return false;
        }

        /// <summary>
        /// A time in the past is an error only for a post that is new to the queue: a post whose key is
        /// already there (a CSV imported again after its posts went out, an export with Published rows) is
        /// AlreadyExists, or with -Force Updated / NotUpdatable, whatever its time. -Force moving a post that
        /// can still be updated to a different time in the past is an error too.
        /// </summary>
        private void CheckPast(ScheduleRequest request, ScheduleTime time, string? key)
        {
            var now = ModuleClock.Current.GetUtcNow();
            if (time.Utc >= now)
            {
                return;
            }
            var existing = Queued(key ?? DerivedKey(request));
            var updatable = existing != null && (existing.State == QueueState.Pending || existing.State == QueueState.Held);
            if (existing == null || (Force && updatable && Math.Abs((existing.ScheduledAtUtc - time.Utc).TotalMilliseconds) >= 1))
            {
                time.EnsureNotPast(now);
            }
        }

        /// <summary>
        /// The key a post without one gets, without touching the queue: its media are hashed by copying them
        /// into a scratch media folder that is deleted at once, so a refused row leaves no copy behind.
        /// </summary>
        private static string DerivedKey(ScheduleRequest request)
        {
            var scratch = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "LinkedInPosts-key-" + Guid.NewGuid().ToString("N"));
            try
            {
                return ScheduledPostBuilder.Build(request, new MediaStore(scratch)).Key;
            }
            finally
            {
                try
                {
                    if (Directory.Exists(scratch))
                    {
                        Directory.Delete(scratch, recursive: true);
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        /// <summary>The post with <paramref name="key"/> in the queue; null when there is none, or no queue file yet (none is created).</summary>
        private ScheduledPost? Queued(string key)
        {
            if (_store == null && !File.Exists(_queuePath))
            {
                return null;
            }
            return Store().GetByKey(key);
        }

        private ScheduleTime ResolveTime(RowContext row)
        {
            var now = ModuleClock.Current.GetUtcNow();
            var zone = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone!.Trim();
            var at = Unwrap(ScheduledAt);
            if (!IsEmpty(at))
            {
                // The past is checked once the key is known (CheckPast): a post already queued is no error.
                return ScheduleTime.Resolve(at!, zone, now, allowPast: true);
            }
            var date = Unwrap(Date);
            var time = Unwrap(Time);
            if (!IsEmpty(date) || !IsEmpty(time))
            {
                row.TimeColumns = true;
                return ScheduleTime.ResolveDateAndTime(IsEmpty(date) ? null! : date!, IsEmpty(time) ? null! : time!, zone, now, allowPast: true);
            }
            throw new LinkedInValidationException(ScheduleTime.DefaultField,
                "The post has no time: give ScheduledAt (or When, PublishAt), or Date and Time, e.g. 2026-12-24 09:30.");
        }

        private IReadOnlyList<MediaReference> ResolveMedia(RowContext row)
        {
            var inputs = (Media ?? Array.Empty<MediaInput>()).Where(m => m != null).ToList();
            if (inputs.All(IsEmptyInput))
            {
                // A Path column cannot bind to -Media by name (-Path is the queue file), so it is read here.
                var path = row.Cell("Path");
                inputs = string.IsNullOrWhiteSpace(path) ? new List<MediaInput>() : new List<MediaInput> { new MediaInput(path!) };
                if (inputs.Count > 0)
                {
                    row.MediaColumn = "Path";
                }
            }
            var references = new List<MediaReference>();
            foreach (var input in inputs.Where(i => !IsEmptyInput(i)))
            {
                if (input.Uploaded != null || input.Urn != null)
                {
                    references.AddRange(input.Resolve(SessionState, nameof(Media), single: false));
                    continue;
                }
                foreach (var part in input.IsLiteralPath ? new[] { input.Path! } : ScheduledPostFields.SplitList(input.Path))
                {
                    var one = new MediaInput(part);
                    if (one.Urn != null)
                    {
                        references.Add(MediaReference.FromUrn(one.Urn));
                        continue;
                    }
                    var full = FromBase(part);
                    if (!ReferenceEquals(full, part) && !File.Exists(full) && !Directory.Exists(full) && !WildcardPattern.ContainsWildcardCharacters(part))
                    {
                        throw new MediaPathException(part, $"The file '{part}' does not exist (looked for {full}, relative to -BasePath {_basePath}).");
                    }
                    references.AddRange(MediaPaths.Resolve(SessionState, full, input.IsLiteralPath).Select(MediaReference.FromFile));
                }
            }
            return references;
        }

        private MediaReference? ResolveThumbnail(RowContext row)
        {
            var input = ArticleThumbnail;
            if (input == null || IsEmptyInput(input))
            {
                return null;
            }
            if (input.Path == null)
            {
                return input.Resolve(SessionState, nameof(ArticleThumbnail), single: true)[0];
            }
            try
            {
                return MediaReference.FromFile(MediaPaths.ResolveOne(SessionState, FromBase(input.Path.Trim()), input.IsLiteralPath, nameof(ArticleThumbnail)));
            }
            catch (MediaPathException)
            {
                row.MediaColumn = row.Column(nameof(ArticleThumbnail));
                throw;
            }
        }

        private string FromBase(string path) =>
            _basePath != null && !System.IO.Path.IsPathRooted(path) && !path.Contains(":") ? System.IO.Path.Combine(_basePath, path) : path;

        private static bool IsEmptyInput(MediaInput input) => input.Uploaded == null && input.Urn == null && string.IsNullOrWhiteSpace(input.Path);

        private static IReadOnlyList<string> List(string[]? values, bool keepEmpty)
        {
            if (values == null || values.Length == 0)
            {
                return Array.Empty<string>();
            }
            var items = values.SelectMany(v => ScheduledPostFields.SplitList(v, dropEmpty: !keepEmpty)).ToList();
            return items.All(string.IsNullOrWhiteSpace) ? Array.Empty<string>() : items;
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static bool IsEmpty(object? value) => value == null || (value is string text && string.IsNullOrWhiteSpace(text));

        private LinkedInSession? Session(string name)
        {
            if (!_sessions.TryGetValue(name, out var session))
            {
                session = FindSession(name, out _);
                _sessions[name] = session;
            }
            return session;
        }

        private IQueueStore Store()
        {
            if (_store == null)
            {
                _store = QueueAccess.Open(this, _queuePath);
                _buffer = new QueueRegistrationBuffer(_store, Force ? RegistrationMode.UpdatePending : RegistrationMode.AddOnly);
            }
            return _store;
        }

        private void WriteResults(IReadOnlyList<RegistrationResult> results)
        {
            if (results.Count == 0)
            {
                return;
            }
            var rows = _pending.ToList();
            lock (_sync)
            {
                _pending.RemoveRange(0, Math.Min(results.Count, _pending.Count));
            }
            for (var i = 0; i < results.Count; i++)
            {
                var result = results[i];
                var pending = rows[i];
                if (result.Outcome == RegistrationOutcome.Invalid)
                {
                    WriteRowError(pending.Row, "The queue refused the post: " + result.Error + ".", ErrorIds.ScheduledPostInvalid, ErrorCategory.InvalidData, null, null, null);
                    continue;
                }
                _counts[result.Outcome] = Count(result.Outcome) + 1;
                ScheduledPost? stored = null;
                if (result.Outcome == RegistrationOutcome.Added || result.Outcome == RegistrationOutcome.Updated)
                {
                    var built = pending.Post;
                    stored = new ScheduledPost
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
                }
                else if (result.Id.HasValue)
                {
                    stored = _store!.Get(result.Id.Value);
                }
                if (stored != null)
                {
                    WriteObject(LinkedInScheduledPost.From(stored, _queuePath, result.Outcome));
                }
                if (result.Outcome == RegistrationOutcome.NotUpdatable)
                {
                    WriteWarning(pending.Row.Prefix(null) + $"The post with key '{result.Key}' is {result.State} (a queue run has taken it), so it was not updated.");
                }
            }
        }

        private void WriteSummary()
        {
            string summary;
            if (!ShouldProcessDone)
            {
                summary = $"{_wouldRegister} would be registered, {_failed} with errors (nothing was written).";
            }
            else
            {
                summary = $"{Count(RegistrationOutcome.Added)} registered, {Count(RegistrationOutcome.AlreadyExists)} already there" +
                    (Force ? $", {Count(RegistrationOutcome.Updated)} updated, {Count(RegistrationOutcome.NotUpdatable)} not updatable (already taken by a run)" : string.Empty) +
                    $", {_failed} with errors, in {_queuePath}.";
            }
            WriteVerbose(summary);
            WriteInformation(summary, new[] { "LinkedInPosts", "Summary" });
            var seen = _counts.Values.Sum();
            if (seen > 0 && Count(RegistrationOutcome.AlreadyExists) == seen)
            {
                WriteWarning($"Nothing new was registered: all {seen} posts were already in the queue (matched by key)." +
                    (Force ? string.Empty : " Use -Force to update the pending ones with these rows."));
            }
        }

        private bool ShouldProcessDone => _accepted || _wouldRegister == 0;

        private void WriteRowError(RowContext row, string message, string errorId, ErrorCategory category, Exception? exception, string? column, string? fix)
        {
            _failed++;
            var full = row.Prefix(column) + message;
            var record = new ErrorRecord(exception ?? new InvalidOperationException(full), errorId, category, row.Target ?? Text)
            {
                ErrorDetails = new ErrorDetails(full) { RecommendedAction = fix },
            };
            WriteError(record);
        }

        private string? ColumnOf(RowContext row, LinkedInException exception)
        {
            if (exception is LinkedInMediaException)
            {
                return row.Column(nameof(Media));
            }
            if (!(exception is LinkedInValidationException validation))
            {
                return null;
            }
            switch (validation.Field)
            {
                case "Commentary":
                    return row.Column(nameof(Text));
                case ScheduleTime.DefaultField:
                    return row.TimeColumns ? row.Column(nameof(Date)) + "/" + row.Column(nameof(Time)) : row.Column(nameof(ScheduledAt));
                case "Thumbnail":
                    return row.Column(nameof(ArticleThumbnail));
                case "Article":
                    return IsWebAddress(ArticleUrl) ? row.Column(nameof(ArticleTitle)) : row.Column(nameof(ArticleUrl));
                case "Comment":
                    return row.Column(nameof(FirstComment));
                case ScheduledPostFields.KindField:
                    return "Media/ArticleUrl/Poll/Reshare";
                case "Media":
                    return row.MediaColumn ?? row.Column(nameof(Media));
                default:
                    return ColumnNames.ContainsKey(validation.Field) ? row.Column(validation.Field) : validation.Field;
            }
        }

        private static bool IsWebAddress(string? text) =>
            !string.IsNullOrWhiteSpace(text) && Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

        private static string Excerpt(string text)
        {
            var line = text.Replace("\r", " ").Replace("\n", " ");
            return line.Length > 60 ? line.Substring(0, 59) + "…" : line;
        }

        /// <summary>One input: its row number in the pipeline (1-based, null on the command line) and the row itself.</summary>
        private sealed class RowContext
        {
            public RowContext(long? number, PSObject? row)
            {
                Number = number;
                Row = row;
            }

            public long? Number { get; }

            public PSObject? Row { get; }

            public bool TimeColumns { get; set; }

            public string? MediaColumn { get; set; }

            public object? Target => Row;

            /// <summary>The text of a column no parameter binds (null when the row has no such column).</summary>
            public string? Cell(string name)
            {
                var value = Row?.Properties[name]?.Value;
                return value is PSObject wrapped ? wrapped.BaseObject?.ToString() : value?.ToString();
            }

            /// <summary>The row's column that a parameter took its value from (a name or alias), else the parameter's name.</summary>
            public string Column(string parameter)
            {
                if (Row != null && ColumnNames.TryGetValue(parameter, out var names))
                {
                    foreach (var name in names)
                    {
                        var property = Row.Properties[name];
                        if (property != null)
                        {
                            return property.Name;
                        }
                    }
                }
                return parameter;
            }

            /// <summary>"Row 7 (CSV line 8), column 'When': " for a pipeline row, "-When: " otherwise.</summary>
            public string Prefix(string? column)
            {
                if (Number == null)
                {
                    return column == null ? string.Empty : $"-{column}: ";
                }
                var where = $"Row {Number} (CSV line {Number + 1})";
                return column == null ? where + ": " : $"{where}, column '{column}': ";
            }
        }

        /// <summary>A row waiting in the registration buffer.</summary>
        private sealed class PendingRow
        {
            public PendingRow(RowContext row, NewScheduledPost post)
            {
                Row = row;
                Post = post;
            }

            public RowContext Row { get; }

            public NewScheduledPost Post { get; }
        }
    }
}
