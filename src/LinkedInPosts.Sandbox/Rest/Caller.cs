using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>Who is calling, once the bearer token checked out. Lives in the request's features.</summary>
internal sealed class Caller
{
    public Caller(AccessToken token, Member member, string? apiVersion)
    {
        Token = token;
        Member = member;
        ApiVersion = apiVersion;
    }

    public AccessToken Token { get; }

    public Member Member { get; }

    /// <summary>The LinkedIn-Version header (null on /v2), used in LinkedIn-style resource names.</summary>
    public string? ApiVersion { get; }

    public bool HasScope(string scope) => Token.Scopes.Contains(scope);

    /// <summary>A resource as LinkedIn names it in a 403, e.g. <c>partnerApiPostsExternal.CREATE.20261101</c>.</summary>
    public string ResourceName(string resource, string operation) =>
        $"{resource}.{operation}.{(ApiVersion is { Length: > 0 } v ? ApiVersionRule.Display(v) : "NO_VERSION")}";
}

internal static class CallerHttpContextExtensions
{
    public static Caller Caller(this HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("The REST gate did not authenticate this request.");
}
