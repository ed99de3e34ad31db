using System.Collections.Generic;
using System.Text.RegularExpressions;
using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Cleans a message before it is stored in the queue: the values the caller names as secret, anything
    /// that looks like a bearer token or an OAuth credential parameter, control characters; then it is cut
    /// to <see cref="QueueLimits.MaxMessageLength"/>. The queue must never hold a secret.
    /// </summary>
    internal static class QueueMessages
    {
        private static readonly Regex Bearer = new Regex(@"(?i)\bbearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.CultureInvariant);

        private static readonly Regex Credential = new Regex(
            @"(?i)\b(access_token|refresh_token|client_secret|id_token|code_verifier)(""?\s*[=:]\s*""?)[^\s""&,;}]+",
            RegexOptions.CultureInvariant);

        private static readonly Regex Control = new Regex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]", RegexOptions.CultureInvariant);

        public static string? Clean(string? message, IEnumerable<string?>? secrets)
        {
            if (message == null)
            {
                return null;
            }
            var text = SecretScrubber.Scrub(message, secrets ?? new string?[0]);
            text = Bearer.Replace(text, "Bearer " + SecretScrubber.Mask);
            text = Credential.Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + SecretScrubber.Mask);
            text = Control.Replace(text, " ");
            return text.Length <= QueueLimits.MaxMessageLength ? text : text.Substring(0, QueueLimits.MaxMessageLength - 1) + "…";
        }
    }
}
