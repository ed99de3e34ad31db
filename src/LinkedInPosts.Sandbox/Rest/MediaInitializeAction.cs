using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.Media;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>?action=initializeUpload</c> (linkedin-api.md 3.1-3.3): 200 with a <c>value</c> envelope holding the new
/// URN and where to PUT the bytes. Images and documents get one <c>uploadUrl</c>; videos get one upload
/// instruction per 4 MiB part, each with its own URL and inclusive byte range, and an empty uploadToken.
/// </summary>
internal static class MediaInitializeAction
{
    public static async Task<IResult> HandleAsync(HttpContext context, SandboxState state, SandboxMediaKind kind)
    {
        var caller = context.Caller();
        if (!MediaPermissions.HasAnyWriteScope(caller))
        {
            return LinkedInErrors.MediaForbidden(kind);
        }
        var (body, unreadable) = await RequestJson.ReadObjectAsync(context.Request);
        if (body is null)
        {
            return unreadable!;
        }
        var (owner, size, invalid) = Validate(body, kind);
        if (invalid is not null)
        {
            return invalid;
        }

        lock (state.Sync)
        {
            if (!MediaPermissions.CanActFor(caller, state.Members, owner!))
            {
                return LinkedInErrors.MediaForbidden(kind);
            }
            var media = state.Media.Create(kind, owner!, state.Clock.GetUtcNow(), size);
            var expires = media.UploadUrlsExpireAt.ToUnixTimeMilliseconds();
            var value = kind == SandboxMediaKind.Video
                ? new JsonObject
                {
                    // Videos say uploadUrlsExpireAt; images and documents say uploadUrlExpiresAt (linkedin-api.md 3.3).
                    ["uploadUrlsExpireAt"] = expires,
                    ["video"] = media.Urn,
                    ["uploadInstructions"] = new JsonArray(media.Slots.Select(slot => (JsonNode)new JsonObject
                    {
                        ["uploadUrl"] = MediaUrls.Upload(context, slot),
                        ["firstByte"] = slot.FirstByte,
                        ["lastByte"] = slot.LastByte,
                    }).ToArray()),
                    ["uploadToken"] = "",
                }
                : new JsonObject
                {
                    ["uploadUrlExpiresAt"] = expires,
                    ["uploadUrl"] = MediaUrls.Upload(context, media.Slots[0]),
                    [kind == SandboxMediaKind.Image ? "image" : "document"] = media.Urn,
                };
            return Results.Json(new JsonObject { ["value"] = value });
        }
    }

    private static (string? Owner, long? Size, LinkedInError? Error) Validate(JsonObject body, SandboxMediaKind kind)
    {
        var check = new SchemaCheck();
        check.OnlyKnown(body, "", "initializeUploadRequest");
        var request = check.Object(body, "initializeUploadRequest", "initializeUploadRequest", required: true);
        string? owner = null;
        long? size = null;
        bool? captions = null, thumbnail = null;
        if (request is not null)
        {
            if (kind == SandboxMediaKind.Video)
            {
                check.OnlyKnown(request, "initializeUploadRequest", "owner", "fileSizeBytes", "uploadCaptions", "uploadThumbnail");
                size = check.Integer(request, "fileSizeBytes", "initializeUploadRequest.fileSizeBytes", required: true);
                captions = check.Boolean(request, "uploadCaptions", "initializeUploadRequest.uploadCaptions", required: false);
                thumbnail = check.Boolean(request, "uploadThumbnail", "initializeUploadRequest.uploadThumbnail", required: false);
            }
            else
            {
                check.OnlyKnown(request, "initializeUploadRequest", "owner");
            }
            owner = check.String(request, "owner", "initializeUploadRequest.owner", required: true);
            if (owner is not null && !Urns.IsAuthor(owner))
            {
                check.Add("initializeUploadRequest.owner", $"\"{owner}\" is not a person or organization URN", "INVALID_URN");
            }
        }
        if (check.HasViolations)
        {
            return (null, null, check.ToError());
        }

        var rules = new List<(string, string, string)>();
        if (size is <= 0 or > MediaStore.MaxVideoBytes)
        {
            rules.Add(("initializeUploadRequest.fileSizeBytes", $"fileSizeBytes must be between 1 and {MediaStore.MaxVideoBytes}; got {size}", "INVALID_VALUE"));
        }
        if (captions == true || thumbnail == true)
        {
            rules.Add((captions == true ? "initializeUploadRequest.uploadCaptions" : "initializeUploadRequest.uploadThumbnail",
                "the sandbox does not emulate caption or thumbnail uploads; send false", "INVALID_VALUE"));
        }
        return rules.Count > 0 ? (null, null, LinkedInErrors.RuleViolations(rules)) : (owner, size, null);
    }
}
