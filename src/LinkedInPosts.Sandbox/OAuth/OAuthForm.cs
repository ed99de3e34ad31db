using LinkedInPosts.Sandbox.Errors;
using Microsoft.Net.Http.Headers;

namespace LinkedInPosts.Sandbox.OAuth;

/// <summary>
/// The form fields of an OAuth POST. LinkedIn reads them from an application/x-www-form-urlencoded
/// body only, so a JSON body or query-string parameters count as absent (and the call then fails
/// naming the first missing parameter, as LinkedIn does). An empty value counts as absent too.
/// </summary>
internal sealed class OAuthForm
{
    private readonly IFormCollection _fields;

    private OAuthForm(IFormCollection fields)
    {
        _fields = fields;
    }

    public static async Task<OAuthForm> ReadAsync(HttpRequest request)
    {
        if (!IsUrlEncodedForm(request.ContentType))
        {
            return new OAuthForm(FormCollection.Empty);
        }
        try
        {
            return new OAuthForm(await request.ReadFormAsync(request.HttpContext.RequestAborted));
        }
        catch (InvalidDataException)
        {
            // A body that is not a form (or is too large to be one) carries no usable parameters.
            return new OAuthForm(FormCollection.Empty);
        }
    }

    /// <summary>The first value of a field, or null when it is absent or empty.</summary>
    public string? this[string name] =>
        _fields.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary>LinkedIn's 400 naming the first of <paramref name="names"/> that is absent, or null if all are there.</summary>
    public LinkedInError? FirstMissing(params string[] names) =>
        names.FirstOrDefault(name => this[name] is null) is { } missing ? OAuthErrors.MissingParameter(missing) : null;

    private static bool IsUrlEncodedForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
