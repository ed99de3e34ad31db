using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Api
{
    /// <summary>The Posts API's JSON: request bodies we write and post objects we read (linkedin-api.md 1.2, 1.3).</summary>
    internal static class PostJson
    {
        // The body goes to an API, not into HTML: keep non-ASCII text readable in -WhatIf output.
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>
        /// The create body. Media still to upload (a file reference) is written as <c>(upload: path)</c>,
        /// which only a preview ever shows; <paramref name="kindOf"/> gives the kind of inspected files.
        /// </summary>
        public static string CreateBody(PostDraft draft, string littleText, PostContent? content, Func<MediaReference, MediaKind?> kindOf) => Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("author", draft.Author.ToString());
            writer.WriteString("commentary", littleText);
            writer.WriteString("visibility", ToWire(draft.Visibility));
            writer.WriteStartObject("distribution");
            writer.WriteString("feedDistribution", draft.FeedDistribution == FeedDistribution.None ? "NONE" : "MAIN_FEED");
            writer.WriteStartArray("targetEntities");
            writer.WriteEndArray();
            writer.WriteStartArray("thirdPartyDistributionChannels");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteString("lifecycleState", "PUBLISHED");
            writer.WriteBoolean("isReshareDisabledByAuthor", draft.IsReshareDisabledByAuthor);
            WriteContent(writer, content, kindOf);
            writer.WriteEndObject();
        });

        public static string CommentBody(LinkedInUrn actor, LinkedInUrn post, string text) => Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("actor", actor.ToString());
            writer.WriteString("object", post.ToString());
            writer.WriteStartObject("message");
            writer.WriteString("text", text);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

        private static void WriteContent(Utf8JsonWriter writer, PostContent? content, Func<MediaReference, MediaKind?> kindOf)
        {
            switch (content)
            {
                case null:
                    return;
                case ReshareContent reshare:
                    writer.WriteStartObject("reshareContext");
                    writer.WriteString("parent", reshare.Parent.ToString());
                    writer.WriteEndObject();
                    return;
            }
            writer.WriteStartObject("content");
            switch (content)
            {
                case MediaContent media:
                    writer.WriteStartObject("media");
                    writer.WriteString("id", Id(media.Media));
                    WriteOptional(writer, "title", media.TitleFor(media.Media.Kind ?? kindOf(media.Media)));
                    WriteOptional(writer, "altText", media.AltText);
                    writer.WriteEndObject();
                    break;
                case MultiImageContent multi:
                    writer.WriteStartObject("multiImage");
                    writer.WriteStartArray("images");
                    foreach (var image in multi.Images)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", Id(image.Image));
                        WriteOptional(writer, "altText", image.AltText);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                    break;
                case ArticleContent article:
                    writer.WriteStartObject("article");
                    writer.WriteString("source", article.Source.AbsoluteUri);
                    writer.WriteString("title", article.Title);
                    WriteOptional(writer, "description", article.Description);
                    if (article.Thumbnail != null)
                    {
                        writer.WriteString("thumbnail", Id(article.Thumbnail));
                        WriteOptional(writer, "thumbnailAltText", article.ThumbnailAltText);
                    }
                    writer.WriteEndObject();
                    break;
                case PollContent poll:
                    writer.WriteStartObject("poll");
                    writer.WriteString("question", poll.Question);
                    writer.WriteStartArray("options");
                    foreach (var option in poll.Options)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("text", option);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                    writer.WriteStartObject("settings");
                    writer.WriteString("duration", ToWire(poll.Duration));
                    writer.WriteString("voteSelectionType", "SINGLE_VOTE");
                    writer.WriteBoolean("isVoterVisibleToAuthor", true);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                    break;
                default:
                    throw new ArgumentException($"Unknown post content {content.GetType().Name}.", nameof(content));
            }
            writer.WriteEndObject();
        }

        private static string Id(MediaReference media) => media.Urn?.ToString() ?? "(upload: " + media.FilePath + ")";

        private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
        {
            if (value != null)
            {
                writer.WriteString(name, value);
            }
        }

        public static string ToWire(PollDuration duration) => duration switch
        {
            PollDuration.OneDay => "ONE_DAY",
            PollDuration.ThreeDays => "THREE_DAYS",
            PollDuration.FourteenDays => "FOURTEEN_DAYS",
            _ => "SEVEN_DAYS",
        };

        public static string UpdateCommentaryBody(string littleText) => Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("patch");
            writer.WriteStartObject("$set");
            writer.WriteString("commentary", littleText);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

        public static LinkedInPost ReadPost(JsonElement post)
        {
            var urn = String(post, "id") ?? string.Empty;
            var raw = String(post, "commentary") ?? string.Empty;
            var result = new LinkedInPost
            {
                Urn = urn,
                Url = LinkedInUrn.TryParse(urn, out var parsed) ? parsed!.Permalink : null,
                Author = String(post, "author") ?? string.Empty,
                RawCommentary = raw,
                Commentary = LittleText.Unescape(raw),
                Visibility = FromWireVisibility(String(post, "visibility")),
                LifecycleState = String(post, "lifecycleState") ?? string.Empty,
                IsReshareDisabledByAuthor = post.TryGetProperty("isReshareDisabledByAuthor", out var reshare) && reshare.ValueKind == JsonValueKind.True,
                CreatedAt = EpochMillis(post, "createdAt"),
                PublishedAt = EpochMillis(post, "publishedAt"),
                LastModifiedAt = EpochMillis(post, "lastModifiedAt"),
                FeedDistribution = post.TryGetProperty("distribution", out var distribution) && String(distribution, "feedDistribution") == "NONE"
                    ? FeedDistribution.None
                    : FeedDistribution.MainFeed,
                Content = ReadContent(post),
            };
            return result;
        }

        /// <summary>
        /// A post's content as LinkedIn returned it, taken as is (not checked against today's limits); a
        /// variant this module does not know (a carousel, a celebration) or media of another kind is left out.
        /// </summary>
        internal static PostContent? ReadContent(JsonElement post)
        {
            if (post.TryGetProperty("reshareContext", out var reshare) && LinkedInUrn.TryParse(String(reshare, "parent"), out var parent) && parent!.IsPost)
            {
                return new ReshareContent(parent);
            }
            if (!post.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            if (content.TryGetProperty("media", out var media) && MediaReference.FromLinkedIn(String(media, "id")) is MediaReference reference)
            {
                return MediaContent.FromLinkedIn(reference, String(media, "title"), String(media, "altText"));
            }
            if (content.TryGetProperty("multiImage", out var multi) && multi.ValueKind == JsonValueKind.Object
                && multi.TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array)
            {
                var items = new List<MultiImageItem>();
                foreach (var image in images.EnumerateArray())
                {
                    if (MediaReference.FromLinkedIn(String(image, "id")) is MediaReference item)
                    {
                        items.Add(MultiImageItem.FromLinkedIn(item, String(image, "altText")));
                    }
                }
                return MultiImageContent.FromLinkedIn(items);
            }
            if (content.TryGetProperty("article", out var article)
                && Uri.TryCreate(String(article, "source"), UriKind.Absolute, out var source))
            {
                return ArticleContent.FromLinkedIn(source, String(article, "title") ?? string.Empty, String(article, "description"),
                    MediaReference.FromLinkedIn(String(article, "thumbnail")), String(article, "thumbnailAltText"));
            }
            if (content.TryGetProperty("poll", out var poll) && poll.ValueKind == JsonValueKind.Object)
            {
                var options = new List<string>();
                if (poll.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    options.AddRange(list.EnumerateArray().Select(o => String(o, "text") ?? string.Empty));
                }
                var duration = poll.TryGetProperty("settings", out var settings) ? FromWireDuration(String(settings, "duration")) : PollDuration.SevenDays;
                return PollContent.FromLinkedIn(String(poll, "question") ?? string.Empty, options, duration);
            }
            return null;
        }

        private static PollDuration FromWireDuration(string? wire) => wire switch
        {
            "ONE_DAY" => PollDuration.OneDay,
            "THREE_DAYS" => PollDuration.ThreeDays,
            "FOURTEEN_DAYS" => PollDuration.FourteenDays,
            _ => PollDuration.SevenDays,
        };

        public static string ToWire(PostVisibility visibility) => visibility switch
        {
            PostVisibility.Connections => "CONNECTIONS",
            PostVisibility.LoggedIn => "LOGGED_IN",
            PostVisibility.Container => "CONTAINER",
            _ => "PUBLIC",
        };

        private static PostVisibility FromWireVisibility(string? wire) => wire switch
        {
            "CONNECTIONS" => PostVisibility.Connections,
            "LOGGED_IN" => PostVisibility.LoggedIn,
            "CONTAINER" => PostVisibility.Container,
            _ => PostVisibility.Public,
        };

        internal static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static DateTimeOffset? EpochMillis(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var millis)
                ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
                : (DateTimeOffset?)null;

        private static string Write(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                write(writer);
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
