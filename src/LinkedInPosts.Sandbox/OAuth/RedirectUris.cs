using System.Net;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.OAuth;

/// <summary>
/// LinkedIn's redirect URL rules (linkedin-api.md 5.1): absolute, no <c>#</c>, and an exact match of a
/// registered URL with query strings ignored on both sides. For apps with the PKCE native flow, whose
/// docs ask for "a random port of loopback interface", a loopback IP URL also matches on any port.
/// </summary>
internal static class RedirectUris
{
    /// <summary>Why a URL cannot be registered, or null when it can.</summary>
    public static string? RegistrationProblem(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return $"'{uri}' is not an absolute http or https URL.";
        }
        return uri.Contains('#', StringComparison.Ordinal) ? $"'{uri}' contains '#', which LinkedIn does not allow." : null;
    }

    /// <summary>Whether the redirect_uri of a request matches one the app registered.</summary>
    public static bool Matches(OAuthApp app, string sent)
    {
        if (RegistrationProblem(sent) is not null)
        {
            return false;
        }
        var sentBase = WithoutQuery(sent);
        return app.RedirectUris.Any(registered =>
            string.Equals(WithoutQuery(registered), sentBase, StringComparison.Ordinal)
            || (app.Pkce && SameLoopbackIgnoringPort(registered, sent)));
    }

    private static string WithoutQuery(string uri)
    {
        var query = uri.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? uri : uri[..query];
    }

    private static bool SameLoopbackIgnoringPort(string registered, string sent) =>
        Uri.TryCreate(registered, UriKind.Absolute, out var a) && Uri.TryCreate(sent, UriKind.Absolute, out var b)
        && IsLoopbackIp(a) && IsLoopbackIp(b)
        && a.Scheme == b.Scheme
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.AbsolutePath, b.AbsolutePath, StringComparison.Ordinal);

    // The native flow names IP literals (127.0.0.1, [::1]), not "localhost".
    private static bool IsLoopbackIp(Uri uri) =>
        (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        && IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
}
