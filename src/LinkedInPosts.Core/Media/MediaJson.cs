using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Media
{
    /// <summary>The Images, Documents and Videos APIs' JSON (linkedin-api.md section 3).</summary>
    internal static class MediaJson
    {
        /// <summary>The collection under /rest for a kind: images, documents, videos.</summary>
        public static string Collection(MediaKind kind) => kind switch
        {
            MediaKind.Image => "images",
            MediaKind.Document => "documents",
            _ => "videos",
        };

        /// <summary>The field of initializeUpload's answer that names the new media.</summary>
        private static string UrnField(MediaKind kind) => kind switch
        {
            MediaKind.Image => "image",
            MediaKind.Document => "document",
            _ => "video",
        };

        public static string InitializeBody(LinkedInUrn owner, long? fileSizeBytes) => Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("initializeUploadRequest");
            writer.WriteString("owner", owner.ToString());
            if (fileSizeBytes.HasValue)
            {
                writer.WriteNumber("fileSizeBytes", fileSizeBytes.Value);
                writer.WriteBoolean("uploadCaptions", false);
                writer.WriteBoolean("uploadThumbnail", false);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

        public static string FinalizeBody(LinkedInUrn video, string uploadToken, IReadOnlyList<string> partIds) => Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("finalizeUploadRequest");
            writer.WriteString("video", video.ToString());
            writer.WriteString("uploadToken", uploadToken);
            writer.WriteStartArray("uploadedPartIds");
            foreach (var id in partIds)
            {
                writer.WriteStringValue(id);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

        /// <summary>Reads initializeUpload's <c>value</c>: the URN and, for every kind, a list of upload instructions.</summary>
        public static UploadPlan ReadInitialize(JsonElement root, MediaKind kind, long fileSize, Uri apiBase)
        {
            if (!root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("the answer has no 'value' object");
            }
            var urnText = String(value, UrnField(kind)) ?? throw new JsonException($"'value.{UrnField(kind)}' is missing");
            if (!LinkedInUrn.TryParse(urnText, out var urn))
            {
                throw new JsonException($"'{urnText}' is not a URN");
            }
            var instructions = new List<UploadInstruction>();
            if (kind == MediaKind.Video)
            {
                if (!value.TryGetProperty("uploadInstructions", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    throw new JsonException("'value.uploadInstructions' is missing");
                }
                foreach (var item in list.EnumerateArray())
                {
                    var url = String(item, "uploadUrl") ?? throw new JsonException("an upload instruction has no uploadUrl");
                    instructions.Add(new UploadInstruction(Absolute(url, apiBase), Number(item, "firstByte"), Number(item, "lastByte")));
                }
            }
            else
            {
                var url = String(value, "uploadUrl") ?? throw new JsonException("'value.uploadUrl' is missing");
                instructions.Add(new UploadInstruction(Absolute(url, apiBase), 0, fileSize - 1));
            }
            // Images say uploadUrlExpiresAt, videos uploadUrlsExpireAt.
            var expires = OptionalNumber(value, "uploadUrlExpiresAt") ?? OptionalNumber(value, "uploadUrlsExpireAt");
            return new UploadPlan(urn!, instructions, String(value, "uploadToken") ?? string.Empty,
                expires.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(expires.Value) : (DateTimeOffset?)null);
        }

        /// <summary>Reads a status answer: <c>{owner, id, status, …}</c>.</summary>
        public static MediaStatus ReadStatus(JsonElement root)
        {
            var status = String(root, "status") ?? throw new JsonException("the answer has no 'status'");
            LinkedInUrn.TryParse(String(root, "owner"), out var owner);
            // LinkedIn documents no failure reason in the status; take one if it is there.
            var reason = String(root, "processingFailureReason") ?? String(root, "failureReason");
            return new MediaStatus(status, owner, reason);
        }

        private static Uri Absolute(string url, Uri apiBase)
        {
            if (!Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri))
            {
                throw new JsonException($"'{url}' is not a URL");
            }
            uri = uri.IsAbsoluteUri ? uri : new Uri(apiBase, uri);
            if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new JsonException($"the upload URL '{uri.GetLeftPart(UriPartial.Path)}' is not http(s)");
            }
            return uri;
        }

        private static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static long Number(JsonElement element, string name) =>
            OptionalNumber(element, name) ?? throw new JsonException($"an upload instruction has no {name}");

        private static long? OptionalNumber(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
                ? number
                : (long?)null;

        private static string Write(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                write(writer);
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    /// <summary>One PUT LinkedIn asks for: bytes firstByte..lastByte (inclusive) to this URL.</summary>
    internal sealed class UploadInstruction
    {
        public UploadInstruction(Uri url, long firstByte, long lastByte)
        {
            Url = url;
            FirstByte = firstByte;
            LastByte = lastByte;
        }

        public Uri Url { get; }

        public long FirstByte { get; }

        public long LastByte { get; }

        public long Length => LastByte - FirstByte + 1;
    }

    /// <summary>What initializeUpload answered.</summary>
    internal sealed class UploadPlan
    {
        public UploadPlan(LinkedInUrn urn, IReadOnlyList<UploadInstruction> instructions, string uploadToken, DateTimeOffset? expiresAt)
        {
            Urn = urn;
            Instructions = instructions;
            UploadToken = uploadToken;
            ExpiresAt = expiresAt;
        }

        public LinkedInUrn Urn { get; }

        public IReadOnlyList<UploadInstruction> Instructions { get; }

        /// <summary>The ETags of a video's parts, in instruction order, once every part is up.</summary>
        public IReadOnlyList<string> PartIds { get; set; } = new string[0];

        /// <summary>The token finalizeUpload must echo (LinkedIn's is often "").</summary>
        public string UploadToken { get; }

        public DateTimeOffset? ExpiresAt { get; }
    }

    /// <summary>What a status call answered.</summary>
    internal sealed class MediaStatus
    {
        public const string Available = "AVAILABLE";
        public const string ProcessingFailed = "PROCESSING_FAILED";
        public const string WaitingUpload = "WAITING_UPLOAD";

        public MediaStatus(string status, LinkedInUrn? owner, string? failureReason)
        {
            Status = status;
            Owner = owner;
            FailureReason = failureReason;
        }

        public string Status { get; }

        public LinkedInUrn? Owner { get; }

        public string? FailureReason { get; }
    }
}
