using System;
using System.Threading;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Records an upload as processing (<see cref="IQueueStore.RecordProcessingUpload"/>) as soon as LinkedIn has
    /// accepted its bytes: the uploader's first <see cref="UploadStage.Processing"/> report, which names the media.
    /// Recorded before the wait, not after it, so that whatever ends this run's wait (its timeout, the run being
    /// stopped, the process dying) the post's next try finds that media and waits for it instead of sending the
    /// file again as a new one. Once per upload; every report is passed on.
    /// </summary>
    internal sealed class ProcessingUploadNote : IProgress<UploadProgress>
    {
        private readonly QueueRun _run;
        private readonly string _sha256;
        private readonly string _author;
        private readonly string _apiBase;
        private readonly IProgress<UploadProgress>? _next;
        private int _recorded;

        public ProcessingUploadNote(QueueRun run, string sha256, string author, string apiBase, IProgress<UploadProgress>? next)
        {
            _run = run;
            _sha256 = sha256;
            _author = author;
            _apiBase = apiBase;
            _next = next;
        }

        public void Report(UploadProgress value)
        {
            if (value.Stage == UploadStage.Processing && value.MediaUrn != null && Interlocked.Exchange(ref _recorded, 1) == 0)
            {
                _run.Store.RecordProcessingUpload(new MediaUploadRecord(_sha256, _author, _apiBase, value.MediaUrn.ToString(), _run.Now));
            }
            _next?.Report(value);
        }
    }
}
