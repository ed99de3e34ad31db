using LinkedInPosts.Sandbox.Errors;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// The X-RestLi-Method header, compared case-insensitively everywhere because LinkedIn's own JS
/// client sends it in lowercase (<c>partial_update</c>).
/// </summary>
internal static class RestLiMethod
{
    public const string Header = "X-RestLi-Method";

    public const string Create = "CREATE";
    public const string Get = "GET";
    public const string Finder = "FINDER";
    public const string BatchGet = "BATCH_GET";
    public const string PartialUpdate = "PARTIAL_UPDATE";
    public const string Delete = "DELETE";
    public const string Action = "ACTION";

    /// <summary>The header as sent, or null when absent.</summary>
    public static string? Of(HttpRequest request)
    {
        var value = request.Headers[Header].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// Null when the header is absent (the method is then implied by HTTP method and URL, as Rest.li
    /// does) or names <paramref name="expected"/>; a 400 when it names another method.
    /// </summary>
    public static LinkedInError? Expect(HttpRequest request, string expected)
    {
        var sent = Of(request);
        return sent is null || string.Equals(sent, expected, StringComparison.OrdinalIgnoreCase)
            ? null
            : LinkedInErrors.InvalidRestLiMethod(sent, request.Method, expected);
    }
}
