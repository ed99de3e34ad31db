using LinkedInPosts.Sandbox.OAuth;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Admin;

/// <summary>OAuth applications, and the emulated browser that meets LinkedIn's sign-in and consent pages.</summary>
internal static class OAuthAdmin
{
    public static async Task<IResult> CreateAppAsync(HttpRequest request, SandboxState state)
    {
        var (body, error) = await AdminResults.ReadAsync<CreateAppRequest>(request);
        if (error is not null)
        {
            return error;
        }
        var redirectUris = (body?.RedirectUris ?? new List<string>()).ToList();
        if (redirectUris.Count == 0)
        {
            return AdminResults.Problem(400, "An app needs at least one redirect URL in redirectUris.");
        }
        if (redirectUris.Select(RedirectUris.RegistrationProblem).FirstOrDefault(p => p is not null) is { } badUri)
        {
            return AdminResults.Problem(400, badUri);
        }
        if (body!.AccessTokenSeconds is <= 0 || body.RefreshTokenSeconds is <= 0)
        {
            return AdminResults.Problem(400, "accessTokenSeconds and refreshTokenSeconds must be positive.");
        }
        if (body.ClientId is { } chosenId && (chosenId.Length == 0 || chosenId.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')))
        {
            return AdminResults.Problem(400, "clientId may hold only letters, digits, '-' and '_'.");
        }
        if (body.ClientSecret is { } chosenSecret && string.IsNullOrWhiteSpace(chosenSecret))
        {
            return AdminResults.Problem(400, "clientSecret cannot be blank.");
        }
        var scopes = (body.Scopes ?? new List<string>())
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();

        lock (state.Sync)
        {
            if (body.ClientId is { } taken && state.Apps.IsTaken(taken))
            {
                return AdminResults.Problem(409, $"The client id '{taken}' is already taken.");
            }
            var app = new OAuthApp
            {
                ClientId = body.ClientId ?? state.Apps.NewClientId(),
                ClientSecret = body.ClientSecret ?? RandomIds.ClientSecret(),
                Name = string.IsNullOrWhiteSpace(body.Name) ? $"Sandbox App {state.Apps.Count + 1}" : body.Name.Trim(),
                RedirectUris = redirectUris,
                Scopes = scopes,
                RefreshTokens = body.RefreshTokens ?? false,
                Pkce = body.Pkce ?? false,
                AccessTokenLifetime = body.AccessTokenSeconds is { } access ? TimeSpan.FromSeconds(access) : AppStore.DefaultAccessTokenLifetime,
                RefreshTokenLifetime = body.RefreshTokenSeconds is { } refresh ? TimeSpan.FromSeconds(refresh) : AppStore.DefaultRefreshTokenLifetime,
            };
            state.Apps.Add(app);
            return Results.Json(new AppResponse(app.ClientId, app.ClientSecret, app.Name, app.RedirectUris, app.Scopes,
                app.RefreshTokens, app.Pkce, (long)app.AccessTokenLifetime.TotalSeconds, (long)app.RefreshTokenLifetime.TotalSeconds),
                SandboxJson.Options, statusCode: 201);
        }
    }

    /// <summary>Who is signed in to the emulated browser and what they click; a null memberUrn signs out.</summary>
    public static async Task<IResult> SetAuthorizationAsync(HttpRequest request, SandboxState state)
    {
        var (body, error) = await AdminResults.ReadAsync<AuthorizationRequest>(request);
        if (error is not null)
        {
            return error;
        }
        if (body?.Decision is { } decision && !Enum.IsDefined(decision))
        {
            return AdminResults.Problem(400, "decision must be approve, cancel or cancelLogin.");
        }
        lock (state.Sync)
        {
            if (body?.MemberUrn is { } memberUrn && state.Members.Find(memberUrn) is null)
            {
                return AdminResults.Problem(404, $"No member '{memberUrn}'; create one with POST /sandbox/members first.");
            }
            state.Browser.MemberUrn = body?.MemberUrn;
            state.Browser.Decision = body?.Decision ?? SandboxConsent.Approve;
            return Results.NoContent();
        }
    }
}
