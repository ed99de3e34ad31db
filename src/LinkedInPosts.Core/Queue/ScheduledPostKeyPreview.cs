using System;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>The key a post without one will get, found without touching the queue.</summary>
    public static class ScheduledPostKeyPreview
    {
        /// <summary>
        /// The derived key of <paramref name="request"/>, checked by the same rules as a registration. Its media are
        /// hashed where they are (<see cref="MediaStore.HashOf"/>): nothing is copied, so a row refused afterwards
        /// leaves nothing behind.
        /// </summary>
        public static string Derive(ScheduleRequest request) => ScheduledPostBuilder.BuildWith(request, MediaStore.HashOf).Key;
    }
}
