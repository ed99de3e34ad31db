using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// The key of a post registered without one: a hash of its author, text, scheduled time and media, so
    /// importing the same CSV again finds the posts it already registered.
    /// </summary>
    public static class ScheduledPostKey
    {
        /// <summary>Every derived key starts with this.</summary>
        public const string Prefix = "auto-";

        /// <summary>
        /// <c>auto-</c> and 32 hex digits (128 bits) of SHA-256 over the author, the text with line endings
        /// made <c>\n</c> (a CSV saved on Windows and on Linux gives the same key), the scheduled time in UTC
        /// to the millisecond, and the media hashes in order.
        /// </summary>
        public static string Derive(string author, string text, DateTimeOffset scheduledAt, IReadOnlyList<string> mediaHashes)
        {
            var builder = new StringBuilder();
            builder.Append("linkedinposts-key-v1\n");
            builder.Append(author ?? string.Empty).Append('\n');
            builder.Append(QueueTime.Format(scheduledAt)).Append('\n');
            foreach (var hash in mediaHashes ?? Array.Empty<string>())
            {
                builder.Append(hash.ToLowerInvariant()).Append(',');
            }
            builder.Append('\n');
            builder.Append((text ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n'));
            using (var sha = SHA256.Create())
            {
                var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(builder.ToString()));
                return Prefix + Hex.Lower(digest, 16);
            }
        }
    }

    /// <summary>Lowercase hex.</summary>
    internal static class Hex
    {
        public static string Lower(byte[] bytes, int count)
        {
            var chars = new char[count * 2];
            for (var i = 0; i < count; i++)
            {
                chars[2 * i] = Digit(bytes[i] >> 4);
                chars[(2 * i) + 1] = Digit(bytes[i] & 0xF);
            }
            return new string(chars);
        }

        public static string Lower(byte[] bytes) => Lower(bytes, bytes.Length);

        /// <summary>True for 64 lowercase hex digits (a SHA-256 as this module writes it).</summary>
        public static bool IsSha256(string? value)
        {
            if (value == null || value.Length != 64)
            {
                return false;
            }
            foreach (var c in value)
            {
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }
            return true;
        }

        private static char Digit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
    }
}
