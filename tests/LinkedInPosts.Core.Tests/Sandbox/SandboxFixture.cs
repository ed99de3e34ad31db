using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>
/// One sandbox per test class on a free loopback port, so classes run in parallel while the tests of
/// a class share a server (each test resets it first). The clock starts at a fixed instant so every
/// time-dependent rule is deterministic.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    /// <summary>When the sandbox clock starts; version 202611 is active then.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private SandboxServer? _server;
    private HttpClient? _http;
    private HttpClient? _browser;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>A plain client for the API under test; nothing LinkedIn-specific is configured on it.</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>
    /// A client that does not follow redirects, like a browser whose 302 a test wants to read: the
    /// authorization endpoint redirects to 127.0.0.1:8400, where nothing listens.
    /// </summary>
    public HttpClient Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { StartTime = StartTime });
        _http = new HttpClient { BaseAddress = _server.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: true)
        {
            BaseAddress = _server.BaseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        _browser?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
