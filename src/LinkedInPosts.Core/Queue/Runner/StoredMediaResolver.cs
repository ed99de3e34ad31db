using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Turns a queued draft's stored media copies into media LinkedIn knows, before the post is marked
    /// Sending: each copy is verified against its hash (a changed or missing file fails the post rather than
    /// posting something else), then resolved to an earlier upload of the same bytes for the same author on
    /// the same API host (the media_uploads table), or uploaded now and recorded there. So a file shown in
    /// many posts is uploaded once per author, and a retry after a failed create does not upload again.
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
        /// during each upload (<see cref="LeaseKeeper"/>); when the claim is gone, <see cref="ClaimLostException"/>.
        /// </summary>
        /// <exception cref="Errors.LinkedInQueueException">A stored copy is missing or changed (MediaMissing, MediaCorrupted).</exception>
        public async Task<PostDraft> ResolveAsync(PostDraft draft, QueueConnection connection, QueueClaim claim, CancellationToken cancellationToken)
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
                    continue;
                }
                RenewLease(claim);
                var keeper = new LeaseKeeper(_run, claim, _run.Options.UploadProgress);
                var uploaded = await new MediaUploader(connection.Client)
                    .UploadAsync(stored.Path, draft.Author, UploadOptions(), keeper, cancellationToken)
                    .ConfigureAwait(false);
                // Recorded even if the claim was lost meanwhile: the upload is good for whichever run posts it.
                _run.Store.RecordUpload(new MediaUploadRecord(sha, author, apiBase, uploaded.Urn.ToString(), _run.Now));
                if (keeper.Lost)
                {
                    throw new ClaimLostException();
                }
                RenewLease(claim);
                resolved[sha] = MediaReference.FromUpload(uploaded);
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
