using System.Globalization;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Media;

/// <summary>
/// <c>GET {downloadUrl}</c> from an AVAILABLE media's status: the stored bytes. Like a CDN URL it needs no
/// token; it is signed and stops working at its <c>downloadUrlExpiresAt</c> (403).
/// </summary>
internal static class DownloadEndpoint
{
    public static IResult Handle(HttpContext context, SandboxState state, string id)
    {
        var query = context.Request.Query;
        string path, contentType;
        lock (state.Sync)
        {
            var media = state.Media.FindByDownloadId(id);
            var now = state.Clock.GetUtcNow();
            if (media is null || media.Status(now) != MediaRecord.Available || media.FilePath is null)
            {
                return LinkedInErrors.NotFound("download " + id);
            }
            if (!long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                || query["signature"] != state.Media.SignDownload(id, expires)
                || now.ToUnixTimeMilliseconds() >= expires)
            {
                return LinkedInErrors.DownloadUrlInvalid();
            }
            path = media.FilePath;
            contentType = media.ContentType;
        }
        // A reset may delete the file between the lock and the read; an open file stays readable on Unix.
        return File.Exists(path) ? Results.File(path, contentType, enableRangeProcessing: true) : LinkedInErrors.NotFound("download " + id);
    }
}
