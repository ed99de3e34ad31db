using System;
using System.IO;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>The key a post without one will get, found without touching the queue.</summary>
    public static class ScheduledPostKeyPreview
    {
        /// <summary>
        /// The derived key of <paramref name="request"/>: its media are hashed by copying them into a scratch
        /// media folder that is deleted at once, so a row refused afterwards leaves no copy in the queue.
        /// </summary>
        public static string Derive(ScheduleRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }
            var scratch = Path.Combine(Path.GetTempPath(), "LinkedInPosts-key-" + Guid.NewGuid().ToString("N"));
            try
            {
                return ScheduledPostBuilder.Build(request, new MediaStore(scratch)).Key;
            }
            finally
            {
                try
                {
                    if (Directory.Exists(scratch))
                    {
                        Directory.Delete(scratch, recursive: true);
                    }
                }
                catch (IOException)
                {
                    // A scratch folder left in the temp folder harms nothing; the key is still right.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }
}
