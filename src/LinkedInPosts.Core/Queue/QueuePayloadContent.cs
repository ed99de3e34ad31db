using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// The <c>"content"</c> object of a version 2 payload: one of media, multiImage, article, poll or
    /// reshare, named by <c>"kind"</c>. Media are <c>{"urn":…}</c> (uploaded before registration) or
    /// <c>{"sha256":…,"fileName":…,"kind":…}</c> (a copy in the queue's media folder). Our own format,
    /// not LinkedIn's: LinkedIn's body is built from the draft at send time, so a change in LinkedIn's
    /// JSON never needs a migration of the queue.
    /// </summary>
    internal static class QueuePayloadContent
    {
        public static void Write(Utf8JsonWriter writer, PostContent content)
        {
            writer.WriteStartObject("content");
            switch (content)
            {
                case MediaContent media:
                    writer.WriteString("kind", "media");
                    WriteMedia(writer, "media", media.Media);
                    WriteOptional(writer, "title", media.Title);
                    WriteOptional(writer, "altText", media.AltText);
                    break;
                case MultiImageContent multi:
                    writer.WriteString("kind", "multiImage");
                    writer.WriteStartArray("images");
                    foreach (var image in multi.Images)
                    {
                        writer.WriteStartObject();
                        WriteMedia(writer, "media", image.Image);
                        WriteOptional(writer, "altText", image.AltText);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                    break;
                case ArticleContent article:
                    writer.WriteString("kind", "article");
                    writer.WriteString("source", article.Source.AbsoluteUri);
                    writer.WriteString("title", article.Title);
                    WriteOptional(writer, "description", article.Description);
                    if (article.Thumbnail != null)
                    {
                        WriteMedia(writer, "thumbnail", article.Thumbnail);
                    }
                    WriteOptional(writer, "thumbnailAltText", article.ThumbnailAltText);
                    break;
                case PollContent poll:
                    writer.WriteString("kind", "poll");
                    writer.WriteString("question", poll.Question);
                    writer.WriteStartArray("options");
                    foreach (var option in poll.Options)
                    {
                        writer.WriteStringValue(option);
                    }
                    writer.WriteEndArray();
                    writer.WriteString("duration", poll.Duration.ToString());
                    break;
                case ReshareContent reshare:
                    writer.WriteString("kind", "reshare");
                    writer.WriteString("parent", reshare.Parent.ToString());
                    break;
                default:
                    throw new ArgumentException($"{content.GetType().Name} cannot be kept in the queue.", nameof(content));
            }
            writer.WriteEndObject();
        }

        /// <summary>The content an object describes; throws FormatException (or a validation error) when it is damaged.</summary>
        public static PostContent Read(JsonElement content)
        {
            var kind = RequiredString(content, "kind");
            switch (kind)
            {
                case "media":
                    return new MediaContent(ReadMedia(content, "media"), OptionalString(content, "title"), OptionalString(content, "altText"));
                case "multiImage":
                    var images = RequiredProperty(content, "images", JsonValueKind.Array).EnumerateArray()
                        .Select(i => new MultiImageItem(ReadMedia(i, "media"), OptionalString(i, "altText")))
                        .ToList();
                    return new MultiImageContent(images);
                case "article":
                    var thumbnail = content.TryGetProperty("thumbnail", out _) ? ReadMedia(content, "thumbnail") : null;
                    return new ArticleContent(new Uri(RequiredString(content, "source"), UriKind.Absolute), RequiredString(content, "title"),
                        OptionalString(content, "description"), thumbnail, OptionalString(content, "thumbnailAltText"));
                case "poll":
                    var options = RequiredProperty(content, "options", JsonValueKind.Array).EnumerateArray()
                        .Select(o => o.ValueKind == JsonValueKind.String ? o.GetString()! : throw new FormatException("A poll option is not text."))
                        .ToList();
                    var duration = (PollDuration)Enum.Parse(typeof(PollDuration), RequiredString(content, "duration"), ignoreCase: false);
                    return new PollContent(RequiredString(content, "question"), options, duration);
                case "reshare":
                    return new ReshareContent(LinkedInUrn.Parse(RequiredString(content, "parent")));
                default:
                    throw new FormatException($"The stored content's kind '{kind}' is not known.");
            }
        }

        /// <summary>The stored copies a content names, in order (what the queue's post_media rows must list).</summary>
        public static IReadOnlyList<string> StoredHashes(PostContent? content) =>
            content == null
                ? Array.Empty<string>()
                : content.MediaSlots.Select(s => s.Reference.StoredSha256).Where(h => h != null).Select(h => h!).ToList();

        private static void WriteMedia(Utf8JsonWriter writer, string name, MediaReference media)
        {
            writer.WriteStartObject(name);
            if (media.Urn != null)
            {
                writer.WriteString("urn", media.Urn.ToString());
            }
            else if (media.StoredSha256 != null)
            {
                writer.WriteString("sha256", media.StoredSha256);
                writer.WriteString("fileName", media.FileName);
                writer.WriteString("kind", media.Kind!.Value.ToString());
            }
            else
            {
                // A path on the registering machine would break when the file moves: registration copies files first.
                throw new ArgumentException($"{media.Display} is a local file; copy it into the queue's media folder before storing the post.", nameof(media));
            }
            writer.WriteEndObject();
        }

        private static MediaReference ReadMedia(JsonElement parent, string name)
        {
            var media = RequiredProperty(parent, name, JsonValueKind.Object);
            var urn = OptionalString(media, "urn");
            if (urn != null)
            {
                return MediaReference.FromUrn(urn);
            }
            var kind = (MediaKind)Enum.Parse(typeof(MediaKind), RequiredString(media, "kind"), ignoreCase: false);
            return MediaReference.FromStore(RequiredString(media, "sha256"), OptionalString(media, "fileName") ?? string.Empty, kind);
        }

        private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
        {
            if (value != null)
            {
                writer.WriteString(name, value);
            }
        }

        private static JsonElement RequiredProperty(JsonElement parent, string name, JsonValueKind kind)
        {
            if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == kind)
            {
                return value;
            }
            throw new FormatException("The stored content has no \"" + name + "\".");
        }

        internal static string RequiredString(JsonElement parent, string name) => RequiredProperty(parent, name, JsonValueKind.String).GetString()!;

        internal static string? OptionalString(JsonElement parent, string name) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
