using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using LinkedInPosts.PowerShell.Tests.Hosting;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// Behaviour tests of the OAuth sign-in: the test registers an app in the sandbox, starts Connect-LinkedIn
/// asynchronously with -NoBrowser, and plays the browser: it reads the printed sign-in URL, asks the
/// sandbox's authorization endpoint (as the signed-in member's browser, without following redirects) and
/// delivers the answer to the cmdlet's loopback listener. Every client secret, code and token involved is
/// checked never to appear in anything PowerShell produced.
/// </summary>
public abstract class SignInTestBase : CmdletTestBase
{
    private TimeSpan _clockShift = TimeSpan.Zero;

    protected SignInTestBase(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    protected static readonly string[] MemberScopes = { "openid", "profile", "w_member_social" };

    protected static readonly string[] PageScopes =
        { "openid", "profile", "w_member_social", "w_organization_social", "r_organization_social", "rw_organization_admin" };

    /// <summary>A browser that does not follow redirects, so each hop is the test's to make (and to tamper with).</summary>
    protected static readonly HttpClient Browser = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    /// <summary>A loopback port nobody listens on now.</summary>
    protected static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Registers an app whose redirect URL is on a free port, and puts its id, secret and redirect in $ClientId, $ClientSecret, $Redirect.</summary>
    protected async Task<SandboxApp> CreateAppAsync(bool refreshTokens = false, bool pkce = false, IReadOnlyList<string>? scopes = null, TimeSpan? accessLifetime = null, PowerShellSession? session = null)
    {
        var redirect = $"http://127.0.0.1:{FreePort()}/callback";
        var app = await Sandbox.Admin.CreateAppAsync(new SandboxAppOptions
        {
            RedirectUris = new[] { redirect },
            Scopes = scopes ?? PageScopes,
            RefreshTokens = refreshTokens,
            Pkce = pkce,
            AccessTokenLifetime = accessLifetime,
        });
        AddSecret(app.ClientSecret);
        foreach (var target in new[] { PowerShell, session }.Where(s => s != null))
        {
            target!.SetVariable("ClientId", app.ClientId);
            target.SetVariable("ClientSecret", PowerShellSession.Secure(app.ClientSecret));
            target.SetVariable("Redirect", redirect);
        }
        return app;
    }

    /// <summary>The sandbox's browser: <see cref="CmdletTestBase.Member"/> is signed in and decides so.</summary>
    protected Task BrowserDecidesAsync(SandboxConsent decision = SandboxConsent.Approve, SandboxMember? member = null) =>
        Sandbox.Admin.SetAuthorizationAsync((member ?? Member).Urn, decision);

    /// <summary>Starts a sign-in of connection <paramref name="name"/> with the app in $ClientId/$ClientSecret/$Redirect.</summary>
    protected RunningCommand StartSignIn(string name, string extra = "", PowerShellSession? session = null) =>
        (session ?? PowerShell).Start(
            $"Connect-LinkedIn -ClientId $ClientId -ClientSecret $ClientSecret -ApiBaseUri $SandboxUri -RedirectUri $Redirect -NoBrowser -Name {name} {extra}");

    /// <summary>
    /// Opens the printed sign-in URL as the browser would and returns where LinkedIn sends the browser
    /// back (the redirect with code or error), without going there yet. Null when LinkedIn showed a page instead.
    /// </summary>
    protected async Task<Uri?> AuthorizeAsync(RunningCommand command)
    {
        var url = await command.AuthorizationUrlAsync();
        Assert.Equal(Sandbox.BaseUri + "oauth/v2/authorization", url.GetLeftPart(UriPartial.Path));
        using var answer = await Browser.GetAsync(url);
        if (answer.StatusCode != HttpStatusCode.Found)
        {
            return null;
        }
        var location = answer.Headers.Location!;
        var code = System.Web.HttpUtility.ParseQueryString(location.Query)["code"];
        if (code != null)
        {
            AddSecret(code);
        }
        return location;
    }

    /// <summary>Follows the redirect to the cmdlet's loopback listener and returns the page it shows.</summary>
    protected static async Task<string> DeliverAsync(Uri location)
    {
        using var page = await Browser.GetAsync(location);
        return await page.Content.ReadAsStringAsync();
    }

    /// <summary>A whole approved sign-in: authorize, deliver, end. Fails on any error.</summary>
    protected async Task<PowerShellRun> SignInAsync(string name, string extra = "", PowerShellSession? session = null)
    {
        using var command = StartSignIn(name, extra, session);
        var location = await AuthorizeAsync(command);
        Assert.NotNull(location);
        await DeliverAsync(location!);
        var run = command.End();
        run.AssertNoErrors();
        TrackStoredSecrets();
        return run;
    }

    /// <summary>Adds every token and secret now in the store's plain-text file to the secrets checked after the test.</summary>
    protected void TrackStoredSecrets()
    {
        if (!File.Exists(TestEnvironment.PlainTextFile))
        {
            return;
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(TestEnvironment.PlainTextFile));
        foreach (var connection in document.RootElement.GetProperty("connections").EnumerateArray())
        {
            foreach (var secret in new[] { "accessToken", "refreshToken", "clientSecret" })
            {
                if (connection.TryGetProperty(secret, out var value) && value.GetString() is { Length: > 0 } text)
                {
                    AddSecret(text);
                }
            }
        }
    }

    /// <summary>Moves the sandbox's clock and the module's clock in <paramref name="sessions"/> by <paramref name="by"/>; undone after the test.</summary>
    protected async Task ShiftClocksAsync(TimeSpan by, params PowerShellSession[] sessions)
    {
        await Sandbox.Admin.AdvanceClockAsync(by);
        _clockShift += by;
        foreach (var session in sessions.DefaultIfEmpty(PowerShell))
        {
            SetModuleClockOffset(session, _clockShift);
        }
    }

    /// <summary>
    /// Gives a runspace the module's internal clock offset (the test seam ModuleClock.SetOffset of the
    /// assembly PowerShell loaded from out/LinkedInPosts, reached by reflection: the tests do not compile
    /// against the module).
    /// </summary>
    protected static void SetModuleClockOffset(PowerShellSession session, TimeSpan offset)
    {
        var module = AppDomain.CurrentDomain.GetAssemblies()
            .Single(a => !a.IsDynamic && a.GetName().Name == "LinkedInPosts" && Path.GetFullPath(a.Location) == Path.GetFullPath(RepoPaths.ModuleAssembly));
        var clock = module.GetType("LinkedInPosts.PowerShell.Infrastructure.ModuleClock", throwOnError: true)!;
        clock.GetMethod("SetOffset", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { session.Runspace, offset });
    }

    /// <summary>The OAuth and REST requests the sandbox saw since <paramref name="start"/>, as "METHOD /path".</summary>
    protected async Task<IReadOnlyList<string>> CallsSinceAsync(int start) =>
        (await RequestsSinceAsync(start)).Select(r => r.Method + " " + r.Path.Split('?')[0]).ToList();

    public override async Task DisposeAsync()
    {
        if (_clockShift != TimeSpan.Zero)
        {
            await Sandbox.Admin.AdvanceClockAsync(-_clockShift);
        }
        await base.DisposeAsync();
    }
}
