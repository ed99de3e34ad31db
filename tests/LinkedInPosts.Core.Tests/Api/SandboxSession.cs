using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Diagnostics;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Api;

/// <summary>
/// A fresh sandbox on a free loopback port with one member, a token and a client, per test:
/// fault injection and the request log are per sandbox, so tests cannot disturb each other.
/// </summary>
internal sealed class SandboxSession : IAsyncDisposable
{
    public static readonly string[] AllMemberScopes = { "openid", "profile", "email", "w_member_social", "r_member_social", "w_organization_social", "r_organization_social" };
    public const string OrganizationUrn = "urn:li:organization:4242";

    private SandboxSession(SandboxServer server, SandboxMember member, string token, LinkedInClient client, RecordingLog log)
    {
        Server = server;
        Member = member;
        Token = token;
        Client = client;
        Log = log;
    }

    public SandboxServer Server { get; }

    public SandboxAdminClient Admin => Server.Admin;

    public SandboxMember Member { get; }

    public LinkedInPosts.Core.Content.LinkedInUrn MemberUrn => LinkedInPosts.Core.Content.LinkedInUrn.Parse(Member.Urn);

    public string Token { get; }

    public LinkedInClient Client { get; private set; }

    public RecordingLog Log { get; }

    public static async Task<SandboxSession> StartAsync(IEnumerable<string>? scopes = null, string organizationRole = "ADMINISTRATOR", Action<LinkedInClientOptions>? configure = null, SandboxOptions? sandboxOptions = null)
    {
        var server = await SandboxServer.StartAsync(sandboxOptions ?? new SandboxOptions());
        var member = await server.Admin.CreateMemberAsync("Ada Lovelace", new[] { new SandboxOrganizationRole(OrganizationUrn, "Contoso", organizationRole) });
        var token = await server.Admin.CreateTokenAsync(member.Urn, scopes ?? AllMemberScopes);
        var log = new RecordingLog();
        var client = CreateClient(server, token, log, configure);
        return new SandboxSession(server, member, token, client, log);
    }

    /// <summary>A client for this sandbox with another token or options (the caller disposes it).</summary>
    public LinkedInClient ClientWith(string token, Action<LinkedInClientOptions>? configure = null) => CreateClient(Server, token, Log, configure);

    private static LinkedInClient CreateClient(SandboxServer server, string token, ILinkedInLog log, Action<LinkedInClientOptions>? configure)
    {
        var options = new LinkedInClientOptions
        {
            Endpoints = LinkedInEndpoints.ForSandbox(server.BaseUri),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RequestTimeout = TimeSpan.FromSeconds(10),
            Log = log,
        };
        configure?.Invoke(options);
        return new LinkedInClient(new StaticAccessTokenSource(token), options) { ResendDelay = TimeSpan.FromMilliseconds(20) };
    }

    /// <summary>Requests the sandbox saw for one method and path prefix.</summary>
    public async Task<IReadOnlyList<SandboxRequestRecord>> RequestsAsync(string method, string pathPrefix) =>
        (await Admin.GetRequestsAsync()).Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Keeps what Core logged, to assert on it (and that no secret is in it).</summary>
internal sealed class RecordingLog : ILinkedInLog
{
    private readonly List<string> _lines = new();

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    public void Verbose(string message)
    {
        lock (_lines)
        {
            _lines.Add("VERBOSE: " + message);
        }
    }

    public void Warning(string message)
    {
        lock (_lines)
        {
            _lines.Add("WARNING: " + message);
        }
    }
}
