using LinkedInPosts.PowerShell.Tests.Hosting;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>One in-process sandbox (real HTTP on a free loopback port) shared by the behaviour tests.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public static readonly string[] AllScopes = { "w_member_social", "r_member_social", "openid", "profile" };

    private SandboxServer? _server;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox is not started.");

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions());

    public async Task DisposeAsync()
    {
        if (_server != null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>
/// The behaviour tests share one sandbox and its request log, so they run one after another; each
/// test makes its own member and token, so their posts never mix.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "Sandbox";
}

/// <summary>
/// Base of the behaviour tests: a fresh PowerShell session with the built module imported, a fresh
/// sandbox member with an all-scopes token, and a check after every test that the token never showed
/// up in anything PowerShell produced.
/// </summary>
[Collection(SandboxCollection.Name)]
public abstract class CmdletTestBase : IAsyncLifetime
{
    private readonly List<string> _secrets = new();
    private readonly List<PowerShellSession> _sessions = new();

    protected CmdletTestBase(SandboxFixture sandbox)
    {
        Sandbox = sandbox.Server;
        PowerShell = NewSession();
    }

    /// <summary>A short name unique to this test, for connection names (the token store is shared by the run).</summary>
    protected string TestName { get; } = "t" + Guid.NewGuid().ToString("N")[..8];

    protected SandboxServer Sandbox { get; }

    protected PowerShellSession PowerShell { get; }

    protected SandboxMember Member { get; private set; } = new();

    protected string Token { get; private set; } = string.Empty;

    public virtual async Task InitializeAsync()
    {
        TestEnvironment.ResetTokenStore();
        Member = await Sandbox.Admin.CreateMemberAsync("Ada Ops " + Guid.NewGuid().ToString("N")[..6]);
        Token = await NewTokenAsync(SandboxFixture.AllScopes);
        PowerShell.SetVariable("Token", PowerShellSession.Secure(Token));
    }

    /// <summary>
    /// Another session with the module imported (another host, or a scheduled task's fresh process); its
    /// transcript is checked for secrets after the test too.
    /// </summary>
    protected PowerShellSession NewSession()
    {
        var session = PowerShellSession.Start();
        session.SetVariable("SandboxUri", Sandbox.BaseUri);
        _sessions.Add(session);
        return session;
    }

    /// <summary>Adds a value that must never appear in anything PowerShell produced.</summary>
    protected void AddSecret(string secret) => _secrets.Add(secret);

    /// <summary>Where the store is the opted-in plain file (Linux tests), every use warns that it is not protected.</summary>
    protected static void AssertPlainTextStoreWarning(PowerShellRun run)
    {
        if (TestEnvironment.UsesPlainTextStore)
        {
            Assert.Contains(run.Warnings, w => w.Contains("plain-text file", StringComparison.Ordinal) && w.Contains("NOT in a protected store", StringComparison.Ordinal));
        }
    }

    /// <summary>A token for <see cref="Member"/>; it is added to the secrets checked after the test.</summary>
    protected async Task<string> NewTokenAsync(params string[] scopes)
    {
        var token = await Sandbox.Admin.CreateTokenAsync(Member.Urn, scopes);
        _secrets.Add(token);
        return token;
    }

    /// <summary>Connects the session's default connection to the sandbox with a new token of only <paramref name="scopes"/>.</summary>
    protected async Task ConnectWithScopesAsync(params string[] scopes)
    {
        PowerShell.SetVariable("ScopedToken", PowerShellSession.Secure(await NewTokenAsync(scopes)));
        PowerShell.Run("Connect-LinkedIn -AccessToken $ScopedToken -ApiBaseUri $SandboxUri").AssertNoErrors();
    }

    /// <summary>Connects the session's default connection to the sandbox with the all-scopes token.</summary>
    protected PowerShellRun Connect(string extra = "")
    {
        var run = PowerShell.Run("Connect-LinkedIn -AccessToken $Token -ApiBaseUri $SandboxUri " + extra);
        run.AssertNoErrors();
        return run;
    }

    /// <summary>How many API requests the sandbox has seen so far (to look only at later ones).</summary>
    protected async Task<int> RequestCountAsync() => (await Sandbox.Admin.GetRequestsAsync()).Count;

    /// <summary>The API requests seen since <paramref name="start"/>.</summary>
    protected async Task<IReadOnlyList<SandboxRequestRecord>> RequestsSinceAsync(int start) =>
        (await Sandbox.Admin.GetRequestsAsync()).Skip(start).ToList();

    protected static object? Property(System.Management.Automation.PSObject item, string name) => item.Properties[name]?.Value;

    public virtual Task DisposeAsync()
    {
        try
        {
            foreach (var session in _sessions)
            {
                var transcript = session.Transcript;
                foreach (var secret in _secrets)
                {
                    Assert.False(transcript.Contains(secret, StringComparison.Ordinal),
                        "A secret (token, code or client secret) appeared in PowerShell's output, streams, errors or host text.");
                }
            }
        }
        finally
        {
            foreach (var session in _sessions)
            {
                session.Dispose();
            }
        }
        return Task.CompletedTask;
    }
}
