using LinkedInPosts.Sandbox.Hosting;
using LinkedInPosts.Sandbox.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace LinkedInPosts.Sandbox;

/// <summary>
/// A running sandbox: LinkedIn's REST API emulated on 127.0.0.1, plus the /sandbox admin API.
/// Tests start one on a free port and talk to it over real HTTP.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxState _state;

    private SandboxServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        _state = app.Services.GetRequiredService<SandboxState>();
        BaseUri = baseUri;
        Admin = new SandboxAdminClient(baseUri);
    }

    /// <summary>Where the sandbox listens, e.g. <c>http://127.0.0.1:5155/</c>; use it as the API base.</summary>
    public Uri BaseUri { get; }

    /// <summary>Typed access to the admin API of this server.</summary>
    public SandboxAdminClient Admin { get; }

    /// <summary>Starts Kestrel on 127.0.0.1 only (never another interface) and returns once it listens.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be 0 (any free port) or 1-65535.");
        }
        if (options.MemberDailyLimit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MemberDailyLimit, "MemberDailyLimit cannot be negative.");
        }
        var app = SandboxHost.Build(options);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.ToList();
        var baseUris = addresses.Select(a => new Uri(a.TrimEnd('/') + "/")).ToList();
        // A second line of defence for the loopback-only promise: refuse to run if anything else got bound.
        if (baseUris.Count != 1 || baseUris[0].Host != "127.0.0.1")
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            throw new InvalidOperationException("The sandbox must listen on 127.0.0.1 only, but bound: " + string.Join(", ", addresses));
        }
        return new SandboxServer(app, baseUris[0]);
    }

    /// <summary>Stops listening, releases the port and deletes the uploaded media's folder.</summary>
    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _state.Dispose();
    }
}
