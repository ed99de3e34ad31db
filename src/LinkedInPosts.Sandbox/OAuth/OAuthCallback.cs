using Microsoft.AspNetCore.WebUtilities;

namespace LinkedInPosts.Sandbox.OAuth;

/// <summary>
/// The 302 back to the client's (already verified) redirect URL, keeping any query it had and echoing
/// <c>state</c> exactly when one was sent.
/// </summary>
internal sealed class OAuthCallback
{
    private readonly string _redirectUri;
    private readonly string? _state;

    public OAuthCallback(string redirectUri, string? state)
    {
        _redirectUri = redirectUri;
        _state = state;
    }

    public IResult Code(string code) => Redirect(("code", code));

    public IResult Error(string error, string description) => Redirect(("error", error), ("error_description", description));

    private IResult Redirect(params (string Name, string Value)[] parameters)
    {
        var all = parameters.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)).ToList();
        if (_state is not null)
        {
            all.Add(new KeyValuePair<string, string?>("state", _state));
        }
        return Results.Redirect(QueryHelpers.AddQueryString(_redirectUri, all));
    }
}
