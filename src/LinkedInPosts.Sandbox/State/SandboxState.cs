namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// Everything the sandbox remembers. One lock (<see cref="Sync"/>) guards all stores, so a request sees
/// and changes a consistent state (e.g. the duplicate check and the insert are one step, and so are
/// redeeming a code and marking it used). Requests are short and nothing awaits while holding it: uploads
/// stream their bytes to <see cref="Files"/> outside the lock and take it only to look up and to commit.
/// </summary>
internal sealed class SandboxState : IDisposable
{
    public SandboxState(SandboxOptions options, TimeProvider realTime)
    {
        Clock = new SandboxClock(realTime, options.StartTime);
        Limits = new DailyLimits(options.MemberDailyLimit);
        Files = new MediaFiles(options.MediaRoot);
    }

    public object Sync { get; } = new();

    public SandboxClock Clock { get; }

    public MemberStore Members { get; } = new();

    public TokenStore Tokens { get; } = new();

    public PostStore Posts { get; } = new();

    public MediaStore Media { get; } = new();

    /// <summary>Uploaded bytes on disk. Thread-safe on its own; records in <see cref="Media"/> point into it.</summary>
    public MediaFiles Files { get; }

    public CommentStore Comments { get; } = new();

    public AppStore Apps { get; } = new();

    public CodeStore Codes { get; } = new();

    public RefreshTokenStore RefreshTokens { get; } = new();

    public BrowserSession Browser { get; } = new();

    public DailyLimits Limits { get; }

    public FaultQueue Faults { get; } = new();

    public RequestLog Requests { get; } = new();

    /// <summary>Answers a hold fault is keeping back right now; not cleared by a reset (they are in flight).</summary>
    public HeldResponses Held { get; } = new();

    /// <summary>
    /// Back to an empty sandbox as it was started: no data (apps, codes, tokens, media with their files,
    /// comments and the signed-in browser member included), default limits and processing times, the
    /// starting clock.
    /// </summary>
    public void Reset()
    {
        lock (Sync)
        {
            Members.Clear();
            Tokens.Clear();
            Posts.Clear();
            Media.Clear();
            Files.Clear();
            Comments.Clear();
            Apps.Clear();
            Codes.Clear();
            RefreshTokens.Clear();
            Browser.Clear();
            Limits.Clear();
            Faults.Clear();
            Requests.Clear();
            Clock.Restart();
        }
    }

    /// <summary>Deletes the uploaded files' folder.</summary>
    public void Dispose() => Files.Dispose();
}
