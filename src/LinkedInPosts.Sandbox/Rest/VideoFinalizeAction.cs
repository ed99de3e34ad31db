using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.Media;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>POST /rest/videos?action=finalizeUpload</c> (linkedin-api.md 3.3): 200 with an empty body once every part
/// arrived and <c>uploadedPartIds</c> are exactly the parts' ETags in instruction order, with the uploadToken
/// initializeUpload gave. Otherwise 400 naming each problem. The parts are then assembled into one file
/// (outside the lock) whose length must equal fileSizeBytes, and processing starts.
/// </summary>
internal static class VideoFinalizeAction
{
    private const string Path = "finalizeUploadRequest";

    public static async Task<IResult> HandleAsync(HttpContext context, SandboxState state)
    {
        var caller = context.Caller();
        if (!MediaPermissions.HasAnyWriteScope(caller))
        {
            return LinkedInErrors.MediaForbidden(SandboxMediaKind.Video);
        }
        var (body, unreadable) = await RequestJson.ReadObjectAsync(context.Request);
        if (body is null)
        {
            return unreadable!;
        }
        var (request, invalid) = Validate(body);
        if (request is null)
        {
            return invalid!;
        }

        List<string> partPaths;
        lock (state.Sync)
        {
            var video = state.Media.Find(request.Video);
            if (video is null)
            {
                return LinkedInErrors.NotFound(request.Video);
            }
            if (!MediaPermissions.CanActFor(caller, state.Members, video.Owner))
            {
                return LinkedInErrors.MediaForbidden(SandboxMediaKind.Video);
            }
            if (video.Finalizing)
            {
                return LinkedInErrors.RuleViolations([(Path + ".video", $"{video.Urn} is being finalized by another call", "FINALIZE_IN_PROGRESS")]);
            }
            var problems = Problems(video, request);
            if (video.FinalizedPartIds is { } done)
            {
                // A retried finalize (the first answer was lost) succeeds again; a different one cannot.
                return problems.Count == 0 && done.SequenceEqual(request.PartIds, StringComparer.Ordinal)
                    ? Results.Ok()
                    : LinkedInErrors.RuleViolations([(Path + ".video", $"{video.Urn} was already finalized with other uploadedPartIds", "ALREADY_FINALIZED")]);
            }
            if (problems.Count > 0)
            {
                return LinkedInErrors.RuleViolations(problems);
            }
            video.Finalizing = true;
            partPaths = video.Slots.Select(s => s.Path!).ToList();
        }

        var assembled = state.Files.NewPath(".video");
        (long Length, string Sha256) result;
        MediaInspection inspection;
        try
        {
            result = await MediaFiles.ConcatenateAsync(partPaths, assembled);
            inspection = MediaFormats.Inspect(SandboxMediaKind.Video, assembled);
        }
        catch (IOException)
        {
            MediaFiles.Delete(assembled);
            lock (state.Sync)
            {
                if (state.Media.Find(request.Video) is { } video)
                {
                    video.Finalizing = false;
                }
            }
            return LinkedInErrors.NotFound(request.Video); // a reset removed the parts while they were read
        }

        lock (state.Sync)
        {
            var video = state.Media.Find(request.Video);
            if (video is null)
            {
                MediaFiles.Delete(assembled);
                return LinkedInErrors.NotFound(request.Video);
            }
            video.Finalizing = false;
            if (result.Length != video.DeclaredSize)
            {
                MediaFiles.Delete(assembled);
                return LinkedInErrors.RuleViolations([(Path + ".uploadedPartIds",
                    $"the parts hold {result.Length} bytes but initializeUpload declared fileSizeBytes {video.DeclaredSize}", "SIZE_MISMATCH")]);
            }
            video.FilePath = assembled;
            video.SizeBytes = result.Length;
            video.Sha256 = result.Sha256;
            video.ContentType = inspection.ContentType;
            video.FinalizedPartIds = request.PartIds;
            foreach (var slot in video.Slots)
            {
                MediaFiles.Delete(slot.Path);
            }
            state.Media.StartProcessing(video, state.Clock.GetUtcNow(), inspection.FailureReason);
        }
        return Results.Ok();
    }

    /// <summary>Everything wrong with this finalize, in the order a client should fix it.</summary>
    private static List<(string, string, string)> Problems(MediaRecord video, FinalizeRequest request)
    {
        var problems = new List<(string, string, string)>();
        if (request.UploadToken != "")
        {
            problems.Add((Path + ".uploadToken", $"uploadToken \"{request.UploadToken}\" is not the one initializeUpload returned (\"\")", "UPLOAD_TOKEN_MISMATCH"));
        }
        foreach (var slot in video.Slots.Where(s => s.ETag is null))
        {
            problems.Add((Path + ".uploadedPartIds", $"{slot.Describe()} was never uploaded", "PART_NOT_UPLOADED"));
        }
        var slots = video.Slots;
        if (request.PartIds.Count != slots.Count)
        {
            problems.Add((Path + ".uploadedPartIds",
                $"uploadedPartIds has {request.PartIds.Count} ETags; the upload has {slots.Count} parts, one ETag each in instruction order", "PART_COUNT_MISMATCH"));
        }
        for (var i = 0; i < Math.Min(request.PartIds.Count, slots.Count); i++)
        {
            var sent = request.PartIds[i];
            if (slots[i].ETag is null || sent == slots[i].ETag)
            {
                continue; // a missing part is reported above
            }
            var owner = slots.FindIndex(s => s.ETag == sent);
            problems.Add(owner >= 0
                ? ($"{Path}.uploadedPartIds.{i}", $"uploadedPartIds[{i}] is the ETag of part {owner + 1}, not of part {i + 1}; send the ETags in instruction order", "PART_ID_MISORDERED")
                : ($"{Path}.uploadedPartIds.{i}", $"uploadedPartIds[{i}] \"{sent}\" is not the ETag of any uploaded part of {video.Urn}", "PART_ID_UNKNOWN"));
        }
        var received = slots.Sum(s => s.ReceivedBytes);
        if (problems.Count == 0 && received != video.DeclaredSize)
        {
            problems.Add((Path + ".uploadedPartIds", $"the parts hold {received} bytes but fileSizeBytes was {video.DeclaredSize}", "SIZE_MISMATCH"));
        }
        return problems;
    }

    private static (FinalizeRequest? Request, LinkedInError? Error) Validate(JsonObject body)
    {
        var check = new SchemaCheck();
        check.OnlyKnown(body, "", Path);
        string? video = null, token = null;
        List<string>? partIds = null;
        if (check.Object(body, Path, Path, required: true) is { } request)
        {
            check.OnlyKnown(request, Path, "video", "uploadToken", "uploadedPartIds");
            video = check.String(request, "video", Path + ".video", required: true);
            if (video is not null && !Urns.IsMedia(video, SandboxMediaKind.Video))
            {
                check.Add(Path + ".video", $"\"{video}\" is not a video URN (urn:li:video:…)", "INVALID_URN");
            }
            token = check.String(request, "uploadToken", Path + ".uploadToken", required: true);
            partIds = check.StringArray(request, "uploadedPartIds", Path + ".uploadedPartIds", required: true);
        }
        return check.HasViolations ? (null, check.ToError()) : (new FinalizeRequest(video!, token!, partIds!), null);
    }

    private sealed record FinalizeRequest(string Video, string UploadToken, IReadOnlyList<string> PartIds);
}
