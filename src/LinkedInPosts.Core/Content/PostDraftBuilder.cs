using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Content
{
    /// <summary>
    /// The one place that turns the user's <see cref="PostFields"/> into a <see cref="PostDraft"/>, for
    /// New-LinkedInPost and Register-LinkedInScheduledPost alike: there is no second copy of these rules to
    /// drift from this one. It checks what the fields themselves decide (the kind, visibility, poll
    /// duration, alt-text counts, the article link, the reshared URN); the content types check their own
    /// counts and lengths, and the post's rules over files and text are checked later (when the post is
    /// prepared). Errors are <see cref="LinkedInValidationException"/>s; they name fields by the names both
    /// cmdlets use for them (parameter and CSV column alike), so both give the same message.
    /// </summary>
    public static class PostDraftBuilder
    {
        /// <summary>The field of errors about fields of two kinds of post (ErrorId <c>LinkedInInvalidPostKind</c>).</summary>
        public const string KindField = "PostKind";

        /// <summary>The field of an unknown visibility (ErrorId <c>LinkedInInvalidVisibility</c>).</summary>
        public const string VisibilityField = "Visibility";

        /// <summary>The field of an unknown poll duration (ErrorId <c>LinkedInInvalidPollDuration</c>).</summary>
        public const string PollDurationField = "PollDuration";

        /// <summary>The field of alt-text errors (ErrorId <c>LinkedInInvalidAltText</c>).</summary>
        public const string AltTextField = "AltText";

        /// <summary>The draft <paramref name="fields"/> describe, posted by <paramref name="author"/>.</summary>
        /// <exception cref="LinkedInValidationException">The field names what is wrong.</exception>
        public static PostDraft Build(PostFields fields, LinkedInUrn author)
        {
            if (fields == null)
            {
                throw new ArgumentNullException(nameof(fields));
            }
            if (author == null)
            {
                throw new ArgumentNullException(nameof(author));
            }
            return new PostDraft(author, fields.Text ?? string.Empty)
            {
                Format = fields.Raw ? CommentaryFormat.Raw : CommentaryFormat.Text,
                Visibility = ParseVisibility(fields.Visibility),
                IsReshareDisabledByAuthor = fields.DisableReshare,
                Content = BuildContent(fields),
            };
        }

        /// <summary>
        /// The kind of post: the one chosen (<see cref="PostFields.ChosenKind"/>), else the one the filled-in
        /// fields make (one media is Media, several are MultiImage; none is Text).
        /// </summary>
        /// <exception cref="LinkedInValidationException">Fields of two kinds are filled in (field <see cref="KindField"/>).</exception>
        public static PostKind KindOf(PostFields fields)
        {
            if (fields == null)
            {
                throw new ArgumentNullException(nameof(fields));
            }
            var kinds = new List<PostKind>();
            if (Has(fields.Poll) || fields.PollOption.Any(Has))
            {
                kinds.Add(PostKind.Poll);
            }
            if (Has(fields.ArticleUrl) || Has(fields.ArticleTitle) || Has(fields.ArticleDescription) || fields.ArticleThumbnail != null)
            {
                kinds.Add(PostKind.Article);
            }
            if (Has(fields.Reshare))
            {
                kinds.Add(PostKind.Reshare);
            }
            if (fields.Media.Count > 0)
            {
                kinds.Add(fields.Media.Count == 1 ? PostKind.Media : PostKind.MultiImage);
            }
            if (kinds.Count > 1)
            {
                // A picture beside a link is nearly always meant for the link's card, and leaving one kind empty would drop it.
                var cardPicture = kinds.Count == 2 && kinds.Contains(PostKind.Article) && kinds.Contains(PostKind.Media)
                    ? " If the file is the picture for the link's card, give it as ArticleThumbnail instead: a link post shows one picture, on its card."
                    : string.Empty;
                throw new LinkedInValidationException(KindField,
                    $"The row fills in columns of {kinds.Count} kinds of post ({string.Join(" and ", kinds.Select(Columns))}); a post is one kind. " +
                    "Leave the columns of all but one kind empty, or make one row per post." + cardPicture);
            }
            return fields.ChosenKind ?? (kinds.Count == 0 ? PostKind.Text : kinds[0]);
        }

        private static string Columns(PostKind kind) => kind switch
        {
            PostKind.Poll => "Poll/PollOption",
            PostKind.Article => "ArticleUrl/ArticleTitle",
            PostKind.Reshare => "Reshare",
            _ => "Media",
        };

        private static PostContent? BuildContent(PostFields fields)
        {
            switch (KindOf(fields))
            {
                case PostKind.Poll:
                    if (!Has(fields.Poll))
                    {
                        throw new LinkedInValidationException(PollContent.Field, "PollOption is filled in but Poll is empty: give the poll's question, or leave PollOption empty.");
                    }
                    return new PollContent(fields.Poll!, fields.PollOption, ParsePollDuration(fields.PollDuration));
                case PostKind.Article:
                    return BuildArticle(fields);
                case PostKind.Reshare:
                    return BuildReshare(fields.Reshare);
                case PostKind.Media:
                    return BuildMedia(fields);
                case PostKind.MultiImage:
                    return new MultiImageContent(ImageItems(fields));
                default:
                    if (fields.AltText.Any(Has))
                    {
                        throw new LinkedInValidationException(AltTextField, "AltText is filled in but the post has no picture: give the Media, or leave AltText empty.");
                    }
                    return null;
            }
        }

        private static PostContent BuildMedia(PostFields fields)
        {
            if (fields.Media.Count != 1)
            {
                throw new LinkedInValidationException(MediaFile.Field, $"A media post takes one image, video or document; {fields.Media.Count} were given.");
            }
            var media = fields.Media[0];
            var own = OwnOf(fields, media);
            return new MediaContent(media, NullIfBlank(fields.Title) ?? own?.Title, SingleAltText(fields, "Media") ?? own?.AltText);
        }

        private static PostContent BuildReshare(string? reshare)
        {
            if (!Has(reshare) || !LinkedInUrn.TryParse(reshare!.Trim(), out var parent) || !parent!.IsPost)
            {
                throw new LinkedInValidationException(ReshareContent.Field,
                    $"'{reshare}' is not a post URN. Give the URN of the post to reshare (urn:li:share:… or urn:li:ugcPost:…), for example from Get-LinkedInPost.");
            }
            return new ReshareContent(parent);
        }

        /// <summary>An article link as the user wrote it, when it is an absolute http or https address.</summary>
        public static bool TryParseWebAddress(string? text, out Uri? url)
        {
            url = null;
            return !string.IsNullOrWhiteSpace(text) && Uri.TryCreate(text!.Trim(), UriKind.Absolute, out url) &&
                (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
        }

        private static PostContent BuildArticle(PostFields fields)
        {
            var title = Has(fields.ArticleTitle) ? fields.ArticleTitle : fields.Title;
            if (!Has(fields.ArticleUrl))
            {
                throw new LinkedInValidationException(ArticleContent.Field, "ArticleTitle or ArticleDescription is filled in but ArticleUrl is empty: give the article's address (https://…).", ArticleContent.UrlInput);
            }
            if (!TryParseWebAddress(fields.ArticleUrl, out var url))
            {
                throw new LinkedInValidationException(ArticleContent.Field, $"ArticleUrl '{fields.ArticleUrl}' is not an absolute http or https address. Give the full address, e.g. https://example.com/post.", ArticleContent.UrlInput);
            }
            if (!Has(title))
            {
                throw new LinkedInValidationException(ArticleContent.Field, "The article has no title: give ArticleTitle, the title the card shows.", ArticleContent.TitleInput);
            }
            // Checked here too (ArticleContent checks it again) so that a bad title taken from Title names that column.
            PlainTextRules.Check(title, ArticleContent.Field, "The article's title", input: Has(fields.ArticleTitle) ? ArticleContent.TitleInput : nameof(PostFields.Title));
            var thumbnail = fields.ArticleThumbnail;
            // Given without a thumbnail, the alt text reaches ArticleContent, which refuses it rather than drop it.
            var altText = SingleAltText(fields, "ArticleThumbnail") ?? (thumbnail == null ? null : OwnOf(fields, thumbnail)?.AltText);
            return new ArticleContent(url!, title!, NullIfBlank(fields.ArticleDescription), thumbnail, altText);
        }

        private static IEnumerable<MultiImageItem> ImageItems(PostFields fields)
        {
            var altTexts = fields.AltText;
            var images = fields.Media;
            if (altTexts.Count > 0 && altTexts.Count != images.Count)
            {
                throw new LinkedInValidationException(AltTextField,
                    $"AltText gives {altTexts.Count} text{(altTexts.Count == 1 ? string.Empty : "s")} for {images.Count} images. Give one per image, in the order of the images " +
                    "(-AltText a, b on the command line; a;b in one CSV cell, where \"a; b\" is one text that holds ';'); an empty one keeps the image's own alt text from Add-LinkedInMedia, if any.");
            }
            return images.Select((image, i) => new MultiImageItem(image, (i < altTexts.Count ? NullIfBlank(altTexts[i]) : null) ?? OwnOf(fields, image)?.AltText));
        }

        private static string? SingleAltText(PostFields fields, string forField)
        {
            if (fields.AltText.Count > 1)
            {
                throw new LinkedInValidationException(AltTextField,
                    $"{forField} is one picture, but AltText gives {fields.AltText.Count} texts. Give one alt text (several only go with several images); " +
                    "in a CSV cell, one that holds ';' goes in double quotes: \"Revenue; 2024\".");
            }
            return fields.AltText.Count == 1 ? NullIfBlank(fields.AltText[0]) : null;
        }

        /// <summary>The Add-LinkedInMedia object <paramref name="reference"/> came from, for its own alt text and title.</summary>
        private static UploadedMedia? OwnOf(PostFields fields, MediaReference reference) =>
            reference.Urn == null ? null : fields.Uploaded.FirstOrDefault(u => u.Urn.Equals(reference.Urn));

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
                return PollDuration.SevenDays;
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
                    return PollDuration.OneDay;
                case "3":
                    return PollDuration.ThreeDays;
                case "7":
                    return PollDuration.SevenDays;
                case "14":
                    return PollDuration.FourteenDays;
            }
            throw new LinkedInValidationException(PollDurationField, $"PollDuration '{value}' is not one LinkedIn offers. Use OneDay, ThreeDays, SevenDays or FourteenDays (or 1, 3, 7, 14).");
        }

        private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);

        private static string? NullIfBlank(string? value) => Has(value) ? value : null;
    }
}
