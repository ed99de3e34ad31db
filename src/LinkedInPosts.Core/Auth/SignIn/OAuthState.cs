namespace LinkedInPosts.Core.Auth
{
    /// <summary>The OAuth <c>state</c> value that ties LinkedIn's answer to the sign-in that asked for it (CSRF protection).</summary>
    public static class OAuthState
    {
        /// <summary>Random bytes in a state: 256 bits, well above the 128 an attacker would have to guess.</summary>
        public const int ByteCount = 32;

        /// <summary>A new state: 32 random bytes, base64url (43 characters).</summary>
        public static string Create() => OAuthRandom.Base64UrlBytes(ByteCount);

        /// <summary>True when <paramref name="received"/> is exactly <paramref name="sent"/> (compared in fixed time).</summary>
        public static bool Matches(string sent, string? received) => OAuthRandom.FixedTimeEquals(sent, received);
    }
}
