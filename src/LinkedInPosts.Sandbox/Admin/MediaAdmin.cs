using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Admin;

/// <summary>Uploaded media as stored, forced processing failures, and the comments on a post.</summary>
internal static class MediaAdmin
{
    /// <summary>Every media, oldest first, with its status by the sandbox clock now.</summary>
    public static IResult List(SandboxState state)
    {
        lock (state.Sync)
        {
            var now = state.Clock.GetUtcNow();
            return Results.Json(state.Media.All.Select(m => m.ToPublic(now)).ToList(), SandboxJson.Options);
        }
    }

    /// <summary>One media; the URN may be plain or percent-encoded.</summary>
    public static IResult Get(string urn, SandboxState state)
    {
        lock (state.Sync)
        {
            return state.Media.Find(urn) is { } media
                ? Results.Json(media.ToPublic(state.Clock.GetUtcNow()), SandboxJson.Options)
                : AdminResults.Problem(404, $"No media {urn} was ever initialized.");
        }
    }

    /// <summary>
    /// <c>{"kind":"video","count":N}</c>: the next N uploads of that kind to complete fail processing.
    /// <c>{"urn":"…"}</c>: that media fails, if its processing has not ended yet (else 409).
    /// </summary>
    public static async Task<IResult> FailProcessingAsync(HttpRequest request, SandboxState state)
    {
        var (body, error) = await AdminResults.ReadAsync<FailProcessingRequest>(request);
        if (error is not null)
        {
            return error;
        }
        if (body is null || (body.Urn is null) == (body.Kind is null) || body.Count is < 1 || (body.Urn is not null && body.Count is not null))
        {
            return AdminResults.Problem(400, "Send {\"kind\":\"image|document|video\",\"count\":1} or {\"urn\":\"urn:li:video:…\"}.");
        }
        lock (state.Sync)
        {
            if (body.Kind is { } kind)
            {
                state.Media.FailNext(kind, body.Count ?? 1);
                return Results.NoContent();
            }
            var media = state.Media.Find(body.Urn!);
            if (media is null)
            {
                return AdminResults.Problem(404, $"No media {body.Urn} was ever initialized.");
            }
            var status = media.Status(state.Clock.GetUtcNow());
            if (status is MediaRecord.Available or MediaRecord.ProcessingFailed)
            {
                return AdminResults.Problem(409, $"{media.Urn} is already {status}; its processing cannot fail any more.");
            }
            media.FailureReason ??= "processing failure requested through POST /sandbox/media/fail-processing (this URN)";
            return Results.NoContent();
        }
    }

    /// <summary>The comments on a post, oldest first; 404 if the post was never stored.</summary>
    public static IResult Comments(string urn, SandboxState state)
    {
        lock (state.Sync)
        {
            return state.Posts.Find(urn) is null
                ? AdminResults.Problem(404, $"No post {urn} was ever stored.")
                : Results.Json(state.Comments.OnPost(urn).Select(c => c.ToPublic()).ToList(), SandboxJson.Options);
        }
    }
}
