namespace LinkedInPosts.Sandbox.Hosting;

/// <summary>
/// Replaces the console lifetime, so a sandbox hosted inside a test run does not hook Ctrl+C or
/// SIGTERM; whoever owns the <see cref="SandboxServer"/> decides when it stops (the standalone
/// program handles Ctrl+C itself).
/// </summary>
internal sealed class NoOpHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
