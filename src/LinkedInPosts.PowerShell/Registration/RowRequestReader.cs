using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Cmdlets;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Media;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>
    /// Turns what Register-LinkedInScheduledPost bound for one row into a checked <see cref="RowRequest"/>:
    /// the time (ScheduledAt, or Date and Time), the media resolved against -BasePath, the cells no
    /// parameter binds (Path, DisableReshare, Raw), and the draft, built by <see cref="PostDraftBuilder"/>
    /// as New-LinkedInPost's is. Blank cells are left-out values, as Import-Csv gives every column.
    /// </summary>
    internal sealed class RowRequestReader
    {
        private readonly RegisterLinkedInScheduledPostCommand _command;
        private readonly string? _basePath;
        private readonly HashSet<string> _boundOnCommandLine;

        /// <param name="command">The cmdlet, whose parameters hold the row being read.</param>
        /// <param name="basePath">The folder relative media paths are under (-BasePath), or null for the current location.</param>
        /// <param name="boundOnCommandLine">
        /// The list parameters given on the command line (set before the first row): taken as given, one value per
        /// element as New-LinkedInPost takes them, so <c>-AltText 'Revenue; 2024'</c> is one alt text. A row's cell (one
        /// string for the whole list, bound by name or by a delay-bind script block) is split at ';'.
        /// </param>
        public RowRequestReader(RegisterLinkedInScheduledPostCommand command, string? basePath, IEnumerable<string> boundOnCommandLine)
        {
            _command = command;
            _basePath = basePath;
            _boundOnCommandLine = new HashSet<string>(boundOnCommandLine, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>
        /// The request for <paramref name="row"/>, posted by <paramref name="author"/> with <paramref name="connection"/>,
        /// checked by every rule that needs no queue (the past is checked once the key is known).
        /// </summary>
        /// <exception cref="LinkedInException">The row is not a valid post; the field names the column.</exception>
        /// <exception cref="MediaPathException">A media path names no file.</exception>
        public RowRequest Read(RegistrationRow row, LinkedInUrn author, string connection)
        {
            var time = ResolveTime(row);
            var fields = Fields(row);
            var draft = fields.ToDraft(author);
            var key = string.IsNullOrWhiteSpace(_command.Key) ? null : _command.Key!.Trim();
            var request = new ScheduleRequest(draft, connection, time.Utc, time.TimeZoneId)
            {
                // A blank cell is no comment, as in every other column (Import-Csv gives every row every column).
                FirstComment = string.IsNullOrWhiteSpace(_command.FirstComment) ? null : _command.FirstComment,
                Key = key,
            };
            ScheduledPostCheck.Validate(request);
            return new RowRequest(request, time, fields.Kind());
        }

        private ScheduledPostFields Fields(RegistrationRow row)
        {
            var uploaded = new List<UploadedMedia>();
            return new ScheduledPostFields
            {
                // A string piped in (not a row) is the text, as for New-LinkedInPost.
                Text = _command.Text ?? (_command.InputObject?.BaseObject as string),
                Media = ResolveMedia(row, uploaded),
                AltText = List(_command.AltText, keepEmpty: true, split: !_boundOnCommandLine.Contains(nameof(_command.AltText))),
                Title = _command.Title,
                ArticleUrl = _command.ArticleUrl,
                ArticleTitle = _command.ArticleTitle,
                ArticleDescription = _command.ArticleDescription,
                ArticleThumbnail = ResolveThumbnail(row, uploaded),
                Uploaded = uploaded,
                Poll = _command.Poll,
                PollOption = List(_command.PollOption, keepEmpty: false, split: !_boundOnCommandLine.Contains(nameof(_command.PollOption))),
                PollDuration = _command.PollDuration,
                Reshare = _command.Reshare,
                Visibility = _command.Visibility,
                DisableReshare = _command.DisableReshare.IsPresent || ScheduledPostFields.ParseFlag(row.Cell("DisableReshare"), "DisableReshare"),
                Raw = _command.Raw.IsPresent || ScheduledPostFields.ParseFlag(row.Cell("Raw"), "Raw"),
            };
        }

        private ScheduleTime ResolveTime(RegistrationRow row)
        {
            var now = ModuleClock.Current.GetUtcNow();
            var zone = string.IsNullOrWhiteSpace(_command.TimeZone) ? null : _command.TimeZone!.Trim();
            var at = Unwrap(_command.ScheduledAt);
            if (!IsEmpty(at))
            {
                // The past is checked once the key is known: a post already queued is no error.
                return ScheduleTime.Resolve(at!, zone, now, allowPast: true);
            }
            var date = Unwrap(_command.Date);
            var time = Unwrap(_command.Time);
            if (!IsEmpty(date) || !IsEmpty(time))
            {
                row.TimeColumns = true;
                return ScheduleTime.ResolveDateAndTime(IsEmpty(date) ? null! : date!, IsEmpty(time) ? null! : time!, zone, now, allowPast: true);
            }
            throw new LinkedInValidationException(ScheduleTime.DefaultField,
                "The post has no time: give ScheduledAt (or When, PublishAt), or Date and Time, e.g. 2026-12-24 09:30.");
        }

        private IReadOnlyList<MediaReference> ResolveMedia(RegistrationRow row, List<UploadedMedia> uploaded)
        {
            var inputs = (_command.Media ?? Array.Empty<MediaInput>()).Where(m => m != null).ToList();
            if (inputs.All(IsEmptyInput))
            {
                // A Path column cannot bind to -Media by name (-Path is the queue file), so it is read here.
                var path = row.Cell("Path");
                inputs = string.IsNullOrWhiteSpace(path) ? new List<MediaInput>() : new List<MediaInput> { new MediaInput(path!) };
                if (inputs.Count > 0)
                {
                    row.MediaColumn = "Path";
                }
                // A file or an Add-LinkedInMedia object piped in is the post's media, as for New-LinkedInPost (neither has a
                // property -Media binds by name, so it would otherwise be dropped without a word).
                else if (_command.InputObject?.BaseObject is FileInfo || _command.InputObject?.BaseObject is UploadedMedia)
                {
                    inputs.Add(MediaInput.From(_command.InputObject.BaseObject)!);
                }
            }
            var references = new List<MediaReference>();
            foreach (var input in inputs.Where(i => !IsEmptyInput(i)))
            {
                if (input.Uploaded != null)
                {
                    uploaded.Add(input.Uploaded);
                    references.AddRange(input.Resolve(_command.SessionState, nameof(_command.Media), single: false));
                    continue;
                }
                // One cell may hold several files or URNs (a.png;urn:li:image:B): split it first, then read each
                // part as a URN or a path. A cell that starts with a URN is not one URN (urn:li:image:A;b.png).
                // A FileInfo's path is taken as it is, and so is a value typed on the command line (a;b.png is one
                // file there, as for New-LinkedInPost; several are -Media a.png, b.png).
                var fromCell = !input.IsLiteralPath && !_boundOnCommandLine.Contains(nameof(_command.Media));
                var parts = fromCell ? ScheduledPostFields.SplitList(input.Urn ?? input.Path) : new[] { input.Urn ?? input.Path! };
                foreach (var part in parts)
                {
                    try
                    {
                        references.AddRange(ResolvePart(part, input.IsLiteralPath));
                    }
                    catch (MediaPathException missing) when (!fromCell && part.IndexOf(';') >= 0)
                    {
                        // Probably a row's cell passed on the command line (-Media $row.Media), which used to be split.
                        throw new MediaPathException(missing.Path, missing.Message +
                            " On the command line each -Media value is one file: give several as -Media a.png, b.png. A ';' list is read from a row's cell: " +
                            "pipe the row in ($row | Register-LinkedInScheduledPost), or split it yourself (-Media ($row.Media -split ';')).", missing);
                    }
                }
            }
            return references;
        }

        private IEnumerable<MediaReference> ResolvePart(string part, bool literal)
        {
            var one = new MediaInput(part);
            if (one.Urn != null)
            {
                return new[] { MediaReference.FromUrn(one.Urn) };
            }
            if (!literal)
            {
                part = PathCell.Unquoted(part);
            }
            var full = FromBase(part);
            if (!ReferenceEquals(full, part) && !File.Exists(full) && !Directory.Exists(full) && !WildcardPattern.ContainsWildcardCharacters(part))
            {
                throw new MediaPathException(part, $"The file '{part}' does not exist (looked for {full}, relative to -BasePath {_basePath}).");
            }
            return MediaPaths.Resolve(_command.SessionState, full, literal).Select(MediaReference.FromFile);
        }

        private MediaReference? ResolveThumbnail(RegistrationRow row, List<UploadedMedia> uploaded)
        {
            var input = _command.ArticleThumbnail;
            if (input == null || IsEmptyInput(input))
            {
                return null;
            }
            if (input.Path == null)
            {
                if (input.Uploaded != null)
                {
                    uploaded.Add(input.Uploaded);
                }
                return input.Resolve(_command.SessionState, nameof(_command.ArticleThumbnail), single: true)[0];
            }
            try
            {
                var path = input.IsLiteralPath ? input.Path.Trim() : PathCell.Unquoted(input.Path);
                return MediaReference.FromFile(MediaPaths.ResolveOne(_command.SessionState, FromBase(path), input.IsLiteralPath, nameof(_command.ArticleThumbnail)));
            }
            catch (MediaPathException)
            {
                row.MediaColumn = row.Column(nameof(_command.ArticleThumbnail));
                throw;
            }
        }

        /// <summary>A relative path under -BasePath; the same string back when there is none (callers test that).</summary>
        /// <exception cref="MediaPathException">The path holds a character no path can (<see cref="PathCell.Check"/>).</exception>
        private string FromBase(string path)
        {
            // Checked before Path's methods see it: on Windows PowerShell 5.1 (.NET Framework) they throw
            // ArgumentException for " < > |, which no caller catches, and the import would stop at this row.
            PathCell.Check(path);
            return _basePath != null && !Path.IsPathRooted(path) && !path.Contains(":") ? Path.Combine(_basePath, path) : path;
        }

        private static bool IsEmptyInput(MediaInput input) => input.Uploaded == null && input.Urn == null && string.IsNullOrWhiteSpace(input.Path);

        private static IReadOnlyList<string> List(string[]? values, bool keepEmpty, bool split)
        {
            if (values == null || values.Length == 0)
            {
                return Array.Empty<string>();
            }
            // An empty value of several given on the command line (-AltText one, '') keeps its place, as an
            // empty part of one cell (one;) does; one empty cell is still no value at all.
            IEnumerable<string> Items(string value)
            {
                if (keepEmpty && string.IsNullOrWhiteSpace(value))
                {
                    return new[] { string.Empty };
                }
                if (split)
                {
                    return ScheduledPostFields.SplitList(value, dropEmpty: !keepEmpty);
                }
                return string.IsNullOrWhiteSpace(value) ? Array.Empty<string>() : new[] { value };
            }
            var items = values.SelectMany(Items).ToList();
            return items.All(string.IsNullOrWhiteSpace) ? Array.Empty<string>() : items;
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static bool IsEmpty(object? value) => value == null || (value is string text && string.IsNullOrWhiteSpace(text));
    }
}
