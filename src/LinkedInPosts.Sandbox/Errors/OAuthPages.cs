using System.Text;
using System.Text.Encodings.Web;

namespace LinkedInPosts.Sandbox.Errors;

/// <summary>
/// The HTML pages the authorization endpoint shows in the browser instead of redirecting: LinkedIn
/// never sends the browser to a redirect URL it cannot trust (unknown client, unregistered
/// redirect_uri), and the member has to sign in before anything else happens.
/// </summary>
internal static class OAuthPages
{
    /// <summary>LinkedIn's words for an unregistered redirect URL.</summary>
    public const string RedirectMismatchText = "The redirect_uri does not match the registered value";

    public static IResult Error(string message) => Page(400, "Bummer, something went wrong.", message);

    /// <summary>The sign-in page: the sandbox's emulated browser has nobody signed in.</summary>
    public static IResult SignInFirst() => Page(401, "Sign in to LinkedIn",
        "Sign in first: nobody is signed in to the sandbox browser. Choose the member and what they click with " +
        "PUT /sandbox/authorization {\"memberUrn\":\"urn:li:person:…\",\"decision\":\"approve\"}.");

    private static IResult Page(int status, string title, string message)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(HtmlEncoder.Default.Encode(title))
            .Append(" | LinkedIn sandbox</title></head>\n<body><h1>")
            .Append(HtmlEncoder.Default.Encode(title))
            .Append("</h1>\n<p id=\"error\">")
            .Append(HtmlEncoder.Default.Encode(message))
            .Append("</p></body></html>\n")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
