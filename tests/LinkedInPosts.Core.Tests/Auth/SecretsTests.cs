using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>
/// Runs every sign-in and token path that logs or fails, with secrets that are easy to spot, and checks that
/// no client secret, code, PKCE verifier, access or refresh token appears in any log line or error message.
/// </summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task No_secret_reaches_a_log_line_or_an_error_message()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(app =>
        {
            app.RefreshTokens = true;
            app.Pkce = true;
            app.AccessTokenLifetime = TimeSpan.FromHours(1);
            app.RefreshTokenLifetime = TimeSpan.FromDays(3);
        });

        // Signing in, with the secret and with PKCE (and both), and each refusal on the way.
        var connection = await sandbox.SignInAsync();
        var pkceOnly = sandbox.Request();
        pkceOnly.ClientSecret = null;
        pkceOnly.UsePkce = true;
        var native = await sandbox.SignInAsync(pkceOnly);
        var both = sandbox.Request();
        both.UsePkce = true;
        await sandbox.SignInAsync(both);

        sandbox.Browser.Tamper = location => TestBrowser.WithParameter(location, "state", "not-ours");
        await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync(both));
        sandbox.Browser.Tamper = location => TestBrowser.WithParameter(location, "code", "AQTforgedCode0123456789");
        sandbox.Secrets.Add("AQTforgedCode0123456789");
        await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync(both));
        sandbox.Browser.Tamper = null;
        var wrong = sandbox.Request();
        wrong.ClientSecret = "WrongSecretValue0123";
        sandbox.Secrets.Add(wrong.ClientSecret);
        await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync(wrong));

        // The OAuth endpoints on their own, refused and accepted.
        using (var oauth = new OAuthClient(sandbox.Options()))
        {
            await sandbox.FailsWithAsync<LinkedInSignInException>(() => oauth.RefreshAsync(sandbox.App.ClientId, "WrongSecretValue0123", connection.RefreshToken!));
            await sandbox.FailsWithAsync<LinkedInSignInException>(() => oauth.RefreshAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, "RTunknownRefresh0123456789"));
            sandbox.Secrets.Add("RTunknownRefresh0123456789");
            await sandbox.FailsWithAsync<LinkedInAuthException>(() => oauth.IntrospectAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, "ATunknownAccess0123456789"));
            sandbox.Secrets.Add("ATunknownAccess0123456789");
            await oauth.IntrospectAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, connection.AccessToken);
        }

        // A stored connection: refreshed, refused (401 explained), near its end (warnings), then expired with its refresh refused.
        var store = sandbox.Store();
        store.Save(connection);
        var source = sandbox.TokenSource(store, connection);
        using var client = sandbox.ClientFor(source);
        await sandbox.AdvanceAsync(TimeSpan.FromMinutes(55));
        await client.GetMemberAsync();
        var refreshed = store.Find("work")!;
        sandbox.Remember(refreshed);
        await sandbox.Admin.RevokeTokenAsync(refreshed.AccessToken);
        var revoked = await sandbox.FailsWithAsync<LinkedInAuthException>(() => client.GetMemberAsync());
        sandbox.Keep(source.Explain(revoked));
        using (var oauth = new OAuthClient(sandbox.Options()))
        {
            await oauth.RevokeAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, refreshed.RefreshToken!);
        }
        await sandbox.AdvanceAsync(TimeSpan.FromHours(2));
        await sandbox.FailsWithAsync<LinkedInAuthException>(() => client.GetMemberAsync());

        // A PKCE connection (no secret kept, so it cannot refresh): warnings, then the fast expiry error.
        var nativeSource = sandbox.TokenSource(store, native);
        using var nativeClient = sandbox.ClientFor(nativeSource);
        await sandbox.FailsWithAsync<LinkedInAuthException>(() => nativeClient.GetMemberAsync());

        Assert.Contains(sandbox.Log.Lines, line => line.StartsWith("WARNING:", StringComparison.Ordinal));
        Assert.Contains(sandbox.Log.Lines, line => line.Contains("POST /oauth/v2/accessToken -> 400", StringComparison.Ordinal));
        Assert.Contains(sandbox.Log.Lines, line => line.Contains("POST /oauth/v2/accessToken -> 401", StringComparison.Ordinal));
        Assert.True(sandbox.Secrets.Count >= 12, string.Join(", ", sandbox.Secrets.Select(s => s.Length)));
        Assert.True(sandbox.Messages.Count >= 10);
        sandbox.AssertNoSecretLeaked();
        Assert.DoesNotContain(connection.AccessToken, connection.ToString());
        Assert.DoesNotContain(sandbox.App.ClientSecret, both.ToString());
    }
}
