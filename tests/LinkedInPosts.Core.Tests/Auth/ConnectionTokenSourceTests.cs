using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>
/// A stored connection's token over time, with the sandbox clock and the test clock moved together and the
/// real plain-file store in a temporary folder.
/// </summary>
public sealed class ConnectionTokenSourceTests
{
    private static void Refreshable(LinkedInPosts.Sandbox.SandboxAppOptions app)
    {
        app.RefreshTokens = true;
        app.AccessTokenLifetime = TimeSpan.FromHours(1);
    }

    [Fact]
    public async Task A_token_within_the_margin_is_refreshed_before_the_call_and_keeps_the_refresh_tokens_original_expiry()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(Refreshable);
        var connection = await sandbox.SignInAsync();
        var store = sandbox.Store();
        store.Save(connection);
        using var client = sandbox.ClientFor(sandbox.TokenSource(store, store.Find("work")!));

        await client.GetMemberAsync(); // an hour left: used as is
        Assert.Single(await sandbox.RequestsAsync("POST", "/oauth/v2/accessToken"));

        await sandbox.AdvanceAsync(TimeSpan.FromMinutes(51)); // 9 minutes left
        var post = await client.CreatePostAsync(new PostDraft(LinkedInUrn.Parse(connection.MemberUrn), "Patched the fleet tonight"));

        var requests = (await sandbox.Admin.GetRequestsAsync()).Select(r => r.Method + " " + r.Path).ToList();
        var refresh = requests.LastIndexOf("POST /oauth/v2/accessToken");
        Assert.Equal(2, requests.Count(r => r == "POST /oauth/v2/accessToken"));
        Assert.True(refresh < requests.IndexOf("POST /rest/posts"), string.Join(", ", requests));
        var stored = store.Find("work")!;
        sandbox.Remember(stored);
        Assert.NotEqual(connection.AccessToken, stored.AccessToken);
        Assert.Equal(sandbox.Clock.GetUtcNow().AddHours(1), stored.AccessTokenExpiresAt);
        Assert.Equal(connection.RefreshToken, stored.RefreshToken);
        Assert.Equal(connection.RefreshTokenExpiresAt, stored.RefreshTokenExpiresAt); // LinkedIn's countdown does not move it
        Assert.Equal(OAuthSandbox.StartTime.AddDays(365), stored.RefreshTokenExpiresAt);
        Assert.NotNull(await sandbox.Admin.GetPostAsync(post.Urn));
        Assert.Contains(sandbox.Log.Lines, line => line.StartsWith("VERBOSE: Refreshed connection 'work': the access token now lasts until", StringComparison.Ordinal));
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task Two_processes_refreshing_at_once_both_end_with_a_working_token_from_one_refresh()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(Refreshable);
        var connection = await sandbox.SignInAsync();
        var first = sandbox.Store();
        var second = sandbox.Store(); // another process's view of the same file
        first.Save(connection);
        using var clientA = sandbox.ClientFor(sandbox.TokenSource(first, first.Find("work")!));
        using var clientB = sandbox.ClientFor(sandbox.TokenSource(second, second.Find("work")!));
        await sandbox.AdvanceAsync(TimeSpan.FromMinutes(55));

        var members = await Task.WhenAll(clientA.GetMemberAsync(), clientB.GetMemberAsync());

        Assert.All(members, member => Assert.Equal(sandbox.Member.Urn, member.Urn));
        Assert.Equal(2, (await sandbox.RequestsAsync("POST", "/oauth/v2/accessToken")).Count); // the sign-in and one refresh
        Assert.All(await sandbox.RequestsAsync("GET", "/v2/userinfo"), r => Assert.Equal(200, r.Status));
        var stored = second.Find("work")!;
        sandbox.Remember(stored);
        Assert.NotEqual(connection.AccessToken, stored.AccessToken);
        Assert.True(stored.AccessTokenExpiresAt > sandbox.Clock.GetUtcNow().AddMinutes(50));
        using var check = sandbox.ClientFor(new StaticAccessTokenSource(stored.AccessToken));
        Assert.Equal(sandbox.Member.Urn, (await check.GetMemberAsync()).Urn);
        Assert.Contains(sandbox.Log.Lines, line => line.Contains("was refreshed meanwhile", StringComparison.Ordinal));
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task Without_a_refresh_token_every_use_warns_from_seven_days_before_expiry()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        var connection = await sandbox.SignInAsync();
        var store = sandbox.Store();
        store.Save(connection);
        using var client = sandbox.ClientFor(sandbox.TokenSource(store, connection));

        await sandbox.AdvanceAsync(TimeSpan.FromDays(52) + TimeSpan.FromHours(23)); // 7 days and an hour left
        await client.GetMemberAsync();
        Assert.DoesNotContain(sandbox.Log.Lines, line => line.StartsWith("WARNING:", StringComparison.Ordinal));

        await sandbox.AdvanceAsync(TimeSpan.FromHours(2));
        await client.GetMemberAsync();
        await client.GetMemberAsync();

        var warnings = sandbox.Log.Lines.Where(line => line.StartsWith("WARNING:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Equal(
            $"WARNING: Connection 'work' expires in 6 days (on 2027-01-01 09:00 UTC). LinkedIn gives this app no refresh token (only apps approved for programmatic refresh get one): " +
            $"run Connect-LinkedIn -Name work -ClientId {sandbox.App.ClientId} -ApiBaseUri {sandbox.Server.BaseUri.AbsoluteUri} before then.",
            warnings[0]);
    }

    [Fact]
    public async Task An_expired_connection_fails_fast_naming_it_and_the_command_without_calling_LinkedIn()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        var connection = await sandbox.SignInAsync();
        var store = sandbox.Store();
        store.Save(connection);
        using var client = sandbox.ClientFor(sandbox.TokenSource(store, connection));
        await sandbox.AdvanceAsync(TimeSpan.FromDays(60) + TimeSpan.FromMinutes(1));
        var before = (await sandbox.Admin.GetRequestsAsync()).Count;

        var exception = await sandbox.FailsWithAsync<LinkedInAuthException>(() => client.CreatePostAsync(new PostDraft(LinkedInUrn.Parse(connection.MemberUrn), "Too late")));

        Assert.Equal(AuthFailureReason.Expired, exception.Reason);
        Assert.Equal("LinkedInAuthExpired", exception.ErrorId);
        Assert.Null(exception.HttpStatus);
        Assert.StartsWith("Connection 'work' expired on 2027-01-01 09:00 UTC. LinkedIn gives this app no refresh token", exception.Message);
        Assert.EndsWith($"Sign in again: Connect-LinkedIn -Name work -ClientId {sandbox.App.ClientId} -ApiBaseUri {sandbox.Server.BaseUri.AbsoluteUri}", exception.Message);
        Assert.Equal(before, (await sandbox.Admin.GetRequestsAsync()).Count); // not one HTTP call
    }

    [Fact]
    public async Task A_token_brought_as_is_names_the_access_token_command()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        var token = await sandbox.Admin.CreateTokenAsync(sandbox.Member.Urn, new[] { "openid", "profile", "w_member_social" }, TimeSpan.FromDays(1));
        sandbox.Secrets.Add(token);
        var brought = new StoredConnection
        {
            Name = "ops team",
            MemberUrn = sandbox.Member.Urn,
            AccessToken = token,
            AccessTokenExpiresAt = OAuthSandbox.StartTime.AddDays(1),
            ApiBase = sandbox.Server.BaseUri,
            OAuthBase = new Uri(sandbox.Server.BaseUri, "oauth/v2/"),
            ConnectedAt = OAuthSandbox.StartTime,
        };
        var store = sandbox.Store();
        store.Save(brought);
        using var client = sandbox.ClientFor(sandbox.TokenSource(store, brought));

        await client.GetMemberAsync();
        await sandbox.AdvanceAsync(TimeSpan.FromDays(2));
        var exception = await sandbox.FailsWithAsync<LinkedInAuthException>(() => client.GetMemberAsync());

        var command = $"Connect-LinkedIn -Name 'ops team' -AccessToken (Read-Host -AsSecureString 'LinkedIn access token') -ApiBaseUri {sandbox.Server.BaseUri.AbsoluteUri}";
        Assert.Contains(sandbox.Log.Lines, line => line == $"WARNING: Connection 'ops team' expires in 1 day (on 2026-11-03 09:00 UTC). It was made with an access token as is, which cannot be refreshed: run {command} before then.");
        Assert.Equal($"Connection 'ops team' expired on 2026-11-03 09:00 UTC. It was made with an access token as is, which cannot be refreshed. Sign in again: {command}", exception.Message);
        Assert.Single(await sandbox.RequestsAsync("GET", "/v2/userinfo"));
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_revoked_token_is_explained_with_the_connection_and_the_command()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        var connection = await sandbox.SignInAsync();
        var store = sandbox.Store();
        store.Save(connection);
        var source = sandbox.TokenSource(store, connection);
        using var client = sandbox.ClientFor(source);
        await sandbox.Admin.RevokeTokenAsync(connection.AccessToken);

        var refused = await sandbox.FailsWithAsync<LinkedInAuthException>(() => client.GetMemberAsync());
        var justConnected = source.Explain(refused);
        await sandbox.AdvanceAsync(TimeSpan.FromHours(1));
        var later = source.Explain(refused);
        sandbox.Keep(justConnected);
        sandbox.Keep(later);

        Assert.Equal(AuthFailureReason.Revoked, refused.Reason);
        Assert.Equal(AuthFailureReason.Revoked, later.Reason);
        Assert.Equal("LinkedInAuthRevoked", later.ErrorId);
        Assert.Equal(401, later.HttpStatus);
        Assert.Equal(65601, later.ServiceErrorCode);
        Assert.Equal("GET /v2/userinfo", later.Request);
        Assert.Same(refused, later.InnerException);
        Assert.Contains("wait a minute and try again", justConnected.Message); // linkedin-api.md pitfall 11
        Assert.Equal(
            $"Connection 'work': LinkedIn says its access token was revoked (by the member, a page admin or LinkedIn). Sign in again: Connect-LinkedIn -Name work -ClientId {sandbox.App.ClientId} -ApiBaseUri {sandbox.Server.BaseUri.AbsoluteUri}",
            later.Message);
        Assert.Same(later, source.Explain(later));
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_refused_refresh_of_an_expired_token_says_to_sign_in_again()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(Refreshable);
        var connection = await sandbox.SignInAsync();
        var store = sandbox.Store();
        store.Save(connection);
        using var client = sandbox.ClientFor(sandbox.TokenSource(store, connection));
        using (var oauth = new OAuthClient(sandbox.Options()))
        {
            await oauth.RevokeAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, connection.RefreshToken!);
        }
        await sandbox.AdvanceAsync(TimeSpan.FromMinutes(61));

        var exception = await sandbox.FailsWithAsync<LinkedInAuthException>(() => client.GetMemberAsync());

        Assert.Equal(AuthFailureReason.Expired, exception.Reason);
        var refusal = Assert.IsType<LinkedInSignInException>(exception.InnerException);
        Assert.Equal(SignInFailureReason.RefreshRejected, refusal.Reason);
        Assert.Equal(
            "Connection 'work' expired on 2026-11-02 10:00 UTC. LinkedIn refused to refresh it: its refresh token has expired or was revoked. " +
            $"Sign in again: Connect-LinkedIn -Name work -ClientId {sandbox.App.ClientId} -ApiBaseUri {sandbox.Server.BaseUri.AbsoluteUri}",
            exception.Message);
        Assert.Single(await sandbox.RequestsAsync("GET", "/v2/userinfo")); // the sign-in's own, none after
        Assert.Equal(connection.AccessToken, store.Find("work")!.AccessToken); // nothing written
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_refused_refresh_before_expiry_warns_and_goes_on_with_the_current_token()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(Refreshable);
        var connection = await sandbox.SignInAsync();
        var store = sandbox.Store();
        store.Save(connection);
        using var client = sandbox.ClientFor(sandbox.TokenSource(store, connection));
        using (var oauth = new OAuthClient(sandbox.Options()))
        {
            await oauth.RevokeAsync(sandbox.App.ClientId, sandbox.App.ClientSecret, connection.RefreshToken!);
        }
        await sandbox.AdvanceAsync(TimeSpan.FromMinutes(55));

        var member = await client.GetMemberAsync();

        Assert.Equal(sandbox.Member.Urn, member.Urn);
        Assert.Contains(
            "WARNING: Connection 'work' could not be refreshed, so it goes on with its current token, valid until 2026-11-02 10:00 UTC. " +
            "LinkedIn refused to refresh it: its refresh token has expired or was revoked. " +
            $"Run Connect-LinkedIn -Name work -ClientId {sandbox.App.ClientId} -ApiBaseUri {sandbox.Server.BaseUri.AbsoluteUri} before then.",
            sandbox.Log.Lines);
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_token_LinkedIn_calls_expired_while_this_clock_does_not_is_refreshed_on_the_next_call()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(Refreshable);
        var connection = await sandbox.SignInAsync();
        var store = sandbox.Store();
        store.Save(connection);
        var source = sandbox.TokenSource(store, connection);
        using var client = sandbox.ClientFor(source);
        await sandbox.Admin.AdvanceClockAsync(TimeSpan.FromHours(2)); // only LinkedIn's clock: this machine's is behind

        var refused = await sandbox.FailsWithAsync<LinkedInAuthException>(() => client.GetMemberAsync());
        var explained = source.Explain(refused);
        sandbox.Keep(explained);
        var member = await client.GetMemberAsync();

        Assert.Equal(AuthFailureReason.Expired, refused.Reason);
        Assert.Contains("is this computer's clock right?", explained.Message);
        Assert.Contains("The next call refreshes it first", explained.Message);
        Assert.Equal(sandbox.Member.Urn, member.Urn);
        Assert.Equal(2, (await sandbox.RequestsAsync("POST", "/oauth/v2/accessToken")).Count);
        sandbox.Remember(store.Find("work")!);
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_refresh_token_near_its_end_warns_that_the_connection_must_be_made_again()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(app =>
        {
            Refreshable(app);
            app.RefreshTokenLifetime = TimeSpan.FromDays(10);
        });
        var connection = await sandbox.SignInAsync();
        var store = sandbox.Store();
        store.Save(connection);
        using var client = sandbox.ClientFor(sandbox.TokenSource(store, connection));

        await client.GetMemberAsync();
        Assert.DoesNotContain(sandbox.Log.Lines, line => line.StartsWith("WARNING:", StringComparison.Ordinal));
        await sandbox.AdvanceAsync(TimeSpan.FromDays(4));
        await client.GetMemberAsync();

        Assert.Contains(sandbox.Log.Lines, line => line.StartsWith(
            "WARNING: Connection 'work' can be refreshed only until 2026-11-12 09:00 UTC, in 6 days: LinkedIn's refresh tokens last a year from sign-in and are not extended. Run Connect-LinkedIn -Name work",
            StringComparison.Ordinal));
        sandbox.Remember(store.Find("work")!);
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public void The_reconnect_command_fits_each_kind_of_connection()
    {
        var production = new StoredConnection { Name = "default", ClientId = "78abcdef" };
        var quoted = new StoredConnection { Name = "it's mine", ClientId = "78abcdef" };

        Assert.Equal("Connect-LinkedIn -Name default -ClientId 78abcdef", ConnectionTokenSource.ReconnectCommand(production));
        Assert.Equal("Connect-LinkedIn -Name 'it''s mine' -ClientId 78abcdef", ConnectionTokenSource.ReconnectCommand(quoted));
        Assert.Equal(LinkedInEndpoints.ProductionApiBase, production.ApiBase);
    }

    [Fact]
    public async Task A_store_held_by_another_process_refreshing_slowly_leaves_a_token_that_is_still_valid_in_use()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(Refreshable);
        var connection = await sandbox.SignInAsync();
        // Two processes on one store file, each waiting 1 s for its lock (60 s in the module; a refresh may take minutes).
        var first = new PlainFileConnectionStore(sandbox.DataFolder, TimeSpan.FromSeconds(1));
        var second = new PlainFileConnectionStore(sandbox.DataFolder, TimeSpan.FromSeconds(1));
        first.Save(connection);
        using var slow = sandbox.ClientFor(sandbox.TokenSource(first, first.Find("work")!));
        using var waiting = sandbox.ClientFor(sandbox.TokenSource(second, second.Find("work")!));
        await sandbox.AdvanceAsync(TimeSpan.FromMinutes(55)); // 5 minutes left: due for a refresh, still valid
        await sandbox.Admin.AddFaultAsync(new LinkedInPosts.Sandbox.SandboxFault { Method = "POST", Path = "/oauth/v2/accessToken", DelayMilliseconds = 3000, Count = 1 });

        var refreshing = slow.GetMemberAsync();
        await Task.Delay(500);
        var member = await waiting.GetMemberAsync(); // before, LinkedInTokenStoreException (Locked)
        await refreshing;

        Assert.False(string.IsNullOrEmpty(member.Urn));
        Assert.Contains(sandbox.Log.Lines, line => line.StartsWith("WARNING: Connection 'work' could not be refreshed, so it goes on with its current token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refresh_whose_new_token_cannot_be_saved_is_used_by_this_command_with_a_warning_instead_of_failing_it()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(Refreshable);
        var connection = await sandbox.SignInAsync();
        var real = sandbox.Store();
        real.Save(connection);
        var store = new WriteFailsAfterTheUpdate(real);
        using var client = sandbox.ClientFor(sandbox.TokenSource(store, real.Find("work")!));
        await sandbox.AdvanceAsync(TimeSpan.FromMinutes(55));

        await client.GetMemberAsync(); // before, the store's error: a new token in hand and the old one still valid

        Assert.Equal(2, (await sandbox.RequestsAsync("POST", "/oauth/v2/accessToken")).Count); // sign-in, refresh
        Assert.Contains(sandbox.Log.Lines, line => line.StartsWith("WARNING: Connection 'work' was refreshed, but the new token could not be saved", StringComparison.Ordinal));
        // The next call has the new token, good for an hour: no second refresh, as the old token (due) would need.
        await client.GetMemberAsync();
        Assert.Equal(2, (await sandbox.RequestsAsync("POST", "/oauth/v2/accessToken")).Count);
    }

    /// <summary>
    /// A store whose write fails after the update ran, as a full disk or a locked keyring makes the real one fail (which
    /// cannot be made to happen here for root, who may write anywhere): the refresh is made, then the store's error.
    /// </summary>
    private sealed class WriteFailsAfterTheUpdate : IConnectionStore
    {
        private readonly IConnectionStore _inner;

        public WriteFailsAfterTheUpdate(IConnectionStore inner) => _inner = inner;

        public string Description => _inner.Description;

        public bool IsProtected => _inner.IsProtected;

        public IReadOnlyList<StoredConnection> Load() => _inner.Load();

        public StoredConnection? Find(string name) => _inner.Find(name);

        public void Save(StoredConnection connection) => _inner.Save(connection);

        public bool Delete(string name) => _inner.Delete(name);

        public async Task<StoredConnection> UpdateAsync(string name, Func<StoredConnection, CancellationToken, Task<StoredConnection>> update, CancellationToken cancellationToken)
        {
            await update(_inner.Find(name)!, cancellationToken);
            throw new LinkedInTokenStoreException(TokenStoreFailure.Unavailable, "The token store could not be written (IOException: No space left on device).");
        }
    }
}
