using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Queue;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Writes scheduled posts to a CSV or JSON file that Register-LinkedInScheduledPost reads back: the same
    /// column names (Key, ScheduledAt with its offset, TimeZone, Connection, Author, Text, Media, AltText,
    /// Title, Article…, Poll…, Reshare, Visibility, DisableReshare, Raw, FirstComment, and State, which
    /// Register reads: Held posts come back Held, done ones are skipped; a post a run's create call may have reached
    /// already is written Unconfirmed, with a warning, as its attempts do not travel with it). Media kept in the queue are copied next to the export, into a folder named after it
    /// (posts.csv: posts.media/), and the Media column names them relative to the export's folder, so
    /// <c>Import-Csv posts.csv | Register-LinkedInScheduledPost -BasePath posts.csv</c> registers the same
    /// posts (with the same keys) in another queue or on another machine (posts whose time has passed, Held ones
    /// included, need -AllowPast there, as any past time does). Media already on LinkedIn are exported as their URNs.
    /// </summary>
    /// <example>
    /// <code>Export-LinkedInScheduledPost -Path ./pending.csv -State Pending, Held</code>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInScheduledPost -Connection marketing | Export-LinkedInScheduledPost ./marketing.json</code>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./pending.csv | Register-LinkedInScheduledPost -BasePath ./pending.csv -Path ./other-queue.db</code>
    /// </example>
    /// <seealso cref="RegisterLinkedInScheduledPostCommand"/>
    [Cmdlet(VerbsData.Export, "LinkedInScheduledPost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = QuerySet)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportLinkedInScheduledPostCommand : LinkedInCmdlet
    {
        /// <summary>Posts matching filters (all posts without any), or the ids piped in.</summary>
        public const string QuerySet = "Query";

        private readonly List<long> _ids = new List<long>();
        private readonly HashSet<string> _mediaNamed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private string? _queuePath;

        /// <summary>The file to write (.csv, .txt or .json, or any name with -Format; relative to the current location).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Csv or Json. Default: from the file's extension: .json is JSON, .csv or .txt is CSV; any other extension needs -Format (else LinkedInExportFormatUnknown).</summary>
        [Parameter]
        [ValidateSet("Csv", "Json", IgnoreCase = true)]
        public string? Format { get; set; }

        /// <summary>
        /// The posts to export (also from the pipeline: Get-LinkedInScheduledPost's output), narrowed by the filters when
        /// any is given. Default (nothing given or piped): every post the filters match. Piped input that brings no post exports none.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PostId")]
        [ArgumentCompleter(typeof(ScheduledPostIdCompleter))]
        public long[]? Id { get; set; }

        /// <summary>Only posts in these states.</summary>
        [Parameter]
        public QueueState[]? State { get; set; }

        /// <summary>Only posts of this connection.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <summary>Only posts scheduled at or after this time.</summary>
        [Parameter]
        [InstantTransformation]
        public DateTime? From { get; set; }

        /// <summary>Only posts scheduled before this time.</summary>
        [Parameter]
        [InstantTransformation]
        public DateTime? To { get; set; }

        /// <summary>Only the post with this key.</summary>
        [Parameter]
        public string? Key { get; set; }

        /// <summary>The queue file (default: LINKEDINPOSTS_QUEUE, else queue.db in the data folder). Binds the QueuePath of piped posts.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? QueuePath { get; set; }

        /// <summary>Refuses to overwrite an existing file (LinkedInExportFileExists).</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Overwrites a read-only file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Outputs the file written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                _ids.AddRange(Id);
            }
            if (!string.IsNullOrWhiteSpace(QueuePath))
            {
                var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(QueuePath);
                // Case is ignored where the file system usually ignores it (Windows, macOS), so one file written two ways is one queue.
                var comparison = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
                if (_queuePath != null && !string.Equals(SessionState.Path.GetUnresolvedProviderPathFromPSPath(_queuePath), full, comparison))
                {
                    // An id means something only in its own queue: looked up in the other one it would be not found, or another post.
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException($"Posts from two queue files were piped in ({_queuePath} and {QueuePath}), and a post's id means something only in its own queue. Nothing was written: export each queue to its own file."),
                        ErrorIds.ExportMixedQueues, ErrorCategory.InvalidArgument, QueuePath));
                }
                _queuePath = QueuePath;
            }
        }

        // SQLite's file header: every database, a queue included, starts with these 16 bytes.
        private static bool IsSqliteDatabase(string file)
        {
            if (!File.Exists(file))
            {
                return false;
            }
            using (var reader = new BinaryReader(File.OpenRead(file)))
            {
                return reader.ReadBytes(16).SequenceEqual(Encoding.ASCII.GetBytes("SQLite format 3\0"));
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            var json = FormatOf(file);
            if (File.Exists(file) && NoClobber)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new IOException($"The file {file} already exists, and -NoClobber keeps it. Choose another -Path, or leave out -NoClobber to overwrite it."),
                    ErrorIds.ExportFileExists, ErrorCategory.ResourceExists, file));
            }
            if (IsSqliteDatabase(file))
            {
                // On every other queue cmdlet -Path is the queue, so a queue given here is the likeliest slip: one
                // overwrite would turn it into a CSV. Nothing a user wants is lost by refusing.
                ThrowTerminatingError(new ErrorRecord(
                    new IOException($"{file} is a SQLite database (a queue?), not an export, so it is not overwritten. -Path is the CSV or JSON file to write; the queue to read is -QueuePath."),
                    ErrorIds.ExportWouldReplaceDatabase, ErrorCategory.InvalidArgument, file));
            }
            // Piped in but nothing came (say, Get-LinkedInScheduledPost matched no post): the export is empty. Falling
            // back to "every post" here would write the whole queue, of the default file at that.
            var nothingPiped = MyInvocation.ExpectingInput && _ids.Count == 0;
            var queuePath = QueueAccess.ResolvePath(this, _queuePath);
            if (!nothingPiped && QueueFile.Missing(this, _queuePath, "-QueuePath") is { } missing)
            {
                // A nightly backup of a queue that is not there must fail, not write an empty export and exit 0.
                ThrowTerminatingError(missing);
            }
            if (!ShouldProcess(file, $"Export scheduled posts from {queuePath} as {(json ? "JSON" : "CSV")}"))
            {
                return;
            }
            if (File.Exists(file) && (File.GetAttributes(file) & FileAttributes.ReadOnly) != 0)
            {
                if (!Force)
                {
                    // Said on every system: Linux and macOS would replace it regardless (removing a file asks its folder, not the file).
                    ThrowTerminatingError(new ErrorRecord(
                        new UnauthorizedAccessException($"The file {file} is read-only, so it is not overwritten. Add -Force to replace it, or choose another -Path."),
                        ErrorIds.ExportWriteFailed, ErrorCategory.PermissionDenied, file));
                }
                File.SetAttributes(file, File.GetAttributes(file) & ~FileAttributes.ReadOnly);
            }

            var folder = System.IO.Path.GetDirectoryName(file)!;
            var mediaFolderName = MediaFolderName(file);
            var count = 0;
            if (nothingPiped)
            {
                WriteWarning("No scheduled post was piped in: the export has no posts.");
                WriteEmpty(file, json);
                PruneMedia(file, folder, mediaFolderName);
                return;
            }
            using (var store = QueueAccess.Open(this, queuePath))
            {
                var rows = Posts(store, queuePath)
                    .Select(post => Row(store, post, folder, mediaFolderName))
                    .Where(row => row != null)
                    .Select(row =>
                    {
                        count++;
                        return row!;
                    });
                try
                {
                    WriteOrStop(file, json, rows);
                }
                catch (LinkedInQueueException exception)
                {
                    ThrowTerminatingError(LinkedInErrorRecords.From(exception, queuePath));
                }
            }
            // Written whole: the copies only earlier exports of this file named can go.
            PruneMedia(file, folder, mediaFolderName);
            WriteVerbose($"{count} scheduled posts exported to {file}.");
            if (PassThru)
            {
                WriteObject(new FileInfo(file));
            }
        }

        /// <summary>
        /// Removes the copies only earlier exports of this file showed, unless another file beside it shares the media folder
        /// (posts.csv and posts.json both use posts.media/): that export may still show them.
        /// </summary>
        private void PruneMedia(string file, string folder, string mediaFolderName)
        {
            var sharing = Directory.GetFiles(folder)
                .Where(other => !string.Equals(other, file, StringComparison.OrdinalIgnoreCase) && MediaFolderName(other) == mediaFolderName)
                .ToList();
            if (sharing.Count > 0)
            {
                WriteVerbose($"The media copies in {System.IO.Path.Combine(folder, mediaFolderName)} are kept: {string.Join(", ", sharing.Select(System.IO.Path.GetFileName))} beside this export uses that folder too.");
                return;
            }
            ExportMediaFolder.RemoveUnnamed(System.IO.Path.Combine(folder, mediaFolderName), _mediaNamed, WriteVerbose);
        }

        private void WriteEmpty(string file, bool json)
        {
            WriteOrStop(file, json, Array.Empty<IReadOnlyDictionary<string, string>>());
            if (PassThru)
            {
                WriteObject(new FileInfo(file));
            }
        }

        private bool FormatOf(string file)
        {
            if (!string.IsNullOrEmpty(Format))
            {
                return string.Equals(Format, "Json", StringComparison.OrdinalIgnoreCase);
            }
            var extension = System.IO.Path.GetExtension(file);
            if (string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".txt", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"'{Path}' is neither a .csv nor a .json file. Give -Format Csv or -Format Json.", nameof(Path)),
                ErrorIds.ExportFormatUnknown, ErrorCategory.InvalidArgument, Path));
            return false;
        }

        private IEnumerable<ScheduledPost> Posts(IQueueStore store, string queuePath)
        {
            if (_ids.Count > 0)
            {
                foreach (var id in _ids.Distinct())
                {
                    var post = store.Get(id);
                    if (post == null)
                    {
                        WriteError(QueueAccess.NotFound(id, queuePath));
                        continue;
                    }
                    if (Matches(post))
                    {
                        yield return post;
                    }
                }
                yield break;
            }
            var query = new QueueQuery
            {
                States = State is { Length: > 0 } ? State : null,
                Connection = string.IsNullOrWhiteSpace(Connection) ? null : Connection!.Trim(),
                Key = string.IsNullOrWhiteSpace(Key) ? null : Key!.Trim(),
                ScheduledFrom = From.HasValue ? GetLinkedInScheduledPostCommand.Utc(From.Value) : (DateTimeOffset?)null,
                ScheduledBefore = To.HasValue ? GetLinkedInScheduledPostCommand.Utc(To.Value) : (DateTimeOffset?)null,
                Limit = GetLinkedInScheduledPostCommand.PageSize,
            };
            while (true)
            {
                var page = store.Query(query);
                foreach (var post in page)
                {
                    yield return post;
                }
                if (page.Count < query.Limit)
                {
                    yield break;
                }
                query.After = page[page.Count - 1];
            }
        }

        /// <summary>The filters, for posts given by id (piped in): the same rules as the query's.</summary>
        private bool Matches(ScheduledPost post)
        {
            if (State is { Length: > 0 } && !State.Contains(post.State))
            {
                return false;
            }
            if (!string.IsNullOrWhiteSpace(Connection) && !string.Equals(post.Connection, Connection!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            if (!string.IsNullOrWhiteSpace(Key) && !string.Equals(post.Key, Key!.Trim(), StringComparison.Ordinal))
            {
                return false;
            }
            if (From.HasValue && post.ScheduledAtUtc < GetLinkedInScheduledPostCommand.Utc(From.Value))
            {
                return false;
            }
            return !To.HasValue || post.ScheduledAtUtc < GetLinkedInScheduledPostCommand.Utc(To.Value);
        }

        /// <summary>
        /// The post's row, or null when one of its stored media files is missing or was changed: that post gets its own
        /// error naming it and the others are exported, as a nightly export should not stop at one broken post (an
        /// exported row without its file would register a different post, or fail, on the way back).
        /// </summary>
        private IReadOnlyDictionary<string, string>? Row(IQueueStore store, ScheduledPost post, string folder, string mediaFolderName)
        {
            try
            {
                var mayBePostedSince = post.State.IsWaiting() ? QueueAttempt.FirstCallThatMayHaveLanded(store, post) : null;
                var row = ScheduledPostColumns.From(post, reference =>
                {
                    var copy = CopyMedia(store, reference, folder, mediaFolderName);
                    _mediaNamed.Add(copy.Substring(copy.LastIndexOf('/') + 1));
                    return copy;
                }, mayBePostedSince);
                if (mayBePostedSince != null)
                {
                    WriteWarning(QueueAccess.ForQueue(this, MayBeOnLinkedIn.ExportedUnconfirmed(post, mayBePostedSince.Value), store.Location));
                }
                return row;
            }
            catch (IOException exception)
            {
                // One post's media that cannot be copied (a name the file system refuses, say) costs that post, not the export.
                WriteError(new ErrorRecord(new IOException($"Scheduled post {post.Id} (key {post.Key}) was not exported: its media could not be copied next to the export: {exception.Message}", exception),
                    ErrorIds.ExportWriteFailed, ErrorCategory.WriteError, post.Id));
                return null;
            }
            catch (LinkedInQueueException exception) when (exception.Failure == QueueFailure.MediaMissing || exception.Failure == QueueFailure.MediaCorrupted)
            {
                var notExported = new LinkedInQueueException(exception.Failure,
                    $"Scheduled post {post.Id} (key {post.Key}) was not exported: {exception.Message}", exception) { Path = exception.Path };
                WriteError(LinkedInErrorRecords.From(notExported, post.Id));
                return null;
            }
        }

        /// <summary>
        /// Copies a stored media file next to the export and returns its path relative to the export's folder. A file of that
        /// name from an earlier export is kept only when it is the same file (its SHA-256): one cut short by a killed export
        /// or changed by hand is copied again, so an export that succeeds always holds the queue's own media.
        /// </summary>
        private static string CopyMedia(IQueueStore store, MediaReference reference, string folder, string mediaFolderName)
        {
            var stored = store.Media.Verify(reference.StoredSha256!);
            // Named after the hash's start and the original name; a file that came from an earlier export already has
            // that start, and keeps its name instead of growing one more prefix with every export and re-import.
            var prefix = reference.StoredSha256!.Substring(0, 12) + "-";
            var original = SafeName(reference.FileName ?? "media");
            var name = original.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? original : prefix + original;
            var target = System.IO.Path.Combine(folder, mediaFolderName, name);
            if (File.Exists(target) && new FileInfo(target).Length == stored.Length && IsCopyOf(target, reference.StoredSha256!))
            {
                return mediaFolderName + "/" + name;
            }
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            // Copied under a temporary name and then moved into place, so a copy cut short never has the final name.
            var temporary = target + ".tmp-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            try
            {
                File.Copy(stored.Path, temporary);
                if (File.Exists(target))
                {
                    File.Delete(target);
                }
                File.Move(temporary, target);
            }
            finally
            {
                File.Delete(temporary);
            }
            return mediaFolderName + "/" + name;
        }

        private static bool IsCopyOf(string path, string sha256)
        {
            try
            {
                return MediaStore.HashOf(path) == sha256;
            }
            catch (LinkedInValidationException)
            {
                // Unreadable (held open, access denied): not known to be the same file, so it is copied again.
                return false;
            }
        }

        /// <summary>
        /// The folder beside the export that holds its media: the export's name with ".media", made safe as a file name is
        /// (a ';' would split the cell's list, and a leading space would be trimmed away when the file is registered).
        /// </summary>
        private static string MediaFolderName(string file)
        {
            var name = SafeName(System.IO.Path.GetFileNameWithoutExtension(file)).Trim();
            return (name.Length == 0 ? "export" : name) + ".media";
        }

        // Long enough to tell files apart, short enough that the hash prefix and a temporary suffix stay far below the 255
        // bytes a file name may have (an original name of 245 characters failed the whole export). Bytes, not characters:
        // 80 CJK characters are 240 bytes in UTF-8.
        private const int MaxNameBytes = 100;

        private static string SafeName(string name)
        {
            // Windows' invalid characters too, on every system: the export may be read on another one (a ':' kept on
            // Linux is refused in a relative path there), and ';' separates the cell's files.
            var invalid = System.IO.Path.GetInvalidFileNameChars().Concat(new[] { ';', '*', '?', '[', ']', ':', '\\', '"', '<', '>', '|' }).ToArray();
            var safe = new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
            if (Encoding.UTF8.GetByteCount(safe) > MaxNameBytes)
            {
                var extension = System.IO.Path.GetExtension(safe);
                extension = extension.Length > 10 ? string.Empty : extension;
                var stem = safe.Substring(0, safe.Length - extension.Length);
                while (stem.Length > 0 && Encoding.UTF8.GetByteCount(stem) + Encoding.UTF8.GetByteCount(extension) > MaxNameBytes)
                {
                    // One character off, or a surrogate pair whole (half of one is no text).
                    stem = stem.Substring(0, stem.Length - (char.IsLowSurrogate(stem[stem.Length - 1]) && stem.Length > 1 ? 2 : 1));
                }
                safe = stem + extension;
            }
            return safe.Length == 0 ? "media" : safe;
        }

        /// <summary><see cref="Write"/>, a file that cannot be written being the end of the command (LinkedInExportWriteFailed).</summary>
        private void WriteOrStop(string file, bool json, IEnumerable<IReadOnlyDictionary<string, string>> rows)
        {
            try
            {
                Write(file, json, rows);
            }
            catch (IOException exception)
            {
                ThrowTerminatingError(new ErrorRecord(exception, ErrorIds.ExportWriteFailed, ErrorCategory.WriteError, file));
            }
            catch (UnauthorizedAccessException exception)
            {
                // A folder it may not write to, or (on Windows) a read-only file to replace: the same error, with the system's reason.
                ThrowTerminatingError(new ErrorRecord(exception, ErrorIds.ExportWriteFailed, ErrorCategory.PermissionDenied, file));
            }
        }

        private static void Write(string file, bool json, IEnumerable<IReadOnlyDictionary<string, string>> rows)
        {
            var temporary = file + ".tmp-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    if (json)
                    {
                        // Relaxed escaping: the file is read by people and by ConvertFrom-Json, never put in a web page, so '+' in a
                        // time, quotes and non-ASCII text stay as they are (the default encoder wrote 09:30:00\u002B01:00).
                        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                        {
                            writer.WriteStartArray();
                            foreach (var row in rows)
                            {
                                writer.WriteStartObject();
                                foreach (var name in ScheduledPostColumns.Names)
                                {
                                    writer.WriteString(name, row.TryGetValue(name, out var value) ? value : string.Empty);
                                }
                                writer.WriteEndObject();
                            }
                            writer.WriteEndArray();
                        }
                    }
                    else
                    {
                        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
                        {
                            ScheduledPostColumns.WriteCsv(writer, rows);
                        }
                    }
                }
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
                File.Move(temporary, file);
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
