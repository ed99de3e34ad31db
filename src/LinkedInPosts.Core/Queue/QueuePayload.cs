using System;
using System.IO;
using System.Text;
using System.Text.Json;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// The content of a scheduled post as the queue stores it: a small JSON document with its own version
    /// number, written and read only here. The queue itself treats it as opaque, so when drafts gain
    /// content this serializer gains a version and the queue file does not change.
    /// <code>{"v":2,"author":"urn:li:person:abc","commentary":"Hello","format":"Text","visibility":"Public","feedDistribution":"MainFeed","reshareDisabled":false,"firstComment":"…","content":{"kind":"media",…}}</code>
    /// Version 1 had no <c>content</c> and no <c>firstComment</c>; version 2 added both (see <see cref="QueuePayloadContent"/>).
    /// Reading accepts every version up to <see cref="CurrentVersion"/> and refuses newer ones with a clear
    /// error (a queue shared with a newer module), rather than posting something half understood.
    /// </summary>
    public static class QueuePayload
    {
        /// <summary>The version this module writes.</summary>
        public const int CurrentVersion = 2;

        /// <summary>The draft as a payload document.</summary>
        public static string Serialize(PostDraft draft) => Serialize(draft, null);

        /// <summary>
        /// The draft and its first comment as a payload document. Media must be URNs or stored copies
        /// (<see cref="Content.MediaReference.FromStore"/>): a local path would break when the file moves.
        /// </summary>
        public static string Serialize(PostDraft draft, string? firstComment)
        {
            if (draft == null)
            {
                throw new ArgumentNullException(nameof(draft));
            }
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("v", CurrentVersion);
                    writer.WriteString("author", draft.Author.ToString());
                    writer.WriteString("commentary", draft.Commentary);
                    writer.WriteString("format", draft.Format.ToString());
                    writer.WriteString("visibility", draft.Visibility.ToString());
                    writer.WriteString("feedDistribution", draft.FeedDistribution.ToString());
                    writer.WriteBoolean("reshareDisabled", draft.IsReshareDisabledByAuthor);
                    if (!string.IsNullOrEmpty(firstComment))
                    {
                        writer.WriteString("firstComment", firstComment);
                    }
                    if (draft.Content != null)
                    {
                        QueuePayloadContent.Write(writer, draft.Content);
                    }
                    writer.WriteEndObject();
                }
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        /// <summary>The payload's version, or throws <see cref="LinkedInQueueException"/> when it is not a payload document.</summary>
        public static int ReadVersion(string payloadJson)
        {
            using (var document = Parse(payloadJson))
            {
                return Version(document.RootElement);
            }
        }

        /// <summary>The draft a payload describes; throws <see cref="LinkedInQueueException"/> (PayloadUnreadable) when it cannot be read.</summary>
        public static PostDraft Deserialize(string payloadJson) => Read(payloadJson).Draft;

        /// <summary>The draft and first comment a payload describes; throws <see cref="LinkedInQueueException"/> (PayloadUnreadable) when it cannot be read.</summary>
        public static QueuedContent Read(string payloadJson)
        {
            using (var document = Parse(payloadJson))
            {
                var root = document.RootElement;
                var version = Version(root);
                if (version > CurrentVersion)
                {
                    throw Unreadable("it was written by a newer version of LinkedInPosts (content version " + version +
                        "; this one reads up to " + CurrentVersion + "). Update the module on this machine.");
                }
                try
                {
                    var author = LinkedInUrn.Parse(RequiredString(root, "author"));
                    var draft = new PostDraft(author, RequiredString(root, "commentary"))
                    {
                        Format = EnumValue<CommentaryFormat>(root, "format", CommentaryFormat.Text),
                        Visibility = EnumValue<PostVisibility>(root, "visibility", PostVisibility.Public),
                        FeedDistribution = EnumValue<FeedDistribution>(root, "feedDistribution", FeedDistribution.MainFeed),
                        IsReshareDisabledByAuthor = root.TryGetProperty("reshareDisabled", out var reshare) && reshare.ValueKind == JsonValueKind.True,
                        Content = root.TryGetProperty("content", out var content) && content.ValueKind != JsonValueKind.Null ? QueuePayloadContent.Read(content) : null,
                    };
                    return new QueuedContent(draft, QueuePayloadContent.OptionalString(root, "firstComment"));
                }
                catch (Exception e) when (e is FormatException || e is ArgumentException || e is InvalidOperationException || e is LinkedInValidationException)
                {
                    throw Unreadable(e.Message, e);
                }
            }
        }

        /// <summary>
        /// Checks a payload before it is stored: well-formed JSON, an object, with a version this module can
        /// read. Returns null when it is acceptable, or why not. It reads the document once with a forward-only
        /// reader (no document tree), since registration checks every row of an import.
        /// </summary>
        public static string? Check(string? payloadJson)
        {
            if (string.IsNullOrWhiteSpace(payloadJson))
            {
                return "the content is empty";
            }
            int? version = null;
            try
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(payloadJson));
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return "the content is not a JSON object";
                }
                while (reader.Read())
                {
                    if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("v"))
                    {
                        reader.Read();
                        version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : 0;
                    }
                    else if (reader.CurrentDepth == 1 && (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray))
                    {
                        reader.Skip();
                    }
                }
            }
            catch (JsonException e)
            {
                return "the content is not valid JSON (" + e.Message + ")";
            }
            if (version == null || version < 1)
            {
                return "the content has no version number (\"v\")";
            }
            if (version > CurrentVersion)
            {
                return "the content's version " + version + " is newer than this module reads (" + CurrentVersion + ")";
            }
            return null;
        }

        private static JsonDocument Parse(string payloadJson)
        {
            try
            {
                return JsonDocument.Parse(payloadJson ?? string.Empty);
            }
            catch (JsonException e)
            {
                throw Unreadable("it is not valid JSON (" + e.Message + ")", e);
            }
        }

        private static int Version(JsonElement root)
        {
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("v", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var version) && version >= 1)
            {
                return version;
            }
            throw Unreadable("it has no version number.");
        }

        private static string RequiredString(JsonElement root, string name)
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString()!;
            }
            throw new FormatException("The stored content has no \"" + name + "\".");
        }

        private static T EnumValue<T>(JsonElement root, string name, T fallback)
            where T : struct
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return fallback;
            }
            if (value.ValueKind == JsonValueKind.String && Enum.TryParse<T>(value.GetString(), ignoreCase: false, out var parsed) && Enum.IsDefined(typeof(T), parsed))
            {
                return parsed;
            }
            throw new FormatException("The stored content's \"" + name + "\" is not a known " + typeof(T).Name + ".");
        }

        private static LinkedInQueueException Unreadable(string why, Exception? inner = null) =>
            new LinkedInQueueException(QueueFailure.PayloadUnreadable, "A scheduled post's stored content cannot be read: " + why, inner);
    }
}
