using System.Collections.Generic;
using System.Globalization;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// Are the queue's copies of each post's media files there and unchanged? A run refuses a missing or
    /// changed copy (it never posts something other than what was registered), so the post would fail at
    /// its time; found now, the original can still be registered again.
    /// </summary>
    internal static class MediaCopiesCheck
    {
        public static IEnumerable<PreflightFinding> Run(DuePost due, MediaStore media, IDictionary<string, MediaCheck> seen)
        {
            var post = due.Post;
            for (var i = 0; i < post.MediaHashes.Count; i++)
            {
                var hash = post.MediaHashes[i];
                if (!seen.TryGetValue(hash, out var state))
                {
                    // Each file is hashed once per pre-flight, however many posts share it.
                    state = media.Check(hash);
                    seen[hash] = state;
                }
                if (state == MediaCheck.Intact)
                {
                    continue;
                }
                var what = state == MediaCheck.Missing ? "is missing from" : "was changed in";
                yield return new PreflightFinding(PreflightSeverity.Error, PreflightChecks.Media,
                    $"Media file {(i + 1).ToString(CultureInfo.InvariantCulture)} of post '{post.Key}' (SHA-256 {hash}) {what} the queue's media folder {media.Folder}: the post would fail rather than go out with other content.",
                    $"Register the post again from its original file with Register-LinkedInScheduledPost -Force (the same content restores the copy), or cancel it: Unregister-LinkedInScheduledPost -Id {post.Id.ToString(CultureInfo.InvariantCulture)}.")
                    .About(post);
            }
        }
    }
}
