using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// A queued post as the columns Register-LinkedInScheduledPost reads back: the export format. Every
    /// value is text (as Import-Csv gives it); lists are joined with <see cref="ScheduledPostFields.ListSeparator"/>;
    /// the time is written with its offset on the post's own zone clock, so it means the same instant on any
    /// machine, and the zone goes in TimeZone. Media files are written by the caller (see
    /// <see cref="From"/>'s <c>mediaCell</c>); media on LinkedIn are their URNs.
    /// </summary>
    public static class ScheduledPostColumns
    {

        /// <summary>
        /// How ScheduledAt is written: <c>2031-01-07 09:30:00+01:00</c>. A space, not ISO's T, so PowerShell 7's
        /// ConvertFrom-Json keeps it as text instead of turning it into a DateTime in this machine's zone.
        /// </summary>
        public const string TimeFormat = "yyyy-MM-dd HH:mm:sszzz";

        /// <summary>
        /// <see cref="TimeFormat"/> with the milliseconds, for a time that has them (the queue keeps times to the
        /// millisecond, e.g. one registered from <c>(Get-Date).AddDays(1)</c>): a re-import gives the same time.
        /// </summary>
        public const string TimeFormatWithMilliseconds = "yyyy-MM-dd HH:mm:ss.fffzzz";

        /// <summary>The columns, in the order they are written.</summary>
        public static readonly IReadOnlyList<string> Names = new[]
        {
            "Key", "ScheduledAt", "TimeZone", "Connection", "Author", "Text", "Media", "AltText", "Title",
            "ArticleUrl", "ArticleTitle", "ArticleDescription", "ArticleThumbnail", "Poll", "PollOption", "PollDuration",
            "Reshare", "Visibility", "DisableReshare", "Raw", "FirstComment", "State",
        };

        /// <summary>
        /// The columns of <paramref name="post"/>. <paramref name="mediaCell"/> gives the cell text for a
        /// stored copy (for example the relative path of the file the caller copied it to).
        /// <para><paramref name="mayBePostedSince"/>: when a run's create call for it since its last re-arm may have reached
        /// LinkedIn (<see cref="QueueAttempt.FirstCallThatMayHaveLanded(System.Collections.Generic.IReadOnlyList{QueueAttempt}, int)"/>). Such a post still to be sent (Pending, Held)
        /// is written Unconfirmed, which Register skips: registered elsewhere without its attempts, it would be sent as a
        /// first send, past the runner's rules for such a call, and could go out twice.</para>
        /// </summary>
        /// <exception cref="Errors.LinkedInQueueException">The stored content cannot be read.</exception>
        public static IReadOnlyDictionary<string, string> From(ScheduledPost post, Func<MediaReference, string> mediaCell, DateTimeOffset? mayBePostedSince = null)
        {
            if (post == null)
            {
                throw new ArgumentNullException(nameof(post));
            }
            if (mediaCell == null)
            {
                throw new ArgumentNullException(nameof(mediaCell));
            }
            var queued = QueuePayload.Read(post.PayloadJson);
            var draft = queued.Draft;
            var row = Names.ToDictionary(n => n, _ => string.Empty, StringComparer.Ordinal);
            string Cell(MediaReference reference) => reference.StoredSha256 != null ? mediaCell(reference) : reference.Urn?.ToString() ?? string.Empty;

            row["Key"] = post.Key;
            var scheduledAt = ScheduledPostTimes.InZone(post.ScheduledAtUtc, post.TimeZoneId);
            row["ScheduledAt"] = scheduledAt.ToString(scheduledAt.Millisecond == 0 ? TimeFormat : TimeFormatWithMilliseconds, CultureInfo.InvariantCulture);
            row["TimeZone"] = post.TimeZoneId;
            row["Connection"] = post.Connection;
            row["Author"] = post.Author;
            row["Text"] = draft.Commentary;
            row["Visibility"] = draft.Visibility.ToString();
            row["DisableReshare"] = draft.IsReshareDisabledByAuthor ? "True" : "False";
            row["Raw"] = draft.Format == CommentaryFormat.Raw ? "True" : "False";
            row["FirstComment"] = queued.FirstComment ?? string.Empty;
            row["State"] = (mayBePostedSince != null && post.State.IsWaiting() ? QueueState.Unconfirmed : post.State).ToString();
            switch (draft.Content)
            {
                case MediaContent media:
                    // As a list of one: quoted where a ';' or spaces around it would change it when read back.
                    row["Media"] = ScheduledPostFields.JoinList(new[] { Cell(media.Media) });
                    row["AltText"] = OneValue(media.AltText);
                    row["Title"] = media.Title ?? string.Empty;
                    break;
                case MultiImageContent images:
                    row["Media"] = ScheduledPostFields.JoinList(images.Images.Select(i => Cell(i.Image)));
                    row["AltText"] = images.Images.Any(i => !string.IsNullOrEmpty(i.AltText)) ? ScheduledPostFields.JoinList(images.Images.Select(i => i.AltText)) : string.Empty;
                    break;
                case ArticleContent article:
                    row["ArticleUrl"] = article.Source.ToString();
                    row["ArticleTitle"] = article.Title;
                    row["ArticleDescription"] = article.Description ?? string.Empty;
                    row["ArticleThumbnail"] = article.Thumbnail == null ? string.Empty : Cell(article.Thumbnail);
                    row["AltText"] = OneValue(article.ThumbnailAltText);
                    break;
                case PollContent poll:
                    row["Poll"] = poll.Question;
                    row["PollOption"] = ScheduledPostFields.JoinList(poll.Options);
                    row["PollDuration"] = poll.Duration.ToString();
                    break;
                case ReshareContent reshare:
                    row["Reshare"] = reshare.Parent.ToString();
                    break;
            }
            return row;
        }

        /// <summary>A single alt text as its list cell: quoted when it holds ';', which would otherwise read back as two.</summary>
        private static string OneValue(string? text) => string.IsNullOrEmpty(text) ? string.Empty : ScheduledPostFields.JoinList(new[] { text });

        /// <summary>Writes rows as CSV (RFC 4180: every field quoted, quotes doubled, CRLF), the header first, as Export-Csv does.</summary>
        public static void WriteCsv(TextWriter writer, IEnumerable<IReadOnlyDictionary<string, string>> rows)
        {
            if (writer == null)
            {
                throw new ArgumentNullException(nameof(writer));
            }
            writer.Write(string.Join(",", Names.Select(Quote)));
            writer.Write("\r\n");
            foreach (var row in rows)
            {
                writer.Write(string.Join(",", Names.Select(n => Quote(row.TryGetValue(n, out var v) ? v : string.Empty))));
                writer.Write("\r\n");
            }
        }

        private static string Quote(string value) => "\"" + (value ?? string.Empty).Replace("\"", "\"\"") + "\"";
    }

    /// <summary>Times of queued posts on their own zone's clock.</summary>
    public static class ScheduledPostTimes
    {
        /// <summary>
        /// <paramref name="utc"/> on the clock of <paramref name="timeZoneId"/> (Windows or IANA id); UTC when the
        /// zone is not known on this machine.
        /// </summary>
        public static DateTimeOffset InZone(DateTimeOffset utc, string? timeZoneId)
        {
            if (string.IsNullOrWhiteSpace(timeZoneId))
            {
                return utc.ToUniversalTime();
            }
            try
            {
                var zone = ScheduleTimeZones.Find(timeZoneId, out _);
                return TimeZoneInfo.ConvertTime(utc, zone);
            }
            catch (Errors.LinkedInValidationException)
            {
                return utc.ToUniversalTime();
            }
        }
    }
}
