using System;
using System.Security.Cryptography;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>Cryptographically random text for OAuth (PKCE verifiers, <c>state</c>) and base64url encoding.</summary>
    internal static class OAuthRandom
    {
        /// <summary>RFC 3986's unreserved characters, the alphabet RFC 7636 allows in a code verifier.</summary>
        public const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

        /// <summary><paramref name="length"/> characters drawn uniformly from <see cref="Unreserved"/>.</summary>
        public static string UnreservedText(int length)
        {
            // 66 symbols: bytes of 198 and above are dropped so that every symbol is equally likely (198 = 3 * 66).
            const int limit = 256 - (256 % 66);
            var text = new char[length];
            var buffer = new byte[length * 2];
            using (var random = RandomNumberGenerator.Create())
            {
                var filled = 0;
                while (filled < length)
                {
                    random.GetBytes(buffer);
                    for (var i = 0; i < buffer.Length && filled < length; i++)
                    {
                        if (buffer[i] < limit)
                        {
                            text[filled++] = Unreserved[buffer[i] % Unreserved.Length];
                        }
                    }
                }
            }
            return new string(text);
        }

        /// <summary><paramref name="byteCount"/> random bytes, base64url-encoded without padding.</summary>
        public static string Base64UrlBytes(int byteCount)
        {
            var bytes = new byte[byteCount];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }
            return Base64Url(bytes);
        }

        /// <summary>Base64url (RFC 4648 section 5) without padding.</summary>
        public static string Base64Url(byte[] bytes) =>
            Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        /// <summary>Compares in time that does not depend on where the texts differ.</summary>
        public static bool FixedTimeEquals(string? a, string? b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }
            var difference = 0;
            for (var i = 0; i < a.Length; i++)
            {
                difference |= a[i] ^ b[i];
            }
            return difference == 0;
        }
    }
}
