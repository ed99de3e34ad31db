using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Media
{
    /// <summary>
    /// Polls one media's status until LinkedIn has processed it, for at most <see cref="MediaUploadOptions.ProcessingTimeout"/>.
    /// The first wait between checks is <see cref="MediaUploadOptions.PollInterval"/>; each later one is half as long
    /// again, up to a minute, since every check counts against the member's daily calls. After every check that
    /// finds it still processing, <c>stillProcessing</c> is called: a caller's progress shows the wait is alive,
    /// and the queue runner renews its claim's lease there, as a processing wait can outlast it.
    /// </summary>
    internal sealed class ProcessingWait
    {
        private static readonly TimeSpan MaxPollInterval = TimeSpan.FromMinutes(1);

        // Not a LinkedIn status: how a 404 for an earlier upload is named in the log.
        private const string NotFound = "unknown (404)";

        private readonly LinkedInClient _client;
        private readonly MediaFile _file;
        private readonly LinkedInUrn _urn;
        private readonly MediaUploadOptions _options;
        private readonly Action _stillProcessing;

        public ProcessingWait(LinkedInClient client, MediaFile file, LinkedInUrn urn, MediaUploadOptions options, Action stillProcessing)
        {
            _client = client;
            _file = file;
            _urn = urn;
            _options = options;
            _stillProcessing = stillProcessing;
        }

        /// <summary>Waits for media just uploaded: AVAILABLE returns its status; PROCESSING_FAILED and the timeout throw.</summary>
        /// <exception cref="LinkedInMediaException">ProcessingFailed, or ProcessingTimeout (LinkedIn may still finish it).</exception>
        public async Task<string> UntilAvailableAsync(CancellationToken cancellationToken)
        {
            var status = await PollAsync(earlierUpload: false, waitingUploadIsFinal: false, cancellationToken).ConfigureAwait(false);
            if (status.Status == MediaStatus.ProcessingFailed)
            {
                var reason = status.FailureReason == null ? string.Empty : $" ({status.FailureReason})";
                throw new LinkedInMediaException(MediaFailureReason.ProcessingFailed,
                    $"LinkedIn received {_file.FileName} but could not process it: {_urn} is PROCESSING_FAILED{reason}. Check that the file opens and plays or displays correctly (for video: H.264 MP4, 3 s to 30 min, aspect ratio 1:2.4 to 2.4:1), then upload it again.",
                    _urn.ToString())
                { FilePath = _file.Path, LinkedInCode = MediaStatus.ProcessingFailed };
            }
            return status.Status;
        }

        /// <summary>
        /// Waits for media uploaded by an earlier wait that ran out while LinkedIn was processing it. True once it
        /// is AVAILABLE; false when LinkedIn has nothing usable under the URN any more (PROCESSING_FAILED,
        /// WAITING_UPLOAD: the bytes it had are gone, or 404: it no longer knows it), so the file must go up again.
        /// </summary>
        /// <param name="waitingUploadIsFinal">
        /// False while the upload is recent (LinkedIn accepted the bytes less than one processing timeout ago): right
        /// after an upload LinkedIn may still report WAITING_UPLOAD, as the first wait knows, and taking that as "the
        /// bytes are gone" would upload the file a second time.
        /// </param>
        /// <param name="cancellationToken">Stops the wait.</param>
        /// <exception cref="LinkedInMediaException">ProcessingTimeout: still processing when this wait ran out too.</exception>
        public async Task<bool> UntilAvailableAgainAsync(bool waitingUploadIsFinal, CancellationToken cancellationToken)
        {
            var status = await PollAsync(earlierUpload: true, waitingUploadIsFinal, cancellationToken).ConfigureAwait(false);
            if (status.Status != MediaStatus.Available)
            {
                _client.Options.Log.Verbose($"LinkedIn reports {_urn}, an earlier upload of {_file.FileName}, as {status.Status}: the file is uploaded again.");
                return false;
            }
            return true;
        }

        /// <summary>
        /// Checks until the status is final: AVAILABLE or PROCESSING_FAILED; for an earlier upload also WAITING_UPLOAD
        /// (right after an upload LinkedIn may not have registered the bytes yet, later it has lost them) and 404.
        /// </summary>
        private async Task<MediaStatus> PollAsync(bool earlierUpload, bool waitingUploadIsFinal, CancellationToken cancellationToken)
        {
            var clock = _client.Options.Clock;
            var started = clock.GetTimestamp();
            var interval = _options.PollInterval;
            var longest = _options.PollInterval > MaxPollInterval ? _options.PollInterval : MaxPollInterval;
            var request = new LinkedInRequest(HttpMethod.Get, $"rest/{MediaJson.Collection(_file.Kind)}/{_urn.Encoded}") { Subject = _urn.ToString() };
            while (true)
            {
                MediaStatus status;
                try
                {
                    status = await _client.Retry.ExecuteAsync(request.Display, async ct =>
                    {
                        var response = await _client.Transport.SendAsync(request, ct).ConfigureAwait(false);
                        return LinkedInClient.Read(request, response, MediaJson.ReadStatus);
                    }, cancellationToken).ConfigureAwait(false);
                }
                catch (LinkedInNotFoundException) when (earlierUpload)
                {
                    return new MediaStatus(NotFound, null, null);
                }
                if (status.Status == MediaStatus.Available || status.Status == MediaStatus.ProcessingFailed
                    || (waitingUploadIsFinal && status.Status == MediaStatus.WaitingUpload))
                {
                    return status;
                }
                var left = _options.ProcessingTimeout - clock.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    throw TimedOut(status, earlierUpload);
                }
                _stillProcessing();
                await clock.Delay(interval < left ? interval : left, cancellationToken).ConfigureAwait(false);
                interval = TimeSpan.FromTicks(Math.Min(longest.Ticks, interval.Ticks + interval.Ticks / 2));
            }
        }

        private LinkedInMediaException TimedOut(MediaStatus status, bool earlierUpload)
        {
            var since = earlierUpload ? "of this check (it was uploaded earlier)" : "of being uploaded";
            var why = status.Status == MediaStatus.WaitingUpload
                ? "LinkedIn still reports WAITING_UPLOAD, so it did not see the whole file arrive"
                : $"LinkedIn still reports {status.Status}; it may finish later, and then {_urn} can be posted as it is";
            return new LinkedInMediaException(MediaFailureReason.ProcessingTimeout,
                $"{_file.FileName} was not AVAILABLE within {_options.ProcessingTimeout.TotalSeconds:0.#} s {since}: {why}.",
                _urn.ToString())
            { FilePath = _file.Path };
        }
    }
}
