using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Media
{
    /// <summary>
    /// Uploads images, documents and videos through a connection's <see cref="LinkedInClient"/> (its
    /// token, headers, timeouts, retries and log) and waits until LinkedIn has processed them.
    /// </summary>
    /// <remarks>
    /// <para>Every step is safe to repeat, so transient failures (5xx, timeouts, dropped connections) are retried
    /// with the client's <see cref="LinkedInClientOptions"/> retry settings: initializeUpload (a repeat at worst
    /// leaves an unused media object), each PUT (the same bytes to the same URL), finalizeUpload (LinkedIn
    /// answers the same request again with 200) and the status checks.</para>
    /// <para>A video goes up in the parts LinkedIn's instructions name, each byte range exactly to its own URL,
    /// <see cref="MediaUploadOptions.MaxParallelParts"/> at a time; a failed part is sent again on its own. Memory
    /// stays bounded whatever the file's size: each part in flight holds one 128 KiB copy buffer. An image's or
    /// document's SHA-256 is taken as it streams; a video's by one sequential read (1 MiB buffer) while
    /// LinkedIn assembles and processes it, so the hash never slows the parts.</para>
    /// </remarks>
    public sealed class MediaUploader
    {
        private const int HashBufferSize = 1024 * 1024;
        private const long ProgressStep = 1024 * 1024;

        private readonly LinkedInClient _client;
        private int _inFlight;
        private int _peakInFlight;

        /// <summary>Creates an uploader that works through <paramref name="client"/>.</summary>
        public MediaUploader(LinkedInClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>The largest video accepted; <see cref="ContentLimits.MaxVideoBytes"/> except in the benchmark.</summary>
        internal long MaxVideoBytes { get; set; } = ContentLimits.MaxVideoBytes;

        /// <summary>Test seam: runs after initializeUpload, before any byte is sent.</summary>
        internal Func<CancellationToken, Task>? AfterInitialize { get; set; }

        /// <summary>Test seam: changes the part ids (ETags) before finalizeUpload.</summary>
        internal Func<IReadOnlyList<string>, IReadOnlyList<string>>? PartIdsBeforeFinalize { get; set; }

        /// <summary>The most part uploads that were in flight at once, since this uploader was created.</summary>
        internal int PeakParallelParts => Volatile.Read(ref _peakInFlight);

        /// <summary>
        /// Checks <paramref name="path"/> (<see cref="MediaFile.Inspect(string)"/>), uploads it for
        /// <paramref name="owner"/> and waits until LinkedIn has it AVAILABLE.
        /// </summary>
        /// <param name="path">The file.</param>
        /// <param name="owner">The person or organization the media is for: the author of the post that will show it.</param>
        /// <param name="options">Alt text, title, timeouts and parallelism; defaults when null.</param>
        /// <param name="progress">Told as bytes go out and at each stage; may be called from several threads.</param>
        /// <param name="cancellationToken">Stops the upload: requests in flight are cancelled and no new ones start.</param>
        /// <exception cref="LinkedInValidationException">The file breaks a rule (field <c>Media</c>), or became unreadable while it was sent.</exception>
        /// <exception cref="LinkedInPermissionException">LinkedIn refused media for <paramref name="owner"/>.</exception>
        /// <exception cref="LinkedInMediaException">An upload URL expired or was refused, a video could not be assembled, processing failed or timed out.</exception>
        public Task<UploadedMedia> UploadAsync(string path, LinkedInUrn owner, MediaUploadOptions? options = null, IProgress<UploadProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var file = MediaFile.Inspect(path, MaxVideoBytes);
            return UploadAsync(file, owner, options, progress, cancellationToken);
        }

        /// <summary>As <see cref="UploadAsync(string, LinkedInUrn, MediaUploadOptions, IProgress{UploadProgress}, CancellationToken)"/>, for a file already inspected.</summary>
        public async Task<UploadedMedia> UploadAsync(MediaFile file, LinkedInUrn owner, MediaUploadOptions? options = null, IProgress<UploadProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (file == null)
            {
                throw new ArgumentNullException(nameof(file));
            }
            if (owner == null || !owner.IsAuthor)
            {
                throw new ArgumentException($"'{owner}' cannot own media; use the post author's person or organization URN.", nameof(owner));
            }
            options = (options ?? new MediaUploadOptions()).Copy();
            options.Validate();
            PlainTextRules.Check(options.AltText, "AltText", "The alternative text", required: false);
            PlainTextRules.Check(options.Title, "Title", "The media's title", required: false);

            // Held from before the first byte until the hash is taken: on Windows nobody can write to the
            // file meanwhile, and it is where the SHA-256 is read from.
            using var guard = OpenGuard(file);
            var tracker = new ProgressTracker(file, progress);
            tracker.Report(UploadStage.Initializing);
            var plan = await InitializeAsync(file, owner, cancellationToken).ConfigureAwait(false);
            CheckInstructions(file, plan);
            tracker.TotalParts = plan.Instructions.Count;
            tracker.MediaUrn = plan.Urn;
            if (AfterInitialize != null)
            {
                await AfterInitialize(cancellationToken).ConfigureAwait(false);
            }

            tracker.Report(UploadStage.Uploading);
            string sha256;
            string status;
            try
            {
                if (file.Kind == MediaKind.Video)
                {
                    await UploadPartsAsync(file, plan, options, tracker, cancellationToken).ConfigureAwait(false);
                    (sha256, status) = await FinalizeAndWaitAsync(file, guard, plan, options, tracker, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    sha256 = await UploadWholeAsync(file, guard, plan, tracker, cancellationToken).ConfigureAwait(false);
                    tracker.Report(UploadStage.Processing);
                    status = await Processing(file, plan.Urn, options, tracker).UntilAvailableAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (LinkedInMediaException ex) when (ex.MediaUrn == null)
            {
                throw new LinkedInMediaException(ex.Reason, ex.Message, plan.Urn.ToString(), ex.InnerException)
                {
                    FilePath = file.Path,
                    HttpStatus = ex.HttpStatus,
                    LinkedInCode = ex.LinkedInCode,
                    ServiceErrorCode = ex.ServiceErrorCode,
                    Request = ex.Request,
                };
            }

            tracker.Report(UploadStage.Completed);
            var title = options.Title ?? (file.Kind == MediaKind.Document ? file.FileName : null);
            _client.Options.Log.Verbose($"{file.FileName} is {status} on LinkedIn as {plan.Urn} ({file.SizeBytes} bytes, SHA-256 {sha256}).");
            return new UploadedMedia(plan.Urn, file.Kind, owner, status, file.FileName, file.SizeBytes, sha256, options.AltText, title);
        }

        /// <summary>
        /// Waits again for media whose processing outlasted the wait of the upload that sent it: LinkedIn accepted
        /// the bytes of <paramref name="file"/> as <paramref name="media"/> then. True once it is AVAILABLE; false
        /// when LinkedIn has nothing usable under that URN any more (its processing failed, the bytes are gone, or
        /// it does not know the URN), so the file has to be uploaded again. Progress: Processing, then Completed.
        /// </summary>
        /// <exception cref="LinkedInMediaException">ProcessingTimeout: LinkedIn is still processing it.</exception>
        internal async Task<bool> WaitUntilAvailableAgainAsync(MediaFile file, LinkedInUrn media, MediaUploadOptions? options, IProgress<UploadProgress>? progress, CancellationToken cancellationToken, bool waitingUploadIsFinal = true)
        {
            options = (options ?? new MediaUploadOptions()).Copy();
            options.Validate();
            var tracker = new ProgressTracker(file, progress) { MediaUrn = media };
            tracker.Report(UploadStage.Processing);
            if (!await Processing(file, media, options, tracker).UntilAvailableAgainAsync(waitingUploadIsFinal, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            tracker.Report(UploadStage.Completed);
            return true;
        }

        // Every check that finds the media still processing is reported: the wait is alive (and a lease is kept).
        private ProcessingWait Processing(MediaFile file, LinkedInUrn urn, MediaUploadOptions options, ProgressTracker tracker) =>
            new ProcessingWait(_client, file, urn, options, () => tracker.Report(UploadStage.Processing));

        /// <summary>
        /// A video's SHA-256 is read while LinkedIn assembles and processes it, when this side only waits:
        /// taken during the parts it would compete with them for the processor and slow the upload.
        /// </summary>
        private async Task<(string Sha256, string Status)> FinalizeAndWaitAsync(MediaFile file, FileStream guard, UploadPlan plan, MediaUploadOptions options, ProgressTracker tracker, CancellationToken cancellationToken)
        {
            using var stopHashing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var hashing = Task.Run(() => HashAsync(guard, file, stopHashing.Token), stopHashing.Token);
            string status;
            try
            {
                tracker.Report(UploadStage.Finalizing);
                await FinalizeAsync(file, plan, cancellationToken).ConfigureAwait(false);
                tracker.Report(UploadStage.Processing);
                status = await Processing(file, plan.Urn, options, tracker).UntilAvailableAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Nothing may still read the file once this returns.
                stopHashing.Cancel();
                await hashing.ContinueWith(t => t.Exception, TaskScheduler.Default).ConfigureAwait(false);
                throw;
            }
            return (await hashing.ConfigureAwait(false), status);
        }

        private static FileStream OpenGuard(MediaFile file)
        {
            try
            {
                var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
                if (stream.Length != file.SizeBytes)
                {
                    stream.Dispose();
                    throw new LinkedInValidationException(MediaFile.Field,
                        $"'{file.Path}' is {stream.Length:N0} bytes now, not the {file.SizeBytes:N0} it was when checked: it changed. Upload it again once it no longer changes.");
                }
                return stream;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new LinkedInValidationException(MediaFile.Field, $"The media file '{file.Path}' cannot be read any more: {ex.Message}", ex);
            }
        }

        private async Task<UploadPlan> InitializeAsync(MediaFile file, LinkedInUrn owner, CancellationToken cancellationToken)
        {
            var request = new LinkedInRequest(HttpMethod.Post, "rest/" + MediaJson.Collection(file.Kind) + "?action=initializeUpload")
            {
                JsonBody = MediaJson.InitializeBody(owner, file.Kind == MediaKind.Video ? file.SizeBytes : (long?)null),
                RequiredScope = owner.EntityType == LinkedInUrn.Organization ? "w_organization_social" : "w_member_social",
                Subject = owner.ToString(),
            };
            try
            {
                return await _client.Retry.ExecuteAsync(request.Display, async ct =>
                {
                    var response = await _client.Transport.SendAsync(request, ct).ConfigureAwait(false);
                    return LinkedInClient.Read(request, response, root => MediaJson.ReadInitialize(root, file.Kind, file.SizeBytes, _client.Options.Endpoints.ApiBase));
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (LinkedInPermissionException denied)
            {
                var who = owner.EntityType == LinkedInUrn.Organization
                    ? $"the page {owner}: the member needs the ADMINISTRATOR, CONTENT_ADMIN or DIRECT_SPONSORED_CONTENT_POSTER role on it and the connection the w_organization_social scope"
                    : $"{owner}: media can only be uploaded for the signed-in member themself (with the w_member_social scope)";
                throw new LinkedInPermissionException(
                    $"LinkedIn refused to take {Article(file.Kind)} for {who}. Upload it as the post's author, and post it as that author. LinkedIn said: {LinkedInSaid(denied)}",
                    denied.MissingScope, denied)
                {
                    HttpStatus = denied.HttpStatus,
                    ServiceErrorCode = denied.ServiceErrorCode,
                    LinkedInCode = denied.LinkedInCode,
                    Request = denied.Request,
                };
            }
        }

        // LinkedIn's ranges must cover the file exactly once; anything else would upload a different file.
        private static void CheckInstructions(MediaFile file, UploadPlan plan)
        {
            var next = 0L;
            foreach (var part in plan.Instructions.OrderBy(i => i.FirstByte))
            {
                if (part.FirstByte != next || part.LastByte < part.FirstByte)
                {
                    throw new LinkedInMediaException(MediaFailureReason.UploadInstructionsInvalid,
                        $"LinkedIn's upload instructions for {file.FileName} do not cover its {file.SizeBytes} bytes exactly once (a part starts at byte {part.FirstByte}, expected {next}). Nothing was sent; try again.",
                        plan.Urn.ToString())
                    { FilePath = file.Path };
                }
                next = part.LastByte + 1;
            }
            if (next != file.SizeBytes || plan.Instructions.Count == 0)
            {
                throw new LinkedInMediaException(MediaFailureReason.UploadInstructionsInvalid,
                    $"LinkedIn's upload instructions for {file.FileName} cover {next} bytes, but the file has {file.SizeBytes}. Nothing was sent; try again.",
                    plan.Urn.ToString())
                { FilePath = file.Path };
            }
        }

        // An image or document: one PUT of the whole file, hashed on the way.
        private async Task<string> UploadWholeAsync(MediaFile file, FileStream guard, UploadPlan plan, ProgressTracker tracker, CancellationToken cancellationToken)
        {
            var url = plan.Instructions[0].Url;
            string? sha256 = null;
            await _client.Retry.ExecuteAsync("PUT " + url.GetLeftPart(UriPartial.Path), async ct =>
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                FileRegionStream? body = null;
                var request = new UploadRequest(url, file.SizeBytes, () => body = new FileRegionStream(file.Path, 0, file.SizeBytes, hash), file.FileName);
                await SendTrackedAsync(request, tracker, ct).ConfigureAwait(false);
                sha256 = body != null && body.HashComplete ? Hex(hash.GetHashAndReset()) : null;
                tracker.PartDone();
                return true;
            }, cancellationToken).ConfigureAwait(false);
            // The HTTP stack rewound the body (a redirect, say), so the hash did not see the bytes in order once.
            return sha256 ?? await HashAsync(guard, file, cancellationToken).ConfigureAwait(false);
        }

        // A video: each instruction's exact byte range to its own URL, a bounded number at a time.
        private async Task UploadPartsAsync(MediaFile file, UploadPlan plan, MediaUploadOptions options, ProgressTracker tracker, CancellationToken cancellationToken)
        {
            var count = plan.Instructions.Count;
            var etags = new string[count];
            Exception? failure = null;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var gate = new SemaphoreSlim(options.MaxParallelParts, options.MaxParallelParts);
            var running = new List<Task>(count);
            for (var i = 0; i < count && !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await gate.WaitAsync(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                running.Add(PartAsync(i));
            }
            // Part tasks never throw (PartAsync keeps the first failure), so this waits for all of them.
            await Task.WhenAll(running).ConfigureAwait(false);
            if (failure != null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
            cancellationToken.ThrowIfCancellationRequested();
            plan.PartIds = PartIdsBeforeFinalize?.Invoke(etags) ?? etags;

            async Task PartAsync(int index)
            {
                var part = plan.Instructions[index];
                var what = $"part {index + 1} of {count} of {file.FileName} (bytes {part.FirstByte}-{part.LastByte})";
                var inFlight = Interlocked.Increment(ref _inFlight);
                RaisePeak(inFlight);
                try
                {
                    etags[index] = await _client.Retry.ExecuteAsync("PUT " + part.Url.GetLeftPart(UriPartial.Path), async ct =>
                    {
                        var request = new UploadRequest(part.Url, part.Length, () => new FileRegionStream(file.Path, part.FirstByte, part.Length), what);
                        var response = await SendTrackedAsync(request, tracker, ct).ConfigureAwait(false);
                        return response.ETag ?? throw new LinkedInMediaException(MediaFailureReason.UploadInstructionsInvalid,
                            $"LinkedIn took {what} ({response.Status}) but sent no ETag, which finalizing the video needs. Upload the video again.", null)
                        { FilePath = file.Path, HttpStatus = response.Status, Request = request.Display };
                    }, stop.Token).ConfigureAwait(false);
                    tracker.PartDone();
                }
                catch (Exception ex)
                {
                    // The first real failure stops the others; their cancellations are not news.
                    if (!(ex is OperationCanceledException && stop.IsCancellationRequested))
                    {
                        Interlocked.CompareExchange(ref failure, ex, null);
                    }
                    stop.Cancel();
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                    gate.Release();
                }
            }
        }

        private async Task<UploadResponse> SendTrackedAsync(UploadRequest request, ProgressTracker tracker, CancellationToken cancellationToken)
        {
            long sent = 0;
            request.OnSent = read =>
            {
                sent += read;
                tracker.Sent(read);
            };
            try
            {
                return await _client.Transport.UploadAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                tracker.Sent(-sent); // these bytes go again, or not at all
                throw;
            }
        }

        private async Task FinalizeAsync(MediaFile file, UploadPlan plan, CancellationToken cancellationToken)
        {
            var request = new LinkedInRequest(HttpMethod.Post, "rest/videos?action=finalizeUpload")
            {
                JsonBody = MediaJson.FinalizeBody(plan.Urn, plan.UploadToken, plan.PartIds),
                Subject = plan.Urn.ToString(),
            };
            try
            {
                await _client.Retry.ExecuteAsync(request.Display, ct => _client.Transport.SendAsync(request, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (LinkedInValidationException rejected)
            {
                throw new LinkedInMediaException(MediaFailureReason.FinalizeRejected,
                    $"LinkedIn refused to assemble {file.FileName} from its {plan.Instructions.Count} parts ({LinkedInSaid(rejected)}). Upload the video again.",
                    plan.Urn.ToString(), rejected)
                {
                    FilePath = file.Path,
                    HttpStatus = rejected.HttpStatus,
                    LinkedInCode = rejected.LinkedInCode,
                    ServiceErrorCode = rejected.ServiceErrorCode,
                    Request = rejected.Request,
                };
            }
        }

        // One sequential read of the held file, exactly its checked length: the SHA-256 of the bytes LinkedIn was sent.
        private static async Task<string> HashAsync(FileStream guard, MediaFile file, CancellationToken cancellationToken)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[HashBufferSize];
            guard.Position = 0;
            var left = file.SizeBytes;
            while (left > 0)
            {
                var read = await guard.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, left), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new LinkedInValidationException(MediaFile.Field,
                        $"'{file.Path}' got shorter while it was being uploaded: it changed after it was checked. Upload it again once it no longer changes.");
                }
                hash.AppendData(buffer, 0, read);
                left -= read;
            }
            return Hex(hash.GetHashAndReset());
        }

        private void RaisePeak(int inFlight)
        {
            int peak;
            while (inFlight > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak) != peak)
            {
            }
        }

        private static string Hex(byte[] bytes)
        {
            var chars = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
                chars[2 * i + 1] = "0123456789abcdef"[bytes[i] & 0xF];
            }
            return new string(chars);
        }

        private static string Article(MediaKind kind) => kind == MediaKind.Image ? "an image" : "a " + kind.ToString().ToLowerInvariant();

        private static string LinkedInSaid(LinkedInException ex)
        {
            const string marker = "LinkedIn said: ";
            var at = ex.Message.IndexOf(marker, StringComparison.Ordinal);
            return at >= 0 ? ex.Message.Substring(at + marker.Length) : ex.Message;
        }

        /// <summary>Counts bytes and parts across parallel parts and reports at most once per MiB sent.</summary>
        private sealed class ProgressTracker
        {
            private readonly MediaFile _file;
            private readonly IProgress<UploadProgress>? _progress;
            private long _sent;
            private long _lastStep = -1;
            private int _partsDone;
            private int _stage;

            public ProgressTracker(MediaFile file, IProgress<UploadProgress>? progress)
            {
                _file = file;
                _progress = progress;
            }

            public int TotalParts { get; set; } = 1;

            /// <summary>The media's URN, once initializeUpload has named it.</summary>
            public LinkedInUrn? MediaUrn { get; set; }

            public void Sent(long bytes)
            {
                var sent = Interlocked.Add(ref _sent, bytes);
                var step = sent / ProgressStep;
                if (Interlocked.Exchange(ref _lastStep, step) != step)
                {
                    Report((UploadStage)Volatile.Read(ref _stage));
                }
            }

            public void PartDone()
            {
                Interlocked.Increment(ref _partsDone);
                Report((UploadStage)Volatile.Read(ref _stage));
            }

            public void Report(UploadStage stage)
            {
                Volatile.Write(ref _stage, (int)stage);
                _progress?.Report(new UploadProgress(_file.FileName, stage, Interlocked.Read(ref _sent), _file.SizeBytes, Volatile.Read(ref _partsDone), TotalParts, MediaUrn));
            }
        }
    }
}
