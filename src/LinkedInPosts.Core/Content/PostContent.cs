using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Content
{
    /// <summary>
    /// What a post shows besides its commentary. A post has at most one: <see cref="MediaContent"/>,
    /// <see cref="MultiImageContent"/>, <see cref="ArticleContent"/>, <see cref="PollContent"/> or
    /// <see cref="ReshareContent"/>. Each checks its own counts and lengths when it is created, so an
    /// impossible post fails before any file is uploaded or any call is made.
    /// </summary>
    public abstract class PostContent
    {
        private protected PostContent()
        {
        }

        /// <summary>The media this content points at, with the kind each place takes.</summary>
        internal virtual IEnumerable<MediaSlot> MediaSlots => Enumerable.Empty<MediaSlot>();

        /// <summary>A copy with every media reference passed through <paramref name="resolve"/> (files to their uploaded URNs).</summary>
        internal virtual PostContent Resolve(Func<MediaReference, MediaReference> resolve) => this;
    }

    /// <summary>One place in a post's content that holds media.</summary>
    internal sealed class MediaSlot
    {
        public MediaSlot(MediaReference reference, string field, string label, MediaKind? requiredKind, string? input = null)
        {
            Reference = reference;
            Field = field;
            Label = label;
            RequiredKind = requiredKind;
            Input = input;
        }

        public MediaReference Reference { get; }

        /// <summary>The validation field named when this place's media is wrong.</summary>
        public string Field { get; }

        /// <summary>How messages name the place, e.g. "image 3 of 5".</summary>
        public string Label { get; }

        /// <summary>
        /// The input (parameter, CSV column) that gives this place's media, where it is not the one media
        /// errors are taken to be about (-Media): <see cref="LinkedInValidationException.Input"/>.
        /// </summary>
        public string? Input { get; }

        /// <summary>The kind of media this place takes; null for any.</summary>
        public MediaKind? RequiredKind { get; }

        /// <summary>Throws when the media's kind (once known) is not what this place takes.</summary>
        public void CheckKind(MediaKind kind, string display)
        {
            if (RequiredKind.HasValue && kind != RequiredKind.Value)
            {
                throw new LinkedInValidationException(Field,
                    $"{Capitalized(Label)} ({display}) is {Article(kind)}, but it must be an image. Use a JPEG, PNG or GIF.");
            }
        }

        private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

        private static string Article(MediaKind kind) => kind == MediaKind.Image ? "an image" : "a " + kind.ToString().ToLowerInvariant();
    }

    /// <summary>One image, video or document (<c>content.media</c>).</summary>
    public sealed class MediaContent : PostContent
    {
        /// <summary>Creates the content; a document's title defaults to its file name.</summary>
        /// <exception cref="LinkedInValidationException">
        /// A title or alt text LinkedIn cannot show, or a document URN without a title (there is no file name to default to).
        /// </exception>
        public MediaContent(MediaReference media, string? title = null, string? altText = null)
        {
            Media = media ?? throw new ArgumentNullException(nameof(media));
            PlainTextRules.Check(title, "Title", "The media's title", required: false);
            PlainTextRules.Check(altText, "AltText", "The alternative text", required: false);
            if (media.Kind == MediaKind.Document && title == null && media.FileName == null)
            {
                throw new LinkedInValidationException("Title",
                    $"A document post needs a title, and {media.Display} comes with no file name to use as one. Give a title, e.g. 'Quarterly report'.");
            }
            Title = title;
            AltText = altText;
        }

        // As LinkedIn returned it: shown as is, not judged by today's rules.
        private MediaContent(MediaReference media, string? title, string? altText, bool fromLinkedIn)
        {
            Media = media;
            Title = title;
            AltText = altText;
        }

        internal static MediaContent FromLinkedIn(MediaReference media, string? title, string? altText) => new MediaContent(media, title, altText, fromLinkedIn: true);

        /// <summary>Uploaded media, with its own alt text and title unless others are given.</summary>
        public MediaContent(UploadedMedia media, string? title = null, string? altText = null)
            : this(MediaReference.FromUpload(media ?? throw new ArgumentNullException(nameof(media))), title ?? media.Title, altText ?? media.AltText)
        {
        }

        /// <summary>The image, video or document.</summary>
        public MediaReference Media { get; }

        /// <summary>The title given; see <see cref="TitleFor"/> for what is sent.</summary>
        public string? Title { get; }

        /// <summary>Alternative text for readers who cannot see the media.</summary>
        public string? AltText { get; }

        /// <summary>The title sent: the one given, else a document's file name.</summary>
        internal string? TitleFor(MediaKind? kind) => Title ?? (kind == MediaKind.Document ? Media.FileName : null);

        internal override IEnumerable<MediaSlot> MediaSlots => new[] { new MediaSlot(Media, MediaFile.Field, "the post's media", null) };

        internal override PostContent Resolve(Func<MediaReference, MediaReference> resolve) => new MediaContent(resolve(Media), Title, AltText);
    }

    /// <summary>One image of a multi-image post, with its alternative text.</summary>
    public sealed class MultiImageItem
    {
        /// <summary>Creates the item.</summary>
        public MultiImageItem(MediaReference image, string? altText = null)
        {
            Image = image ?? throw new ArgumentNullException(nameof(image));
            PlainTextRules.Check(altText, "AltText", "The alternative text of " + image.Display, required: false);
            AltText = altText;
        }

        private MultiImageItem(MediaReference image, string? altText, bool fromLinkedIn)
        {
            Image = image;
            AltText = altText;
        }

        internal static MultiImageItem FromLinkedIn(MediaReference image, string? altText) => new MultiImageItem(image, altText, fromLinkedIn: true);

        /// <summary>The image.</summary>
        public MediaReference Image { get; }

        /// <summary>Alternative text for readers who cannot see it.</summary>
        public string? AltText { get; }
    }

    /// <summary>2 to 20 images shown together (<c>content.multiImage</c>); organic posts only.</summary>
    public sealed class MultiImageContent : PostContent
    {
        /// <summary>Creates the content.</summary>
        /// <exception cref="LinkedInValidationException">Fewer than 2 or more than 20 images, or a URN that is not an image (field <c>Media</c>).</exception>
        public MultiImageContent(IEnumerable<MultiImageItem> images)
        {
            Images = (images ?? throw new ArgumentNullException(nameof(images))).ToList();
            if (Images.Any(i => i == null))
            {
                throw new ArgumentException("An image is null.", nameof(images));
            }
            var count = Images.Count;
            if (count < ContentLimits.MinMultiImages || count > ContentLimits.MaxMultiImages)
            {
                var advice = count < ContentLimits.MinMultiImages
                    ? (count == 1 ? " For one image, post it as single media." : string.Empty)
                    : " Split them over several posts.";
                throw new LinkedInValidationException(MediaFile.Field,
                    $"A multi-image post takes {ContentLimits.MinMultiImages} to {ContentLimits.MaxMultiImages} images; {count} {(count == 1 ? "was" : "were")} given.{advice}");
            }
            foreach (var slot in MediaSlots)
            {
                if (slot.Reference.Kind.HasValue)
                {
                    slot.CheckKind(slot.Reference.Kind.Value, slot.Reference.Display);
                }
            }
        }

        private MultiImageContent(List<MultiImageItem> images, bool fromLinkedIn)
        {
            Images = images;
        }

        internal static MultiImageContent FromLinkedIn(List<MultiImageItem> images) => new MultiImageContent(images, fromLinkedIn: true);

        /// <summary>The images, in the order they are shown.</summary>
        public IReadOnlyList<MultiImageItem> Images { get; }

        internal override IEnumerable<MediaSlot> MediaSlots =>
            Images.Select((item, i) => new MediaSlot(item.Image, MediaFile.Field, $"image {i + 1} of {Images.Count}", MediaKind.Image));

        internal override PostContent Resolve(Func<MediaReference, MediaReference> resolve) =>
            new MultiImageContent(Images.Select(i => new MultiImageItem(resolve(i.Image), i.AltText)));
    }

    /// <summary>
    /// A link shown as an article card (<c>content.article</c>). LinkedIn does not read the page, so the
    /// title (and a thumbnail, if any) must be given. Title and description are plain text, never escaped.
    /// </summary>
    public sealed class ArticleContent : PostContent
    {
        /// <summary>The validation field for the article's link, title and description.</summary>
        public const string Field = "Article";

        /// <summary>The input (parameter, CSV column) that gives the link: <see cref="LinkedInValidationException.Input"/>.</summary>
        public const string UrlInput = "ArticleUrl";

        /// <summary>The input that gives the title.</summary>
        public const string TitleInput = "ArticleTitle";

        /// <summary>The input that gives the description.</summary>
        public const string DescriptionInput = "ArticleDescription";

        /// <summary>The input that gives the thumbnail.</summary>
        public const string ThumbnailInput = "ArticleThumbnail";

        /// <summary>The input that gives the thumbnail's alternative text.</summary>
        public const string AltTextInput = "AltText";

        /// <summary>Creates the content.</summary>
        /// <exception cref="LinkedInValidationException">
        /// The link is not an absolute http(s) URL, the title is missing, text LinkedIn cannot show, a
        /// thumbnail that is not an image, or thumbnail alt text without a thumbnail.
        /// </exception>
        public ArticleContent(Uri source, string title, string? description = null, MediaReference? thumbnail = null, string? thumbnailAltText = null)
        {
            if (source == null || !source.IsAbsoluteUri || (source.Scheme != "http" && source.Scheme != "https"))
            {
                throw new LinkedInValidationException(Field, $"The article link '{source}' is not an absolute http or https URL. Give the full address, e.g. https://example.com/article.", UrlInput);
            }
            PlainTextRules.Check(title, Field, "The article's title", input: TitleInput);
            PlainTextRules.Check(description, Field, "The article's description", required: false, input: DescriptionInput);
            PlainTextRules.Check(thumbnailAltText, "Thumbnail", "The thumbnail's alternative text", required: false, input: AltTextInput);
            if (thumbnail == null && thumbnailAltText != null)
            {
                throw new LinkedInValidationException("Thumbnail", "The article has thumbnail alt text but no thumbnail. Give the thumbnail image too, or leave the alt text out.", AltTextInput);
            }
            if (thumbnail?.Kind is MediaKind kind)
            {
                new MediaSlot(thumbnail, "Thumbnail", "the article's thumbnail", MediaKind.Image).CheckKind(kind, thumbnail.Display);
            }
            Source = source;
            Title = title;
            Description = description;
            Thumbnail = thumbnail;
            ThumbnailAltText = thumbnailAltText;
        }

        private ArticleContent(Uri source, string title, string? description, MediaReference? thumbnail, string? thumbnailAltText, bool fromLinkedIn)
        {
            Source = source;
            Title = title;
            Description = description;
            Thumbnail = thumbnail;
            ThumbnailAltText = thumbnailAltText;
        }

        internal static ArticleContent FromLinkedIn(Uri source, string title, string? description, MediaReference? thumbnail, string? thumbnailAltText) =>
            new ArticleContent(source, title, description, thumbnail, thumbnailAltText, fromLinkedIn: true);

        /// <summary>The article's address.</summary>
        public Uri Source { get; }

        /// <summary>The title on the card.</summary>
        public string Title { get; }

        /// <summary>The description on the card, if any.</summary>
        public string? Description { get; }

        /// <summary>The thumbnail image, if any.</summary>
        public MediaReference? Thumbnail { get; }

        /// <summary>Alternative text for the thumbnail.</summary>
        public string? ThumbnailAltText { get; }

        internal override IEnumerable<MediaSlot> MediaSlots => Thumbnail == null
            ? Enumerable.Empty<MediaSlot>()
            : new[] { new MediaSlot(Thumbnail, "Thumbnail", "the article's thumbnail", MediaKind.Image, ThumbnailInput) };

        internal override PostContent Resolve(Func<MediaReference, MediaReference> resolve) =>
            new ArticleContent(Source, Title, Description, Thumbnail == null ? null : resolve(Thumbnail), ThumbnailAltText);
    }

    /// <summary>How long a poll stays open.</summary>
    public enum PollDuration
    {
        /// <summary>One day.</summary>
        OneDay,
        /// <summary>Three days.</summary>
        ThreeDays,
        /// <summary>One week (LinkedIn's own default).</summary>
        SevenDays,
        /// <summary>Two weeks.</summary>
        FourteenDays,
    }

    /// <summary>
    /// A poll (<c>content.poll</c>): a question and 2 to 4 options, single vote, voters visible to the
    /// author (the only settings LinkedIn supports). Question and options are plain text, never escaped.
    /// A poll cannot be changed once posted.
    /// </summary>
    public sealed class PollContent : PostContent
    {
        /// <summary>The validation field for every poll rule.</summary>
        public const string Field = "Poll";

        /// <summary>The input (parameter, CSV column) that gives the options: <see cref="LinkedInValidationException.Input"/>.</summary>
        public const string OptionInput = "PollOption";

        /// <summary>Creates the poll.</summary>
        /// <exception cref="LinkedInValidationException">
        /// The question is empty or over <see cref="ContentLimits.MaxPollQuestionLength"/>; fewer than 2 or
        /// more than 4 options; an option empty, over <see cref="ContentLimits.MaxPollOptionLength"/> or the same as another.
        /// </exception>
        public PollContent(string question, IEnumerable<string> options, PollDuration duration = PollDuration.SevenDays)
        {
            PlainTextRules.Check(question, Field, "The poll question", ContentLimits.MaxPollQuestionLength);
            Options = (options ?? throw new ArgumentNullException(nameof(options))).ToList();
            if (Options.Count < ContentLimits.MinPollOptions || Options.Count > ContentLimits.MaxPollOptions)
            {
                throw new LinkedInValidationException(Field,
                    $"A poll takes {ContentLimits.MinPollOptions} to {ContentLimits.MaxPollOptions} options; {Options.Count} {(Options.Count == 1 ? "was" : "were")} given.", OptionInput);
            }
            for (var i = 0; i < Options.Count; i++)
            {
                PlainTextRules.Check(Options[i], Field, $"Poll option {i + 1} ('{Options[i]}')", ContentLimits.MaxPollOptionLength, allowLineBreaks: false, input: OptionInput);
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(Options[i].Trim(), Options[j].Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        throw new LinkedInValidationException(Field, $"Poll options {j + 1} ('{Options[j]}') and {i + 1} ('{Options[i]}') are the same. Voters could not tell them apart; make each option different.", OptionInput);
                    }
                }
            }
            if (!Enum.IsDefined(typeof(PollDuration), duration))
            {
                throw new LinkedInValidationException(Field, $"'{duration}' is not a poll duration. Use OneDay, ThreeDays, SevenDays or FourteenDays.");
            }
            Question = question;
            Duration = duration;
        }

        private PollContent(string question, List<string> options, PollDuration duration, bool fromLinkedIn)
        {
            Question = question;
            Options = options;
            Duration = duration;
        }

        internal static PollContent FromLinkedIn(string question, List<string> options, PollDuration duration) => new PollContent(question, options, duration, fromLinkedIn: true);

        /// <summary>The question.</summary>
        public string Question { get; }

        /// <summary>The options, in order.</summary>
        public IReadOnlyList<string> Options { get; }

        /// <summary>How long the poll stays open.</summary>
        public PollDuration Duration { get; }
    }

    /// <summary>A reshare of another post (<c>reshareContext.parent</c>); the commentary may be empty.</summary>
    public sealed class ReshareContent : PostContent
    {
        /// <summary>The validation field for a reshare.</summary>
        public const string Field = "Reshare";

        /// <summary>Creates the reshare.</summary>
        /// <exception cref="LinkedInValidationException"><paramref name="parent"/> is not a post URN.</exception>
        public ReshareContent(LinkedInUrn parent)
        {
            if (parent == null)
            {
                throw new ArgumentNullException(nameof(parent));
            }
            if (!parent.IsPost)
            {
                throw new LinkedInValidationException(Field, $"'{parent}' is not a post, so it cannot be reshared. Give the post's URN (urn:li:share:… or urn:li:ugcPost:…).");
            }
            Parent = parent;
        }

        /// <summary>The post being reshared.</summary>
        public LinkedInUrn Parent { get; }
    }
}
