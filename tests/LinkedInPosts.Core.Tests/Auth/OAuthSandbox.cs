using System.Net;
using System.Net.Sockets;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Tests.Api;
using LinkedInPosts.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>
/// One sandbox per test with a member (who has two pages), an OAuth app whose redirect URL is a free
/// loopback port, the member signed in to the emulated browser, a test clock that moves with the
/// sandbox's, a recording log, a data folder for the plain-file store, and every secret seen so far.
/// </summary>
internal sealed class OAuthSandbox : IAsyncDisposable
{
    public static readonly DateTimeOffset StartTime = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    public const string Contoso = "urn:li:organization:4242";
    public const string Fabrikam = "urn:li:organization:5151";

    private readonly TempDataFolder _folder = new();

    private OAuthSandbox(SandboxServer server, SandboxMember member, int port)
    {
        Server = server;
        Member = member;
        Port = port;
        RedirectUri = new Uri($"http://127.0.0.1:{port}/callback");
        Browser = new TestBrowser(this);
    }

    public SandboxServer Server { get; }

    public SandboxAdminClient Admin => Server.Admin;

    public SandboxMember Member { get; }

    public SandboxApp App { get; private set; } = null!;

    /// <summary>The port of the app's registered redirect URL.</summary>
    public int Port { get; }

    public Uri RedirectUri { get; }

    public FakeTimeProvider Clock { get; } = new(StartTime);

    public RecordingLog Log { get; } = new();

    public TestBrowser Browser { get; }

    public string DataFolder => _folder.Path;

    /// <summary>Every secret that crossed the test: client secret, codes, verifiers, tokens.</summary>
    public List<string> Secrets { get; } = new();

    /// <summary>The PKCE verifier of the last sign-in that used one.</summary>
    public string? LastVerifier { get; private set; }

    /// <summary>Every exception message (and inner ones) a test saw, to check for secrets.</summary>
    public List<string> Messages { get; } = new();

    public static async Task<OAuthSandbox> StartAsync(Action<SandboxAppOptions>? app = null, SandboxConsent consent = SandboxConsent.Approve)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { StartTime = StartTime });
        var member = await server.Admin.CreateMemberAsync("Ada Lovelace", new[]
        {
            new SandboxOrganizationRole(Contoso, "Contoso", "ADMINISTRATOR"),
            new SandboxOrganizationRole(Fabrikam, "Fabrikam Ops", "ANALYST"),
        });
        var sandbox = new OAuthSandbox(server, member, FreePort());
        var options = new SandboxAppOptions
        {
            Name = "LinkedInPosts tests",
            RedirectUris = new[] { sandbox.RedirectUri.AbsoluteUri },
            Scopes = new[] { "openid", "profile", "email", "w_member_social", "w_organization_social", "r_organization_social", "rw_organization_admin" },
        };
        app?.Invoke(options);
        sandbox.App = await server.Admin.CreateAppAsync(options);
        sandbox.Secrets.Add(sandbox.App.ClientSecret);
        await server.Admin.SetAuthorizationAsync(member.Urn, consent);
        return sandbox;
    }

    public LinkedInClientOptions Options() => new()
    {
        Endpoints = LinkedInEndpoints.ForSandbox(Server.BaseUri),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RequestTimeout = TimeSpan.FromSeconds(10),
        Log = Log,
        Clock = Clock,
    };

    public AuthorizationCodeFlow Flow()
    {
        var flow = new AuthorizationCodeFlow(Options()) { FreshTokenRetryDelay = TimeSpan.FromMilliseconds(20) };
        flow.CreatePkce = () =>
        {
            var pair = PkcePair.Create();
            lock (Secrets)
            {
                Secrets.Add(pair.Verifier);
            }
            LastVerifier = pair.Verifier;
            return pair;
        };
        return flow;
    }

    public SignInRequest Request(IReadOnlyList<string>? scopes = null) => new()
    {
        ConnectionName = "work",
        ClientId = App.ClientId,
        ClientSecret = App.ClientSecret,
        RedirectUri = RedirectUri,
        Scopes = scopes ?? LinkedInScopes.Member,
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Signs in with the test browser and keeps the connection's tokens as secrets.</summary>
    public async Task<StoredConnection> SignInAsync(SignInRequest? request = null)
    {
        var connection = await Flow().SignInAsync(request ?? Request(), Browser.OpenAsync);
        Remember(connection);
        return connection;
    }

    public void Remember(StoredConnection connection)
    {
        lock (Secrets)
        {
            Secrets.Add(connection.AccessToken);
            if (connection.RefreshToken != null)
            {
                Secrets.Add(connection.RefreshToken);
            }
        }
    }

    /// <summary>Runs <paramref name="action"/>, expects <typeparamref name="T"/>, and keeps its messages for the secrets check.</summary>
    public async Task<T> FailsWithAsync<T>(Func<Task> action) where T : Exception
    {
        var exception = await Assert.ThrowsAsync<T>(action);
        Keep(exception);
        return exception;
    }

    public void Keep(Exception exception)
    {
        lock (Messages)
        {
            for (var e = (Exception?)exception; e != null; e = e.InnerException)
            {
                Messages.Add(e.Message);
            }
            Messages.Add(exception.ToString());
        }
    }

    /// <summary>A plain-file store on the test's data folder (a new instance is another "process" on the same file).</summary>
    public PlainFileConnectionStore Store() => new(DataFolder, TimeSpan.FromSeconds(20));

    public ConnectionTokenSource TokenSource(IConnectionStore store, StoredConnection connection) => new(store, connection, Options());

    public LinkedInClient ClientFor(IAccessTokenSource tokens)
    {
        var options = Options();
        options.MaxRetries = 0;
        return new LinkedInClient(tokens, options);
    }

    /// <summary>Moves the sandbox clock and the test clock together.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await Admin.AdvanceClockAsync(by);
        Clock.Advance(by);
    }

    public async Task<IReadOnlyList<SandboxRequestRecord>> RequestsAsync(string method, string pathPrefix) =>
        (await Admin.GetRequestsAsync()).Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>No secret in any log line or kept message.</summary>
    public void AssertNoSecretLeaked()
    {
        var texts = Log.Lines.Concat(Messages).ToList();
        Assert.NotEmpty(texts);
        foreach (var secret in Secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct())
        {
            var leak = texts.FirstOrDefault(t => t.Contains(secret, StringComparison.Ordinal) || t.Contains(Uri.EscapeDataString(secret), StringComparison.Ordinal));
            Assert.True(leak == null, $"A secret of {secret.Length} characters appears in: {leak}");
        }
    }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>
/// Plays the member's browser: GETs the authorization URL without following redirects, reads the 302's
/// Location (optionally tampered with) and GETs it, which reaches the module's loopback listener.
/// </summary>
internal sealed class TestBrowser : IDisposable
{
    private readonly OAuthSandbox _sandbox;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(10) };

    public TestBrowser(OAuthSandbox sandbox) => _sandbox = sandbox;

    /// <summary>Changes the redirect before it is followed (state or code tampering).</summary>
    public Func<Uri, Uri>? Tamper { get; set; }

    /// <summary>When false the browser is opened but nobody signs in.</summary>
    public bool FollowsRedirect { get; set; } = true;

    public Uri? AuthorizationUri { get; private set; }

    public int? AuthorizationStatus { get; private set; }

    public string? AuthorizationPage { get; private set; }

    public int? CallbackStatus { get; private set; }

    public string? CallbackPage { get; private set; }

    public int Opened { get; private set; }

    public async Task OpenAsync(Uri authorizationUri)
    {
        Opened++;
        AuthorizationUri = authorizationUri;
        if (!FollowsRedirect)
        {
            return;
        }
        using var response = await _http.GetAsync(authorizationUri);
        AuthorizationStatus = (int)response.StatusCode;
        if (response.StatusCode != HttpStatusCode.Found)
        {
            AuthorizationPage = await response.Content.ReadAsStringAsync();
            return;
        }
        var location = response.Headers.Location!;
        if (Query(location).TryGetValue("code", out var code))
        {
            lock (_sandbox.Secrets)
            {
                _sandbox.Secrets.Add(code);
            }
        }
        if (Tamper != null)
        {
            location = Tamper(location);
        }
        using var callback = await _http.GetAsync(location);
        CallbackStatus = (int)callback.StatusCode;
        CallbackPage = await callback.Content.ReadAsStringAsync();
    }

    public static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

    /// <summary>The same URL with one query parameter replaced.</summary>
    public static Uri WithParameter(Uri uri, string name, string value)
    {
        var query = Query(uri);
        query[name] = value;
        var builder = new UriBuilder(uri) { Query = string.Join("&", query.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value))) };
        return builder.Uri;
    }

    public void Dispose() => _http.Dispose();
}
