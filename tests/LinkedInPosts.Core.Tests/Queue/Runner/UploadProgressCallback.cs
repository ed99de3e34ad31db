using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>Runs an action at every upload or processing-wait report: how a test acts "during" an upload (moves the clock, takes the post).</summary>
internal sealed class UploadProgressCallback : IProgress<UploadProgress>
{
    private readonly Action _onReport;

    public UploadProgressCallback(Action onReport) => _onReport = onReport;

    public int Reports { get; private set; }

    public void Report(UploadProgress value)
    {
        Reports++;
        _onReport();
    }
}
