using System;
using System.Security.Cryptography;
using System.Text;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// A PKCE (RFC 7636) code verifier and its S256 challenge, for apps LinkedIn has enabled the native
    /// client flow for. The verifier is a secret until the code is exchanged: it never goes into a message,
    /// a log or <see cref="ToString"/>.
    /// </summary>
    public sealed class PkcePair
    {
        /// <summary>The only challenge method LinkedIn documents.</summary>
        public const string Method = "S256";

        /// <summary>The shortest verifier RFC 7636 allows.</summary>
        public const int MinLength = 43;

        /// <summary>The longest verifier RFC 7636 allows.</summary>
        public const int MaxLength = 128;

        private PkcePair(string verifier)
        {
            Verifier = verifier;
            Challenge = ChallengeFor(verifier);
        }

        /// <summary>SECRET. Sent only with the code exchange.</summary>
        public string Verifier { get; }

        /// <summary>BASE64URL(SHA-256(verifier)) without padding: sent in the authorization URL.</summary>
        public string Challenge { get; }

        /// <summary>A new pair whose verifier is <paramref name="length"/> random unreserved characters (64 by default, about 386 bits).</summary>
        public static PkcePair Create(int length = 64)
        {
            if (length < MinLength || length > MaxLength)
            {
                throw new ArgumentOutOfRangeException(nameof(length), length, "A PKCE code verifier has 43 to 128 characters.");
            }
            return new PkcePair(OAuthRandom.UnreservedText(length));
        }

        /// <summary>The S256 challenge of <paramref name="verifier"/>.</summary>
        public static string ChallengeFor(string verifier)
        {
            if (verifier == null || verifier.Length < MinLength || verifier.Length > MaxLength)
            {
                throw new ArgumentException("A PKCE code verifier has 43 to 128 characters.", nameof(verifier));
            }
            foreach (var c in verifier)
            {
                if (OAuthRandom.Unreserved.IndexOf(c) < 0)
                {
                    throw new ArgumentException("A PKCE code verifier may hold only letters, digits and - . _ ~.", nameof(verifier));
                }
            }
            using (var sha = SHA256.Create())
            {
                return OAuthRandom.Base64Url(sha.ComputeHash(Encoding.ASCII.GetBytes(verifier)));
            }
        }

        /// <summary>The challenge only.</summary>
        public override string ToString() => "PkcePair(challenge " + Challenge + ")";
    }
}
