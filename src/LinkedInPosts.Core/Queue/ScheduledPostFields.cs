using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// A scheduled post as the columns of one CSV row (or one command line) give it: plain texts and lists,
    /// every one optional. The draft is <see cref="PostDraftBuilder"/>'s, the same code New-LinkedInPost
    /// builds its posts with: the kind of post is decided from what is filled in (a poll, an article, a
    /// reshare, one media file, or several images) instead of PowerShell's parameter-set choice, and rows
    /// whose filled-in columns belong to different kinds are refused. This class adds what only cells
    /// need: lists in one cell and yes/no flags. Errors are <see cref="LinkedInValidationException"/>s
    /// whose field names the column at fault.
    /// </summary>
    public sealed class ScheduledPostFields : PostFields
    {
        /// <summary>What separates several values in one cell: <c>a.jpg;b.jpg</c>.</summary>
        public const char ListSeparator = ';';

        /// <summary>
        /// The draft these fields describe, for <paramref name="author"/> (<see cref="PostDraftBuilder.Build"/>).
        /// Checks what the columns themselves decide (kind, visibility, duration, alt-text counts, URLs and
        /// URNs); the post's rules (lengths, files, kinds of media) are <see cref="ScheduledPostBuilder.Build"/>'s.
        /// </summary>
        /// <exception cref="LinkedInValidationException">The field names the column at fault.</exception>
        public PostDraft ToDraft(LinkedInUrn author) => PostDraftBuilder.Build(this, author);

        /// <summary>The kind of post the filled-in columns make: Text, Media, MultiImage, Article, Poll or Reshare.</summary>
        /// <exception cref="LinkedInValidationException">Columns of two kinds are filled in (field <see cref="PostDraftBuilder.KindField"/>).</exception>
        public string Kind() => PostDraftBuilder.KindOf(this).ToString();

        /// <summary>
        /// A yes/no cell: empty, false, no, 0 and off are false; true, yes, 1 and on are true. (PowerShell
        /// would take any non-empty text, even 'False', as true.)
        /// </summary>
        /// <exception cref="LinkedInValidationException">Anything else (field <paramref name="field"/>).</exception>
        public static bool ParseFlag(string? value, string field)
        {
            if (!Has(value))
            {
                return false;
            }
            switch (value!.Trim().ToLowerInvariant())
            {
                case "true":
                case "yes":
                case "1":
                case "on":
                case "$true":
                    return true;
                case "false":
                case "no":
                case "0":
                case "off":
                case "$false":
                    return false;
                default:
                    throw new LinkedInValidationException(field, $"{field} '{value}' is not yes or no. Use True or False (or leave it empty for False).");
            }
        }

        /// <summary>
        /// The values of a cell holding a list (<c>a.jpg;b.jpg</c>), trimmed, empty ones kept in place unless
        /// <paramref name="dropEmpty"/>. A value in double quotes may hold ';' (<c>"Revenue; 2024";Costs</c>); see <see cref="ListCell"/>.
        /// </summary>
        public static IReadOnlyList<string> SplitList(string? cell, bool dropEmpty = true) => ListCell.Split(cell, ListSeparator, dropEmpty);

        /// <summary>Joins values into one cell (the reverse of <see cref="SplitList"/>: a value holding ';' is quoted).</summary>
        public static string JoinList(IEnumerable<string?> values) => ListCell.Join(values, ListSeparator);

        private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);
    }
}
