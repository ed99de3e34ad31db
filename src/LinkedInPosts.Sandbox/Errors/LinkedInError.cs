using System.Text.Json.Nodes;

namespace LinkedInPosts.Sandbox.Errors;

/// <summary>
/// An error response as LinkedIn shapes it: a status and a JSON body. It is an <see cref="IResult"/>
/// so endpoints return it directly, and middleware writes it with <see cref="WriteAsync"/>.
/// </summary>
internal sealed class LinkedInError : IResult
{
    public LinkedInError(int status, JsonObject body)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; }

    public JsonObject Body { get; }

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext);

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/json";
        // Not RequestAborted: after a client gives up, the write is simply discarded, as the request still counts.
        await context.Response.WriteAsync(Body.ToJsonString(SandboxJson.Options), CancellationToken.None);
    }
}
