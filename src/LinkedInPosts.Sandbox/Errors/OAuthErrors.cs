using System.Text.Json.Nodes;

namespace LinkedInPosts.Sandbox.Errors;

/// <summary>
/// The OAuth endpoints' JSON errors: RFC 6749's <c>{"error","error_description"}</c>, as LinkedIn sends
/// them (linkedin-api.md 5.2). Texts quoted there are LinkedIn's; the README lists the ones chosen here.
/// </summary>
internal static class OAuthErrors
{
    /// <summary>The text LinkedIn gives for every way a code can fail to redeem (seen live, 5.2).</summary>
    public const string CodeRejectedText =
        "Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists";

    public static LinkedInError MissingParameter(string name) =>
        Error(400, "invalid_request", $"A required parameter \"{name}\" is missing");

    /// <summary>Unknown, expired, reused or foreign code; redirect_uri or code_verifier mismatch.</summary>
    public static LinkedInError CodeRejected() => Error(400, "invalid_request", CodeRejectedText);

    /// <summary>Unknown client id or wrong secret on the token and revocation endpoints.</summary>
    public static LinkedInError InvalidClient() => Error(401, "invalid_client", "Client authentication failed");

    /// <summary>UNCONFIRMED text: LinkedIn documents no body for an expired or revoked refresh token.</summary>
    public static LinkedInError RefreshTokenRejected() =>
        Error(400, "invalid_request", "The provided refresh token is invalid, expired or revoked");

    /// <summary>A refresh grant from an app that is not approved for programmatic refresh tokens (UNCONFIRMED text).</summary>
    public static LinkedInError RefreshNotAllowed() =>
        Error(400, "unauthorized_client", "The client is not authorized to use refresh tokens");

    public static LinkedInError UnsupportedGrantType(string grantType) =>
        Error(400, "unsupported_grant_type", $"The grant_type \"{grantType}\" is not supported");

    /// <summary>
    /// Introspection of an unknown token, a token of another app, or with an unknown client id: LinkedIn
    /// documents 400 "Invalid client id or token" for these (the body is UNCONFIRMED).
    /// </summary>
    public static LinkedInError IntrospectionRejected() => Error(400, "invalid_request", "Invalid client id or token");

    private static LinkedInError Error(int status, string error, string description) => new(status, new JsonObject
    {
        ["error"] = error,
        ["error_description"] = description,
    });
}
