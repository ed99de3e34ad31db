using LinkedInPosts.Core.Media;
using LinkedInPosts.Core.Tests.Api;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Media;

/// <summary>A sandbox session for media tests: processing times set, quick polling, a temp folder and an uploader.</summary>
internal sealed class MediaSandbox : IAsyncDisposable
{
    private MediaSandbox(SandboxSession session)
    {
        Session = session;
        Uploader = new MediaUploader(session.Client);
    }

    public SandboxSession Session { get; }

    public SandboxAdminClient Admin => Session.Admin;

    public TempFolder Folder { get; } = new();

    public MediaUploader Uploader { get; }

    /// <summary>Polls every 20 ms and gives up after 5 s, so a test never waits long.</summary>
    public static MediaUploadOptions Fast(int maxParallelParts = 4) => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        ProcessingTimeout = TimeSpan.FromSeconds(5),
        MaxParallelParts = maxParallelParts,
    };

    public static async Task<MediaSandbox> StartAsync(TimeSpan? processing = null, Action<Core.Api.LinkedInClientOptions>? configure = null)
    {
        var session = await SandboxSession.StartAsync(configure: configure);
        foreach (var kind in Enum.GetValues<SandboxMediaKind>())
        {
            await session.Admin.SetProcessingTimeAsync(kind, processing ?? TimeSpan.Zero);
        }
        return new MediaSandbox(session);
    }

    /// <summary>Uploads to the sandbox's upload URLs, in the order they arrived.</summary>
    public async Task<IReadOnlyList<SandboxRequestRecord>> UploadsAsync() => await Session.RequestsAsync("PUT", "/sandbox-uploads/");

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        Folder.Dispose();
    }
}

/// <summary>Keeps every progress report, from whichever thread it came.</summary>
internal sealed class RecordingProgress : IProgress<UploadProgress>
{
    private readonly List<UploadProgress> _reports = new();

    public IReadOnlyList<UploadProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToList();
            }
        }
    }

    public void Report(UploadProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}
