using System.Text.Json;
using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>Reads a request body as a JSON object, with LinkedIn's 400 when it is not one.</summary>
internal static class RequestJson
{
    public static async Task<(JsonObject? Json, LinkedInError? Error)> ReadObjectAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(CancellationToken.None); // a delayed request is handled even after its client gave up
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, LinkedInErrors.UnparsableBody("the body is empty."));
        }
        try
        {
            return JsonNode.Parse(text) is JsonObject json
                ? (json, null)
                : (null, LinkedInErrors.UnparsableBody("the body is not a JSON object."));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return (null, LinkedInErrors.UnparsableBody(e.Message));
        }
    }
}
