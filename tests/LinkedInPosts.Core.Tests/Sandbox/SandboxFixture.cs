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

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>A plain client for the API under test; nothing LinkedIn-specific is configured on it.</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { StartTime = StartTime });
        _http = new HttpClient { BaseAddress = _server.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
