using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>POST /rest/{images|documents|videos}?action=…</c>: Rest.li actions on the media collections.
/// All three have initializeUpload; videos also have finalizeUpload. X-RestLi-Method, when sent, must be ACTION.
/// </summary>
internal static class MediaActionEndpoint
{
    public const string Initialize = "initializeUpload";
    public const string Finalize = "finalizeUpload";

    public static Task<IResult> ImagesAsync(HttpContext context, SandboxState state) => HandleAsync(context, state, SandboxMediaKind.Image);

    public static Task<IResult> DocumentsAsync(HttpContext context, SandboxState state) => HandleAsync(context, state, SandboxMediaKind.Document);

    public static Task<IResult> VideosAsync(HttpContext context, SandboxState state) => HandleAsync(context, state, SandboxMediaKind.Video);

    public static string Collection(SandboxMediaKind kind) => kind switch
    {
        SandboxMediaKind.Image => "images",
        SandboxMediaKind.Document => "documents",
        _ => "videos",
    };

    private static async Task<IResult> HandleAsync(HttpContext context, SandboxState state, SandboxMediaKind kind)
    {
        var action = context.Request.Query["action"].ToString();
        var supported = kind == SandboxMediaKind.Video ? $"{Initialize} or {Finalize}" : Initialize;
        if (action.Length == 0)
        {
            return LinkedInErrors.BadRequest($"CREATE is not supported on /{Collection(kind)}; call ?action={Initialize}.");
        }
        if (RestLiMethod.Expect(context.Request, RestLiMethod.Action) is { } wrongMethod)
        {
            return wrongMethod;
        }
        return action switch
        {
            Initialize => await MediaInitializeAction.HandleAsync(context, state, kind),
            Finalize when kind == SandboxMediaKind.Video => await VideoFinalizeAction.HandleAsync(context, state),
            _ => LinkedInErrors.InvalidParameter("action", $"'{action}' is not an action of /{Collection(kind)} (supported: {supported})"),
        };
    }
}
