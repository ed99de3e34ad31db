using System.Globalization;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>Query parameters shared by the read endpoints.</summary>
internal static class PostQuery
{
    public const string Reader = "READER";
    public const string AuthorView = "AUTHOR";

    /// <summary>viewContext: READER (default) or AUTHOR.</summary>
    public static (string? View, LinkedInError? Error) ViewContext(HttpRequest request)
    {
        var sent = request.Query["viewContext"].ToString();
        if (sent.Length == 0)
        {
            return (Reader, null);
        }
        return sent is Reader or AuthorView
            ? (sent, null)
            : (null, LinkedInErrors.InvalidParameter("viewContext", $"'{sent}' is not one of READER, AUTHOR"));
    }

    /// <summary>
    /// Whether a post is visible in a view: readers see only published, undeleted posts; the author's
    /// view also shows drafts. Deleted posts are gone for everyone.
    /// </summary>
    public static bool IsVisible(PostRecord post, string view) =>
        !post.Deleted && (view == AuthorView || post.LifecycleState == "PUBLISHED");

    public static (int Value, LinkedInError? Error) Integer(HttpRequest request, string name, int defaultValue, int max)
    {
        var sent = request.Query[name].ToString();
        if (sent.Length == 0)
        {
            return (defaultValue, null);
        }
        if (!int.TryParse(sent, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
        {
            return (0, LinkedInErrors.InvalidParameter(name, $"'{sent}' must be an integer from 0 to {max}"));
        }
        return (value, null);
    }
}
