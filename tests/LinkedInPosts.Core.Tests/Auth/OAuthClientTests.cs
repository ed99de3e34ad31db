using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>The OAuth client's URL, PKCE and state helpers, and its calls against the sandbox.</summary>
public sealed class OAuthClientTests
{
    [Fact]
    public void The_authorization_uri_asks_for_a_code_with_space_delimited_scopes()
    {
        using var client = new OAuthClient(new LinkedInClientOptions());

        var uri = client.BuildAuthorizationUri("78abc", new Uri("http://127.0.0.1:8400/callback"), new[] { "openid", "profile", "w_member_social" }, "st&te", "CHALLENGE");

        Assert.Equal("https://www.linkedin.com/oauth/v2/authorization", uri.GetLeftPart(UriPartial.Path));
        Assert.Equal(
            "?response_type=code&client_id=78abc&redirect_uri=http%3A%2F%2F127.0.0.1%3A8400%2Fcallback&state=st%26te&scope=openid%20profile%20w_member_social&code_challenge=CHALLENGE&code_challenge_method=S256",
            uri.Query);
    }

    [Fact]
    public void The_redirect_uri_is_sent_exactly_as_registered()
    {
        using var client = new OAuthClient(new LinkedInClientOptions());

        var uri = client.BuildAuthorizationUri("78abc", new Uri("http://localhost:8400"), new[] { "openid" }, "s");

        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%3A8400&", uri.Query); // no trailing slash added
        Assert.DoesNotContain("code_challenge", uri.Query);
    }

    [Fact]
    public void A_pkce_verifier_is_long_random_and_unreserved_and_its_challenge_is_s256()
    {
        var pairs = Enumerable.Range(0, 50).Select(_ => PkcePair.Create()).ToList();

        Assert.All(pairs, pair =>
        {
            Assert.Equal(64, pair.Verifier.Length);
            Assert.Matches("^[A-Za-z0-9._~-]+$", pair.Verifier);
            Assert.Matches("^[A-Za-z0-9_-]{43}$", pair.Challenge);
            Assert.DoesNotContain(pair.Verifier, pair.ToString());
        });
        Assert.Equal(pairs.Count, pairs.Select(p => p.Verifier).Distinct().Count());
        // Reference value computed independently (Python hashlib + base64.urlsafe_b64encode, padding stripped).
        Assert.Equal("dNtiqMC0jmYDecebHSZlyq88Bc0Dt-NbjILHJNHfGBI", PkcePair.ChallengeFor("dBjftJeZ4CVP-mAJbhwwZDUSVb0-sJpk4bSEgFcNQW8"));
        Assert.Equal(43, PkcePair.Create(43).Verifier.Length);
        Assert.Equal(128, PkcePair.Create(128).Verifier.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => PkcePair.Create(42));
        Assert.Throws<ArgumentException>(() => PkcePair.ChallengeFor(new string('a', 42) + "!"));
    }

    [Fact]
    public void A_state_carries_256_random_bits()
    {
        var states = Enumerable.Range(0, 100).Select(_ => OAuthState.Create()).ToList();

        Assert.All(states, state => Assert.Matches("^[A-Za-z0-9_-]{43}$", state));
        Assert.Equal(states.Count, states.Distinct().Count());
        Assert.True(OAuthState.Matches(states[0], states[0]));
        Assert.False(OAuthState.Matches(states[0], states[1]));
        Assert.False(OAuthState.Matches(states[0], null));
    }

    [Fact]
    public async Task Refresh_introspection_and_revocation_work_against_LinkedIns_endpoints()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(app => app.RefreshTokens = true);
        var connection = await sandbox.SignInAsync();
        using var client = new OAuthClient(sandbox.Options());
        await sandbox.AdvanceAsync(TimeSpan.FromDays(59));

        var refreshed = await client.RefreshAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, connection.RefreshToken!);
        sandbox.Secrets.Add(refreshed.AccessToken);
        var introspection = await client.IntrospectAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, refreshed.AccessToken);
        await client.RevokeAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, refreshed.AccessToken);
        var revoked = await client.IntrospectAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, refreshed.AccessToken);

        var now = OAuthSandbox.StartTime.AddDays(59);
        Assert.NotEqual(connection.AccessToken, refreshed.AccessToken);
        Assert.Equal(now.AddDays(60), refreshed.AccessTokenExpiresAt);
        Assert.Equal(connection.RefreshToken, refreshed.RefreshToken);
        Assert.InRange(refreshed.RefreshTokenExpiresAt!.Value, now.AddDays(306).AddSeconds(-5), now.AddDays(306)); // counts down, not reset
        Assert.Equal(LinkedInScopes.Member, refreshed.Scopes);
        Assert.DoesNotContain(refreshed.AccessToken, refreshed.ToString());

        Assert.True(introspection.Active);
        Assert.Equal("active", introspection.Status);
        Assert.Equal("3L", introspection.AuthType);
        Assert.Equal(sandbox.App.ClientId, introspection.ClientId);
        Assert.Equal(LinkedInScopes.Member, introspection.Scopes);
        Assert.NotNull(introspection.ExpiresAt);
        Assert.False(revoked.Active);
        Assert.Equal("revoked", revoked.Status);

        Assert.Contains(sandbox.Log.Lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^VERBOSE: POST /oauth/v2/accessToken -> 200 OK \(\d+ ms\)$"));
        Assert.Contains(sandbox.Log.Lines, line => line.StartsWith("VERBOSE: POST /oauth/v2/introspectToken -> 200", StringComparison.Ordinal));
        Assert.Contains(sandbox.Log.Lines, line => line.StartsWith("VERBOSE: POST /oauth/v2/revoke -> 200", StringComparison.Ordinal));
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task Refreshing_for_an_app_without_refresh_tokens_says_to_sign_in_again()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        using var client = new OAuthClient(sandbox.Options());

        var exception = await sandbox.FailsWithAsync<LinkedInSignInException>(() => client.RefreshAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, "RT-made-up-0123456789"));

        Assert.Equal(SignInFailureReason.RefreshRejected, exception.Reason);
        Assert.Equal("LinkedInSignInRefreshRejected", exception.ErrorId);
        Assert.Equal("unauthorized_client", exception.OAuthError);
        Assert.Contains("Sign in again with Connect-LinkedIn", exception.Message);
    }

    [Fact]
    public async Task Introspection_with_a_wrong_secret_is_a_rejected_client_and_an_unknown_token_is_invalid()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        var connection = await sandbox.SignInAsync();
        using var client = new OAuthClient(sandbox.Options());

        var wrongSecret = await sandbox.FailsWithAsync<LinkedInSignInException>(() => client.IntrospectAsync(sandbox.App.ClientId, "NotTheSecret123", connection.AccessToken));
        var unknown = await sandbox.FailsWithAsync<LinkedInAuthException>(() => client.IntrospectAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, "unknown-token-0123456789"));

        Assert.Equal(SignInFailureReason.ClientRejected, wrongSecret.Reason);
        Assert.Equal(AuthFailureReason.Invalid, unknown.Reason);
        Assert.Equal(400, unknown.HttpStatus);
        sandbox.Secrets.Add("NotTheSecret123");
        sandbox.Secrets.Add("unknown-token-0123456789");
        sandbox.AssertNoSecretLeaked();
    }
}
