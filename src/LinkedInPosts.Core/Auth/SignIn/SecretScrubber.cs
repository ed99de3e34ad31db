using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// Removes known secrets from text that came from elsewhere (an OAuth server's error_description, an
    /// exception message) before it goes into one of our messages or log lines.
    /// </summary>
    internal static class SecretScrubber
    {
        /// <summary>The stand-in for a removed secret.</summary>
        public const string Mask = "***";

        public static string Scrub(string? text, IEnumerable<string?> secrets)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }
            var scrubbed = text!;
            foreach (var secret in secrets)
            {
                // Very short values cannot be told from ordinary words; LinkedIn's secrets are long.
                if (!string.IsNullOrEmpty(secret) && secret!.Length >= 6)
                {
                    scrubbed = Replace(scrubbed, secret);
                    var escaped = Uri.EscapeDataString(secret);
                    if (escaped != secret)
                    {
                        scrubbed = Replace(scrubbed, escaped);
                    }
                }
            }
            return scrubbed;
        }

        private static string Replace(string text, string secret)
        {
            var at = text.IndexOf(secret, StringComparison.Ordinal);
            if (at < 0)
            {
                return text;
            }
            var builder = new System.Text.StringBuilder(text.Length);
            var from = 0;
            while (at >= 0)
            {
                builder.Append(text, from, at - from).Append(Mask);
                from = at + secret.Length;
                at = text.IndexOf(secret, from, StringComparison.Ordinal);
            }
            return builder.Append(text, from, text.Length - from).ToString();
        }
    }
}
