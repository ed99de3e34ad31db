namespace LinkedInPosts.Sandbox.Admin;

/// <summary>Bodies of the /sandbox admin API (JSON, camelCase). Everything is optional so defaults can apply.</summary>
internal sealed record CreateMemberRequest(
    string? Name, string? GivenName, string? FamilyName, string? Email, List<SandboxOrganizationRole>? Organizations);

internal sealed record CreateTokenRequest(string? MemberUrn, List<string>? Scopes, long? ExpiresInSeconds);

internal sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

internal sealed record RevokeTokenRequest(string? AccessToken);

internal sealed record ClockBody(DateTimeOffset? Now);

internal sealed record AdvanceClockRequest(double? Seconds);

internal sealed record ConfigRequest(
    int? MemberDailyLimit, int? AppDailyLimit,
    double? ImageProcessingSeconds, double? DocumentProcessingSeconds, double? VideoProcessingSeconds);

internal sealed record ConfigResponse(
    int MemberDailyLimit, int AppDailyLimit,
    double ImageProcessingSeconds, double DocumentProcessingSeconds, double VideoProcessingSeconds);

/// <summary>Either a kind and how many of its next completed uploads fail, or one media URN that fails.</summary>
internal sealed record FailProcessingRequest(SandboxMediaKind? Kind, int? Count, string? Urn);

internal sealed record CreateAppRequest(
    string? Name, string? ClientId, string? ClientSecret, List<string>? RedirectUris, List<string>? Scopes,
    bool? RefreshTokens, bool? Pkce, long? AccessTokenSeconds, long? RefreshTokenSeconds);

internal sealed record AppResponse(
    string ClientId, string ClientSecret, string Name, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> Scopes,
    bool RefreshTokens, bool Pkce, long AccessTokenSeconds, long RefreshTokenSeconds);

internal sealed record AuthorizationRequest(string? MemberUrn, SandboxConsent? Decision);
