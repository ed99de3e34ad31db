using System.Text.Json;

namespace LinkedInPosts.Sandbox.Admin;

/// <summary>Reading admin bodies and answering admin errors. Admin errors are plain <c>{"message"}</c>, not LinkedIn's shapes.</summary>
internal static class AdminResults
{
    public static IResult Problem(int status, string message) =>
        Results.Json(new { message, status }, SandboxJson.Options, statusCode: status);

    /// <summary>The body as <typeparamref name="T"/>; an empty body gives <paramref name="empty"/>.</summary>
    public static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpRequest request, T? empty = default)
    {
        if (request.ContentLength == 0)
        {
            return (empty, null);
        }
        try
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            return string.IsNullOrWhiteSpace(text) ? (empty, null) : (JsonSerializer.Deserialize<T>(text, SandboxJson.Options), null);
        }
        catch (JsonException e)
        {
            return (default, Problem(400, "The body is not valid JSON for this call: " + e.Message));
        }
    }
}
