using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>
/// The last minutes of a refresh token, and a refused refresh, as a queue run of several calls meets them (review S13-H,
/// 2 and 3): one token-endpoint call each, not one per call, and one warning.
/// </summary>
public sealed class RefreshOncePerRunTests
{
    [Fact]
    public async Task In_the_refresh_tokens_last_ten_minutes_a_run_of_several_calls_refreshes_once_not_once_per_call()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(app => app.RefreshTokens = true); // 60-day access, 365-day refresh
        var connection = await sandbox.SignInAsync();
        var store = sandbox.Store();
        store.Save(connection);
        using var client = sandbox.ClientFor(sandbox.TokenSource(store, connection));

        await sandbox.AdvanceAsync(TimeSpan.FromDays(365) - TimeSpan.FromMinutes(8)); // day 365, 8 minutes before the refresh token ends
        await client.GetMemberAsync(); // refreshes: LinkedIn caps the new access token at the refresh token's end (8 minutes)
        await client.GetMemberAsync();
        await client.GetMemberAsync();

        sandbox.Remember(store.Find("work")!);
        // The sign-in and one refresh; each further call refreshing again is a token-endpoint call and a store write per post.
        Assert.Equal(2, (await sandbox.RequestsAsync("POST", "/oauth/v2/accessToken")).Count);
    }

    [Fact]
    public async Task A_refused_refresh_is_not_asked_again_on_every_call_of_the_same_command()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(app =>
        {
            app.RefreshTokens = true;
            app.AccessTokenLifetime = TimeSpan.FromHours(1);
        });
        var connection = await sandbox.SignInAsync();
        var store = sandbox.Store();
        store.Save(connection);
        using var client = sandbox.ClientFor(sandbox.TokenSource(store, connection));
        using (var oauth = new OAuthClient(sandbox.Options()))
        {
            await oauth.RevokeAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, connection.RefreshToken!);
        }
        await sandbox.AdvanceAsync(TimeSpan.FromMinutes(55));

        for (var i = 0; i < 3; i++)
        {
            await client.GetMemberAsync(); // three posts of one run, say
        }

        Assert.Equal(2, (await sandbox.RequestsAsync("POST", "/oauth/v2/accessToken")).Count); // sign-in + one refused refresh
        Assert.Single(sandbox.Log.Lines, l => l.Contains("could not be refreshed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_refused_refresh_a_reconnect_by_another_process_is_taken_up_by_the_next_call()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(app =>
        {
            app.RefreshTokens = true;
            app.AccessTokenLifetime = TimeSpan.FromDays(60);
        });
        var connection = await sandbox.SignInAsync();
        var store = sandbox.Store();
        store.Save(connection);
        var source = sandbox.TokenSource(store, connection);
        using var client = sandbox.ClientFor(source);
        await sandbox.Admin.AdvanceClockAsync(TimeSpan.FromDays(61)); // LinkedIn's clock says the access token has expired
        using (var oauth = new OAuthClient(sandbox.Options()))
        {
            await oauth.RevokeAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, connection.RefreshToken!);
        }

        var refused = await sandbox.FailsWithAsync<LinkedInAuthException>(() => client.GetMemberAsync());
        sandbox.Keep(source.Explain(refused)); // "The next call refreshes it first"
        await sandbox.FailsWithAsync<LinkedInAuthException>(() => client.GetMemberAsync()); // refresh refused: warns, old token, 401

        // The user follows the advice in another process (a second PowerShell window): a new sign-in, saved to the store.
        var reconnected = await sandbox.SignInAsync();
        sandbox.Store().Save(reconnected);

        var token = await source.GetAccessTokenAsync(CancellationToken.None);
        Assert.Equal(reconnected.AccessToken, token); // it kept the refused (dead) token for the rest of the session (review S13-I, 1)
    }
}
