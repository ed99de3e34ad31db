using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Turns a queued draft's stored media copies into media LinkedIn knows, before the post is marked
    /// Sending: each copy is verified against its hash (a changed or missing file fails the post rather than
    /// posting something else), then resolved, for the same author on the same API host, to
    /// <list type="number">
    /// <item>an earlier finished upload of the same bytes (media_uploads: AVAILABLE when it was recorded), reused as it is;</item>
    /// <item>else an earlier upload LinkedIn was still processing when that try stopped waiting (media_processing):
    /// its status is checked and waited for, AVAILABLE → used and recorded as finished; PROCESSING_FAILED, bytes
    /// gone or URN unknown → forgotten, and the file is uploaded anew; still processing at the end of this wait →
    /// the post is retried later (a processing timeout) and the next try waits for the same media again;</item>
    /// <item>else a new upload, recorded as processing once LinkedIn has its bytes and as finished once AVAILABLE.</item>
    /// </list>
    /// So a file shown in many posts is uploaded once per author, a retry after a failed create does not upload
    /// again, and neither does a retry after LinkedIn took longer to process it than one run waits.
    /// </summary>
    internal sealed class StoredMediaResolver
    {
        private readonly QueueRun _run;

        public StoredMediaResolver(QueueRun run)
        {
            _run = run;
        }

        /// <summary>
        /// The draft with every stored copy replaced by a media URN. The claim's lease is renewed around and
        /// during each upload and processing wait (<see cref="LeaseKeeper"/>); when the claim is gone, <see cref="ClaimLostException"/>.
        /// The earlier uploads the draft now shows (not uploaded in this try) are added to <paramref name="reused"/>, so that a
        /// create LinkedIn refuses because it no longer knows one of them can forget it (<see cref="IQueueStore.ForgetUpload"/>).
        /// </summary>
        /// <exception cref="Errors.LinkedInQueueException">A stored copy is missing or changed (MediaMissing, MediaCorrupted).</exception>
        public async Task<PostDraft> ResolveAsync(PostDraft draft, QueueConnection connection, QueueClaim claim, ICollection<MediaUploadRecord> reused, CancellationToken cancellationToken)
        {
            var content = draft.Content;
            if (content == null)
            {
                return draft;
            }
            var hashes = content.MediaSlots.Select(s => s.Reference.StoredSha256).Where(h => h != null).Select(h => h!).Distinct(StringComparer.Ordinal).ToList();
            if (hashes.Count == 0)
            {
                return draft;
            }
            var author = draft.Author.ToString();
            var apiBase = MediaUploadRecord.ApiBaseKey(connection.Client.Options.Endpoints.ApiBase);
            var resolved = new Dictionary<string, MediaReference>(StringComparer.Ordinal);
            foreach (var sha in hashes)
            {
                var stored = _run.Store.Media.Verify(sha);
                var earlier = _run.Store.FindUpload(sha, author, apiBase, _run.Now - _run.Options.UploadReuseMaxAge);
                if (earlier != null)
                {
                    resolved[sha] = MediaReference.FromUrn(earlier.MediaUrn);
                    reused.Add(earlier);
                    continue;
                }
                // No older than a finished upload would be reused (UploadReuseMaxAge 0: always a fresh upload).
                var processingMaxAge = _run.Options.ProcessingUploadMaxAge < _run.Options.UploadReuseMaxAge ? _run.Options.ProcessingUploadMaxAge : _run.Options.UploadReuseMaxAge;
                var processing = _run.Store.FindProcessingUpload(sha, author, apiBase, _run.Now - processingMaxAge);
                if (processing != null && await ProcessedAsync(processing, stored.Path, connection, claim, cancellationToken).ConfigureAwait(false))
                {
                    resolved[sha] = MediaReference.FromUrn(processing.MediaUrn);
                    reused.Add(processing);
                    continue;
                }
                var name = content.MediaSlots.Select(slot => slot.Reference).FirstOrDefault(r => r.StoredSha256 == sha)?.FileName;
                resolved[sha] = await UploadAsync(sha, apiBase, stored.Path, name, draft.Author, connection, claim, cancellationToken).ConfigureAwait(false);
            }
            return new PostDraft(draft.Author, draft.Commentary)
            {
                Format = draft.Format,
                Visibility = draft.Visibility,
                FeedDistribution = draft.FeedDistribution,
                IsReshareDisabledByAuthor = draft.IsReshareDisabledByAuthor,
                Content = content.Resolve(media => media.StoredSha256 != null ? resolved[media.StoredSha256] : media),
            };
        }

        /// <summary>
        /// Waits for an upload LinkedIn was still processing when an earlier try stopped waiting. True once it is
        /// AVAILABLE (then recorded as finished); false when LinkedIn has nothing usable under it (then forgotten:
        /// the caller uploads the file anew). Still processing at the end of this wait: the processing timeout is
        /// thrown and the record kept, so the post is retried and its next try waits for the same media again.
        /// </summary>
        private async Task<bool> ProcessedAsync(MediaUploadRecord processing, string path, QueueConnection connection, QueueClaim claim, CancellationToken cancellationToken)
        {
            if (!LinkedInUrn.TryParse(processing.MediaUrn, out var urn))
            {
                _run.Store.ForgetProcessingUpload(processing);
                return false;
            }
            RenewLease(claim);
            var keeper = new LeaseKeeper(_run, claim, _run.Options.UploadProgress);
            var options = UploadOptions();
            // Accepted less than one processing timeout ago, LinkedIn may still say WAITING_UPLOAD: not yet a sign the bytes are gone.
            var recent = _run.Now - processing.UploadedAt < options.ProcessingTimeout;
            bool available;
            try
            {
                available = await new MediaUploader(connection.Client)
                    .WaitUntilAvailableAgainAsync(MediaFile.Inspect(path), urn!, options, keeper, cancellationToken, waitingUploadIsFinal: !recent)
                    .ConfigureAwait(false);
            }
            catch (LinkedInException) when (keeper.Lost)
            {
                // The post is another run's now: this run's timeout or 5xx is not its outcome to record.
                throw new ClaimLostException();
            }
            if (available)
            {
                // Recorded even if the claim was lost meanwhile, as an upload is: it is good for whichever run posts it.
                _run.Store.RecordUpload(new MediaUploadRecord(processing.Sha256, processing.Author, processing.ApiBase, processing.MediaUrn, _run.Now));
            }
            else
            {
                _run.Store.ForgetProcessingUpload(processing);
            }
            if (keeper.Lost)
            {
                throw new ClaimLostException();
            }
            RenewLease(claim);
            return available;
        }

        /// <summary>A new upload of the stored copy <paramref name="sha"/>, recorded as processing once LinkedIn has its bytes, as finished once AVAILABLE.</summary>
        private async Task<MediaReference> UploadAsync(string sha, string apiBase, string path, string? name, LinkedInUrn owner, QueueConnection connection, QueueClaim claim, CancellationToken cancellationToken)
        {
            var author = owner.ToString();
            RenewLease(claim);
            var note = new ProcessingUploadNote(_run, sha, author, apiBase, _run.Options.UploadProgress);
            var keeper = new LeaseKeeper(_run, claim, note);
            UploadedMedia uploaded;
            try
            {
                // Under the name it was registered with (the stored copy's is its hash), for the progress bar and messages.
                uploaded = await new MediaUploader(connection.Client)
                    .UploadAsync(MediaFile.Inspect(path).Named(name), owner, UploadOptions(), keeper, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (LinkedInException failed)
            {
                if (failed is LinkedInMediaException media && media.Reason == MediaFailureReason.ProcessingFailed && media.MediaUrn != null)
                {
                    // LinkedIn will never make it AVAILABLE: no later try should wait for it.
                    _run.Store.ForgetProcessingUpload(new MediaUploadRecord(sha, author, apiBase, media.MediaUrn, _run.Now));
                }
                if (keeper.Lost)
                {
                    // The post is another run's now: this run's failure is not its outcome to record.
                    throw new ClaimLostException();
                }
                throw;
            }
            if (!string.Equals(uploaded.Sha256, sha, StringComparison.OrdinalIgnoreCase))
            {
                // The stored copy changed after its check (a sync tool rewrote it, a hand "fixed" it): LinkedIn has other
                // bytes. Nothing is posted, and the upload is not remembered as this file's (later posts would show it).
                _run.Store.ForgetProcessingUpload(new MediaUploadRecord(sha, author, apiBase, uploaded.Urn.ToString(), _run.Now));
                throw new LinkedInQueueException(QueueFailure.MediaCorrupted,
                    "The stored media file " + path + " changed while it was uploaded (what was sent has the SHA-256 " + uploaded.Sha256 +
                    ", not the " + sha + " it was registered with). Nothing was posted. Check what writes to the queue's media folder, then register the post again with the original file.")
                { Path = path };
            }
            // Recorded even if the claim was lost meanwhile: the upload is good for whichever run posts it.
            _run.Store.RecordUpload(new MediaUploadRecord(sha, author, apiBase, uploaded.Urn.ToString(), _run.Now));
            if (keeper.Lost)
            {
                throw new ClaimLostException();
            }
            RenewLease(claim);
            return MediaReference.FromUpload(uploaded);
        }

        // Alt texts and titles belong to the post's content, not to the upload (one upload serves many posts).
        private MediaUploadOptions UploadOptions()
        {
            var options = (_run.Options.Upload ?? new MediaUploadOptions()).Copy();
            options.AltText = null;
            options.Title = null;
            return options;
        }

        private void RenewLease(QueueClaim claim)
        {
            if (!_run.Store.RenewLease(claim, _run.Now, _run.Options.Lease).Applied)
            {
                throw new ClaimLostException();
            }
        }
    }

    /// <summary>This run's claim on a post is gone (its lease ran out and another runner took the post): stop working on it.</summary>
    internal sealed class ClaimLostException : Exception
    {
        public ClaimLostException()
            : base("Another runner took the post over: this run's lease ran out while it prepared the post.")
        {
        }
    }
}
