using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.Media;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>GET /rest/{images|documents|videos}/{encoded URN}</c>: the media's status (linkedin-api.md 3.1-3.3),
/// <c>{owner, id, status}</c>, plus once AVAILABLE a signed <c>downloadUrl</c> with its expiry and, for
/// images whose header gave it, <c>aspectRatioWidth</c> and <c>aspectRatioHeight</c> (the pixel size).
/// The caller needs the same rights as for uploading for that owner.
/// </summary>
internal static class MediaGetEndpoint
{
    public static IResult Image(HttpContext context, SandboxState state, string urn) => Handle(context, state, urn, SandboxMediaKind.Image);

    public static IResult Document(HttpContext context, SandboxState state, string urn) => Handle(context, state, urn, SandboxMediaKind.Document);

    public static IResult Video(HttpContext context, SandboxState state, string urn) => Handle(context, state, urn, SandboxMediaKind.Video);

    private static IResult Handle(HttpContext context, SandboxState state, string urn, SandboxMediaKind kind)
    {
        var caller = context.Caller();
        if (RestLiMethod.Expect(context.Request, RestLiMethod.Get) is { } wrongMethod)
        {
            return wrongMethod;
        }
        if (!MediaPermissions.HasAnyWriteScope(caller))
        {
            return LinkedInErrors.MediaForbidden(kind);
        }
        if (!Urns.IsMedia(urn, kind))
        {
            return LinkedInErrors.BadRequest($"'{urn}' is not a {MediaStore.UrnPrefix(kind)}<id> URN.");
        }
        lock (state.Sync)
        {
            var media = state.Media.Find(urn);
            if (media is null)
            {
                return LinkedInErrors.NotFound(urn);
            }
            if (!MediaPermissions.CanActFor(caller, state.Members, media.Owner))
            {
                return LinkedInErrors.MediaForbidden(kind);
            }
            var now = state.Clock.GetUtcNow();
            var status = media.Status(now);
            var json = new JsonObject
            {
                ["owner"] = media.Owner,
                ["id"] = media.Urn,
                ["status"] = status,
            };
            if (status == MediaRecord.Available)
            {
                var expires = (now + MediaStore.DownloadUrlLifetime).ToUnixTimeMilliseconds();
                json["downloadUrl"] = MediaUrls.Download(context, state.Media, media, expires);
                json["downloadUrlExpiresAt"] = expires;
                if (media.Dimensions is { } size)
                {
                    json["aspectRatioWidth"] = size.Width;
                    json["aspectRatioHeight"] = size.Height;
                }
            }
            return Results.Json(json);
        }
    }
}
