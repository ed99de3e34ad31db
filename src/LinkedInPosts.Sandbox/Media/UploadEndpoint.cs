using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;
using Microsoft.AspNetCore.Http.Features;

namespace LinkedInPosts.Sandbox.Media;

/// <summary>
/// <c>PUT {uploadUrl}</c>: the raw bytes of an image, a document or one video part. Like LinkedIn's pre-signed
/// dms-uploads URLs it needs no LinkedIn-Version and takes the call with or without a Bearer token.
/// The body is streamed to disk and hashed on the way; the state lock is held only to look up and to commit.
/// <list type="bullet">
/// <item>Image or document: 201, empty body; processing starts.</item>
/// <item>Video part: exactly lastByte - firstByte + 1 bytes, else 400; 200 with an <c>ETag</c> header.</item>
/// <item>Unknown URL 404, expired URL 401. The same bytes again get the same answer (a safe retry); other
/// bytes replace a video part until finalizeUpload, and otherwise get 409.</item>
/// </list>
/// </summary>
internal static class UploadEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SandboxState state, string id)
    {
        long? expected;
        string part;
        SandboxMediaKind kind;
        lock (state.Sync)
        {
            var slot = state.Media.FindSlot(id);
            if (slot is null)
            {
                return LinkedInErrors.UploadUrlNotFound();
            }
            if (state.Clock.GetUtcNow() >= slot.Media.UploadUrlsExpireAt)
            {
                return LinkedInErrors.UploadUrlExpired(slot.Media.UploadUrlsExpireAt);
            }
            expected = slot.ExpectedLength;
            part = slot.Describe();
            kind = slot.Media.Kind;
        }
        if (expected is { } exact && context.Request.ContentLength is { } declared && declared != exact)
        {
            return LinkedInErrors.PartLengthMismatch(part, exact, $"Content-Length {declared}");
        }

        // Documents reach 100 MB and videos 4 MiB per part; Kestrel's default cap (about 28.6 MB) is for JSON calls.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = null;
        }
        var temp = state.Files.NewPath(".upload");
        try
        {
            ReceivedFile received;
            try
            {
                received = await MediaFiles.ReceiveAsync(context.Request.Body, temp, expected, context.RequestAborted);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
            {
                return LinkedInErrors.UploadIncomplete();
            }
            if (expected is { } length && (received.ExceededLimit || received.Length != length))
            {
                return LinkedInErrors.PartLengthMismatch(part, length,
                    received.ExceededLimit ? $"more than {length}" : received.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            // Images and documents are whole files: look at the header now, outside the lock.
            var inspection = expected is null ? MediaFormats.Inspect(kind, temp) : null;
            return Commit(state, id, temp, received, inspection);
        }
        finally
        {
            MediaFiles.Delete(temp); // gone already when committed (moved into place)
        }
    }

    private static IResult Commit(SandboxState state, string id, string temp, ReceivedFile received, MediaInspection? inspection)
    {
        lock (state.Sync)
        {
            var slot = state.Media.FindSlot(id);
            if (slot is null)
            {
                return LinkedInErrors.UploadUrlNotFound(); // reset while the bytes were arriving
            }
            var media = slot.Media;
            if (slot.Sha256 is not null)
            {
                if (slot.Sha256 == received.Sha256 && slot.ReceivedBytes == received.Length)
                {
                    return Answer(slot);
                }
                var finalized = media.Finalizing || media.FinalizedPartIds is not null;
                if (media.Kind != SandboxMediaKind.Video || finalized)
                {
                    return LinkedInErrors.AlreadyUploaded(slot.Describe(), media.Urn);
                }
            }
            else if (media.Kind == SandboxMediaKind.Video && (media.Finalizing || media.FinalizedPartIds is not null))
            {
                return LinkedInErrors.AlreadyUploaded(slot.Describe(), media.Urn);
            }

            var final = slot.Path ?? state.Files.NewPath(".bin");
            File.Move(temp, final, overwrite: true);
            slot.Path = final;
            slot.ReceivedBytes = received.Length;
            slot.Sha256 = received.Sha256;
            if (media.Kind == SandboxMediaKind.Video)
            {
                slot.ETag = MediaStore.PartETag(slot, received.Sha256);
            }
            else
            {
                media.FilePath = final;
                media.SizeBytes = received.Length;
                media.Sha256 = received.Sha256;
                media.ContentType = inspection!.ContentType;
                media.Dimensions = inspection.Dimensions;
                state.Media.StartProcessing(media, state.Clock.GetUtcNow(), inspection.FailureReason);
            }
            return Answer(slot);
        }
    }

    // LinkedIn's image PUT is "200 or 201" in the guides (UNCONFIRMED); the sandbox answers 201 for whole
    // files, and 200 with the ETag for video parts as ebx-linkedin-sdk expects.
    private static IResult Answer(UploadSlot slot) => slot.ETag is { } etag
        ? new PartUploaded(etag)
        : Results.StatusCode(StatusCodes.Status201Created);

    private sealed class PartUploaded(string etag) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.Headers.ETag = etag;
            return Task.CompletedTask;
        }
    }
}
