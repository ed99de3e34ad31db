using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>Every way a sign-in fails, each with its reason, its ErrorId and what the message tells the user.</summary>
public sealed class SignInFailureTests
{
    [Theory]
    [InlineData(SandboxConsent.Cancel, "user_cancelled_authorize", "consent")]
    [InlineData(SandboxConsent.CancelLogin, "user_cancelled_login", "sign-in")]
    public async Task Cancelling_on_LinkedIn_is_a_cancelled_sign_in(SandboxConsent consent, string error, string page)
    {
        await using var sandbox = await OAuthSandbox.StartAsync(consent: consent);

        var exception = await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync());

        Assert.Equal(SignInFailureReason.Cancelled, exception.Reason);
        Assert.Equal("LinkedInSignInCancelled", exception.ErrorId);
        Assert.Equal(error, exception.OAuthError);
        Assert.Contains($"cancelled on LinkedIn's {page} page", exception.Message);
        Assert.Contains("Connect-LinkedIn", exception.Message);
        Assert.Contains(error, sandbox.Browser.CallbackPage); // the browser was told too
        Assert.Empty(await sandbox.RequestsAsync("POST", "/oauth/v2/accessToken"));
    }

    [Fact]
    public async Task A_tampered_state_is_refused_and_its_code_is_never_exchanged()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        sandbox.Browser.Tamper = location => TestBrowser.WithParameter(location, "state", "forged-by-another-page");

        var exception = await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync());

        Assert.Equal(SignInFailureReason.StateMismatch, exception.Reason);
        Assert.Equal("LinkedInSignInStateMismatch", exception.ErrorId);
        Assert.Contains("does not belong to this sign-in", exception.Message);
        Assert.Empty(await sandbox.RequestsAsync("POST", "/oauth/v2/accessToken"));
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_times_out_and_says_to_check_the_registered_one()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        var request = sandbox.Request();
        request.RedirectUri = new Uri($"http://127.0.0.1:{OAuthSandbox.FreePort()}/callback");
        request.Timeout = TimeSpan.FromMilliseconds(600);

        var exception = await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync(request));

        Assert.Equal(400, sandbox.Browser.AuthorizationStatus); // LinkedIn's error page, and no redirect
        Assert.Contains("The redirect_uri does not match the registered value", sandbox.Browser.AuthorizationPage);
        Assert.Equal(SignInFailureReason.Timeout, exception.Reason);
        Assert.Equal("LinkedInSignInTimeout", exception.ErrorId);
        Assert.Contains(request.RedirectUri.AbsoluteUri, exception.Message);
        Assert.Contains("register exactly this redirect URL", exception.Message);
        Assert.Contains("-RedirectUri", exception.Message);
    }

    [Fact]
    public async Task A_scope_the_app_is_not_provisioned_for_is_named_with_its_product()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(app => app.Scopes = new[] { "openid", "profile", "w_member_social" });

        var exception = await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync(sandbox.Request(LinkedInScopes.MemberAndOrganizations)));

        Assert.Equal(SignInFailureReason.ScopeNotAuthorized, exception.Reason);
        Assert.Equal("LinkedInSignInScopeNotAuthorized", exception.ErrorId);
        Assert.Equal("unauthorized_scope_error", exception.OAuthError);
        Assert.Equal("w_organization_social", exception.Scope);
        Assert.Contains("'w_organization_social'", exception.Message);
        Assert.Contains("Community Management API", exception.Message);
        Assert.Contains(sandbox.App.ClientId, exception.Message);
    }

    [Fact]
    public async Task An_invalid_code_is_rejected_at_the_exchange()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        sandbox.Browser.Tamper = location => TestBrowser.WithParameter(location, "code", "AQTnotAcodeLinkedInIssued");

        var exception = await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync());

        Assert.Equal(SignInFailureReason.CodeRejected, exception.Reason);
        Assert.Equal("LinkedInSignInCodeRejected", exception.ErrorId);
        Assert.Equal(400, exception.HttpStatus);
        Assert.Equal("POST /oauth/v2/accessToken", exception.Request);
        Assert.Contains("Run Connect-LinkedIn again", exception.Message);
        Assert.Contains($"redirect URI '{sandbox.RedirectUri.AbsoluteUri}' is registered exactly", exception.Message);
        Assert.Contains(sandbox.Log.Lines, line => line.StartsWith("VERBOSE: POST /oauth/v2/accessToken -> 400", StringComparison.Ordinal));
        sandbox.Secrets.Add("AQTnotAcodeLinkedInIssued");
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_wrong_client_secret_says_to_check_the_client_id_and_secret()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        var request = sandbox.Request();
        request.ClientSecret = "WrongSecret0123456789";
        sandbox.Secrets.Add(request.ClientSecret);

        var exception = await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync(request));

        Assert.Equal(SignInFailureReason.ClientRejected, exception.Reason);
        Assert.Equal("LinkedInSignInClientRejected", exception.ErrorId);
        Assert.Equal(401, exception.HttpStatus);
        Assert.Contains($"client id '{sandbox.App.ClientId}' or its client secret", exception.Message);
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_busy_port_fails_before_the_browser_opens()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        var squatter = new TcpListener(IPAddress.Loopback, sandbox.Port);
        squatter.Start();
        try
        {
            var exception = await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync());

            Assert.Equal(SignInFailureReason.PortUnavailable, exception.Reason);
            Assert.Equal("LinkedInSignInPortUnavailable", exception.ErrorId);
            Assert.Contains($"port {sandbox.Port}", exception.Message);
            Assert.Contains("-RedirectUri", exception.Message);
            Assert.Equal(0, sandbox.Browser.Opened);
        }
        finally
        {
            squatter.Stop();
        }
    }

    [Fact]
    public async Task No_answer_in_time_is_a_timeout()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        sandbox.Browser.FollowsRedirect = false;
        var request = sandbox.Request();
        request.Timeout = TimeSpan.FromMilliseconds(300);
        var watch = Stopwatch.StartNew();

        var exception = await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync(request));

        Assert.Equal(SignInFailureReason.Timeout, exception.Reason);
        Assert.Contains("within 0.3 s", exception.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(1, sandbox.Browser.Opened);
    }

    [Fact]
    public async Task Cancelling_stops_the_listener_promptly_and_frees_the_port()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        using var cancel = new CancellationTokenSource();
        var request = sandbox.Request();
        request.Timeout = TimeSpan.FromMinutes(5);
        var watch = Stopwatch.StartNew();

        var signIn = sandbox.Flow().SignInAsync(request, _ =>
        {
            cancel.CancelAfter(TimeSpan.FromMilliseconds(100)); // Ctrl+C while the member is on LinkedIn's page
            return Task.CompletedTask;
        }, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => signIn);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        var again = new TcpListener(IPAddress.Loopback, sandbox.Port);
        again.Start(); // the port is free again
        again.Stop();
    }

    [Theory]
    [InlineData("https://127.0.0.1:8400/callback", "uses https")]
    [InlineData("http://example.com:8400/callback", "not at this machine")]
    [InlineData("http://0.0.0.0:8400/callback", "not at this machine")]
    [InlineData("http://192.168.1.20:8400/callback", "not at this machine")]
    public async Task Redirect_uris_that_cannot_reach_this_machine_are_refused_before_anything_starts(string redirect, string said)
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        var request = sandbox.Request();
        request.RedirectUri = new Uri(redirect);

        var exception = await sandbox.FailsWithAsync<LinkedInSignInException>(() => sandbox.SignInAsync(request));

        Assert.Equal(SignInFailureReason.RedirectUriNotSupported, exception.Reason);
        Assert.Contains(said, exception.Message);
        Assert.Contains("http://127.0.0.1:8400/callback", exception.Message);
        Assert.Equal(0, sandbox.Browser.Opened);
    }

    [Fact]
    public async Task A_missing_client_secret_without_pkce_is_an_argument_error()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        var request = sandbox.Request();
        request.ClientSecret = null;

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => sandbox.SignInAsync(request));

        Assert.Contains("client secret is required", exception.Message);
        Assert.Equal(0, sandbox.Browser.Opened);
    }
}
