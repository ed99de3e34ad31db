using System;
using System.Linq;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Checks a <see cref="ScheduleRequest"/> with exactly the rules <see cref="ScheduledPostBuilder.Build"/>
    /// applies, without copying anything into a queue: for <c>-WhatIf</c>, and so that a post is judged
    /// before the user is asked to confirm it.
    /// </summary>
    public static class ScheduledPostCheck
    {
        /// <summary>Throws what <see cref="ScheduledPostBuilder.Build"/> would throw; writes nothing.</summary>
        /// <exception cref="Errors.LinkedInValidationException">The post breaks a rule; the exception names the field.</exception>
        /// <exception cref="Errors.LinkedInMediaException">A file is missing, unreadable, of a kind LinkedIn does not take, or too large.</exception>
        public static void Validate(ScheduleRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }
            PreparedPost.Prepare(request.Draft, ContentLimits.MaxVideoBytes);
            if (request.FirstComment != null)
            {
                LinkedInClient.ValidateComment(request.FirstComment);
            }
            if (request.Key != null && request.Key.Trim().Length > QueueLimits.MaxKeyLength)
            {
                throw new Errors.LinkedInValidationException("Key", $"The key is {request.Key.Trim().Length} characters long; keys are at most {QueueLimits.MaxKeyLength}. Use a shorter Key, or leave it empty to derive one.");
            }
            // As the store refuses it, but here, before anything is copied or counted, with the column named.
            if (request.Key != null && request.Key.Any(char.IsControl))
            {
                throw new Errors.LinkedInValidationException("Key", "The key holds a control character (a tab or a line break, say). Remove it, or leave the key empty to derive one.");
            }
        }
    }
}
