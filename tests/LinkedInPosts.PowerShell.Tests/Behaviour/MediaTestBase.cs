using LinkedInPosts.PowerShell.Tests.Hosting;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// Base of the media and rich-post tests: real files in a temporary folder of the test, and the
/// sandbox processing uploads at once (its defaults, 2 s for images and documents and 10 s for videos,
/// would only make the uploader poll), put back after the test.
/// </summary>
public abstract class MediaTestBase : CmdletTestBase
{
    private static readonly (SandboxMediaKind Kind, TimeSpan Time)[] DefaultProcessingTimes =
    {
        (SandboxMediaKind.Image, TimeSpan.FromSeconds(2)),
        (SandboxMediaKind.Document, TimeSpan.FromSeconds(2)),
        (SandboxMediaKind.Video, TimeSpan.FromSeconds(10)),
    };

    protected MediaTestBase(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    /// <summary>The test's files (PNG, PDF, MP4) in a folder of its own.</summary>
    protected TestMediaFiles Files { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (kind, _) in DefaultProcessingTimes)
        {
            await Sandbox.Admin.SetProcessingTimeAsync(kind, TimeSpan.Zero);
        }
    }

    /// <summary>Sets the runspace's current location (what Set-Location does; Set-Location's module is not in this engine).</summary>
    protected void SetLocation(PowerShellSession session, string path) =>
        session.Run("$null = $ExecutionContext.SessionState.Path.SetLocation($args[0])", path).AssertNoErrors();

    /// <summary>The uploads (PUTs of bytes) and API calls among <paramref name="requests"/>.</summary>
    protected static IReadOnlyList<SandboxRequestRecord> Uploads(IEnumerable<SandboxRequestRecord> requests) =>
        requests.Where(r => r.Method == "PUT" && r.Path.StartsWith("/sandbox-uploads/", StringComparison.Ordinal)).ToList();

    public override async Task DisposeAsync()
    {
        try
        {
            await Sandbox.Admin.ClearFaultsAsync();
            foreach (var (kind, time) in DefaultProcessingTimes)
            {
                await Sandbox.Admin.SetProcessingTimeAsync(kind, time);
            }
        }
        finally
        {
            Files.Dispose();
            await base.DisposeAsync();
        }
    }
}
