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
    /// every one optional. <see cref="ToDraft"/> decides the kind of post from what is filled in (a poll, an
    /// article, a reshare, one media file, or several images) instead of leaving that to PowerShell's
    /// parameter-set choice, and refuses rows whose filled-in columns belong to different kinds. Media are
    /// already resolved (files to full paths, URNs parsed) by the caller, which knows where relative paths
    /// start. Errors are <see cref="LinkedInValidationException"/>s whose field names the column at fault.
    /// </summary>
    public sealed class ScheduledPostFields
    {
        /// <summary>The field of errors about a row mixing kinds of post (ErrorId <c>LinkedInInvalidPostKind</c>).</summary>
        public const string KindField = "PostKind";

        /// <summary>The field of an unknown visibility (ErrorId <c>LinkedInInvalidVisibility</c>).</summary>
        public const string VisibilityField = "Visibility";

        /// <summary>The field of an unknown poll duration (ErrorId <c>LinkedInInvalidPollDuration</c>).</summary>
        public const string PollDurationField = "PollDuration";

        /// <summary>What separates several values in one cell: <c>a.jpg;b.jpg</c>.</summary>
        public const char ListSeparator = ';';

        /// <summary>The post's text (little text unless <see cref="Raw"/>).</summary>
        public string? Text { get; set; }

        /// <summary>The media, in order: one file or URN is a media post; several must all be images.</summary>
        public IReadOnlyList<MediaReference> Media { get; set; } = Array.Empty<MediaReference>();

        /// <summary>Alt texts: one for a single picture, or one per image (an empty one: none).</summary>
        public IReadOnlyList<string> AltText { get; set; } = Array.Empty<string>();

        /// <summary>A video's or document's title; an article's title when <see cref="ArticleTitle"/> is empty.</summary>
        public string? Title { get; set; }

        /// <summary>The article link (absolute http or https).</summary>
        public string? ArticleUrl { get; set; }

        /// <summary>The article card's title.</summary>
        public string? ArticleTitle { get; set; }

        /// <summary>The article card's description.</summary>
        public string? ArticleDescription { get; set; }

        /// <summary>The article card's picture.</summary>
        public MediaReference? ArticleThumbnail { get; set; }

        /// <summary>The poll's question.</summary>
        public string? Poll { get; set; }

        /// <summary>The poll's options.</summary>
        public IReadOnlyList<string> PollOption { get; set; } = Array.Empty<string>();

        /// <summary>OneDay, ThreeDays, SevenDays (default) or FourteenDays; also 1, 3, 7, 14.</summary>
        public string? PollDuration { get; set; }

        /// <summary>The URN of the post to reshare.</summary>
        public string? Reshare { get; set; }

        /// <summary>Public (default), Connections or LoggedIn.</summary>
        public string? Visibility { get; set; }

        /// <summary>Stop others from resharing.</summary>
        public bool DisableReshare { get; set; }

        /// <summary>Send the text as-is (already little text).</summary>
        public bool Raw { get; set; }

        /// <summary>
        /// The draft these fields describe, for <paramref name="author"/>. Checks only what the columns
        /// themselves decide (kind, visibility, duration, alt-text counts, URLs and URNs); the post's rules
        /// (lengths, files, kinds of media) are <see cref="ScheduledPostBuilder.Build"/>'s.
        /// </summary>
        /// <exception cref="LinkedInValidationException">The field names the column at fault.</exception>
        public PostDraft ToDraft(LinkedInUrn author)
        {
            if (author == null)
            {
                throw new ArgumentNullException(nameof(author));
            }
            return new PostDraft(author, Text ?? string.Empty)
            {
                Format = Raw ? CommentaryFormat.Raw : CommentaryFormat.Text,
                Visibility = ParseVisibility(Visibility),
                IsReshareDisabledByAuthor = DisableReshare,
                Content = BuildContent(),
            };
        }

        /// <summary>The kind of post the filled-in columns make: Text, Media, MultiImage, Article, Poll or Reshare.</summary>
        /// <exception cref="LinkedInValidationException">Columns of two kinds are filled in (field <see cref="KindField"/>).</exception>
        public string Kind()
        {
            var kinds = new List<string>();
            if (Has(Poll) || PollOption.Any(Has))
            {
                kinds.Add("Poll");
            }
            if (Has(ArticleUrl) || Has(ArticleTitle) || Has(ArticleDescription) || ArticleThumbnail != null)
            {
                kinds.Add("Article");
            }
            if (Has(Reshare))
            {
                kinds.Add("Reshare");
            }
            if (Media.Count > 0)
            {
                kinds.Add(Media.Count == 1 ? "Media" : "MultiImage");
            }
            if (kinds.Count > 1)
            {
                throw new LinkedInValidationException(KindField,
                    $"The row fills in columns of {kinds.Count} kinds of post ({string.Join(" and ", kinds.Select(Columns))}); a post is one kind. " +
                    "Leave the columns of all but one kind empty, or make one row per post.");
            }
            return kinds.Count == 0 ? "Text" : kinds[0];
        }

        private static string Columns(string kind) => kind switch
        {
            "Poll" => "Poll/PollOption",
            "Article" => "ArticleUrl/ArticleTitle",
            "Reshare" => "Reshare",
            _ => "Media",
        };

        private PostContent? BuildContent()
        {
            switch (Kind())
            {
                case "Poll":
                    if (!Has(Poll))
                    {
                        throw new LinkedInValidationException(PollContent.Field, "PollOption is filled in but Poll is empty: give the poll's question, or leave PollOption empty.");
                    }
                    return new PollContent(Poll!, PollOption.Where(Has).ToList(), ParsePollDuration(PollDuration));
                case "Article":
                    return BuildArticle();
                case "Reshare":
                    if (!LinkedInUrn.TryParse(Reshare!.Trim(), out var parent) || !parent!.IsPost)
                    {
                        throw new LinkedInValidationException(ReshareContent.Field,
                            $"'{Reshare}' is not a post URN. Give the URN of the post to reshare (urn:li:share:… or urn:li:ugcPost:…), for example from Get-LinkedInPost.");
                    }
                    return new ReshareContent(parent);
                case "Media":
                    return new MediaContent(Media[0], NullIfEmpty(Title), SingleAltText("Media"));
                case "MultiImage":
                    return new MultiImageContent(ImageItems());
                default:
                    if (AltText.Any(Has))
                    {
                        throw new LinkedInValidationException("AltText", "AltText is filled in but the post has no picture: give the Media, or leave AltText empty.");
                    }
                    return null;
            }
        }

        private PostContent BuildArticle()
        {
            var title = Has(ArticleTitle) ? ArticleTitle : Title;
            if (!Has(ArticleUrl))
            {
                throw new LinkedInValidationException(ArticleContent.Field, "ArticleTitle or ArticleDescription is filled in but ArticleUrl is empty: give the article's address (https://…).");
            }
            if (!Uri.TryCreate(ArticleUrl!.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new LinkedInValidationException(ArticleContent.Field, $"ArticleUrl '{ArticleUrl}' is not an absolute http or https address. Give the full address, e.g. https://example.com/post.");
            }
            if (!Has(title))
            {
                throw new LinkedInValidationException(ArticleContent.Field, "The article has no title: fill in ArticleTitle (or Title) with the title the card shows.");
            }
            return new ArticleContent(url, title!, NullIfEmpty(ArticleDescription), ArticleThumbnail, ArticleThumbnail == null ? null : SingleAltText("ArticleThumbnail"));
        }

        private IEnumerable<MultiImageItem> ImageItems()
        {
            if (AltText.Count > 0 && AltText.Count != Media.Count)
            {
                throw new LinkedInValidationException("AltText",
                    $"AltText gives {AltText.Count} text{(AltText.Count == 1 ? string.Empty : "s")} for {Media.Count} images. Give one per image, in the order of Media, separated by '{ListSeparator}' (an empty one: no alt text).");
            }
            return Media.Select((image, i) => new MultiImageItem(image, i < AltText.Count ? NullIfEmpty(AltText[i]) : null));
        }

        private string? SingleAltText(string forColumn)
        {
            var given = AltText.Where(Has).ToList();
            if (AltText.Count > 1)
            {
                throw new LinkedInValidationException("AltText",
                    $"{forColumn} is one picture, but AltText gives {AltText.Count} texts. Give one alt text (several only go with several images).");
            }
            return given.Count == 1 ? given[0] : null;
        }

        /// <summary>Public (also empty), Connections or LoggedIn, case-insensitive.</summary>
        /// <exception cref="LinkedInValidationException">Anything else (field <see cref="VisibilityField"/>).</exception>
        public static PostVisibility ParseVisibility(string? value)
        {
            if (!Has(value))
            {
                return PostVisibility.Public;
            }
            var text = value!.Trim();
            foreach (PostVisibility known in Enum.GetValues(typeof(PostVisibility)))
            {
                if (string.Equals(known.ToString(), text, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }
            throw new LinkedInValidationException(VisibilityField, $"Visibility '{value}' is not one LinkedIn knows. Use Public, Connections or LoggedIn (or leave it empty for Public).");
        }

        /// <summary>OneDay, ThreeDays, SevenDays (also empty), FourteenDays, or 1, 3, 7, 14.</summary>
        /// <exception cref="LinkedInValidationException">Anything else (field <see cref="PollDurationField"/>).</exception>
        public static PollDuration ParsePollDuration(string? value)
        {
            if (!Has(value))
            {
                return Content.PollDuration.SevenDays;
            }
            var text = value!.Trim();
            foreach (PollDuration known in Enum.GetValues(typeof(PollDuration)))
            {
                if (string.Equals(known.ToString(), text, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }
            switch (text)
            {
                case "1":
                    return Content.PollDuration.OneDay;
                case "3":
                    return Content.PollDuration.ThreeDays;
                case "7":
                    return Content.PollDuration.SevenDays;
                case "14":
                    return Content.PollDuration.FourteenDays;
            }
            throw new LinkedInValidationException(PollDurationField, $"PollDuration '{value}' is not one LinkedIn offers. Use OneDay, ThreeDays, SevenDays or FourteenDays (or 1, 3, 7, 14).");
        }

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

        /// <summary>The values of a cell holding a list (<c>a.jpg;b.jpg</c>), trimmed, empty ones kept in place unless <paramref name="dropEmpty"/>.</summary>
        public static IReadOnlyList<string> SplitList(string? cell, bool dropEmpty = true)
        {
            if (cell == null)
            {
                return Array.Empty<string>();
            }
            var parts = cell.Split(ListSeparator).Select(p => p.Trim());
            var list = (dropEmpty ? parts.Where(p => p.Length > 0) : parts).ToList();
            return list.Count == 1 && list[0].Length == 0 ? Array.Empty<string>() : list;
        }

        /// <summary>Joins values into one cell (the reverse of <see cref="SplitList"/>).</summary>
        public static string JoinList(IEnumerable<string?> values) =>
            string.Join(ListSeparator.ToString(CultureInfo.InvariantCulture), values.Select(v => v ?? string.Empty));

        private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);

        private static string? NullIfEmpty(string? value) => Has(value) ? value : null;
    }
}
