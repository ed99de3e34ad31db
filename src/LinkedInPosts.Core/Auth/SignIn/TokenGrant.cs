using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// What LinkedIn's token endpoint granted, with lifetimes turned into instants on the caller's clock
    /// (taken when the request was sent, so the token never seems to live longer than it does).
    /// <see cref="ToString"/> never shows a token.
    /// </summary>
    public sealed class TokenGrant
    {
        /// <summary>Creates a grant.</summary>
        public TokenGrant(string accessToken, DateTimeOffset accessTokenExpiresAt, string? refreshToken, DateTimeOffset? refreshTokenExpiresAt, IReadOnlyList<string> scopes)
        {
            AccessToken = accessToken ?? throw new ArgumentNullException(nameof(accessToken));
            AccessTokenExpiresAt = accessTokenExpiresAt;
            RefreshToken = string.IsNullOrEmpty(refreshToken) ? null : refreshToken;
            RefreshTokenExpiresAt = RefreshToken == null ? null : refreshTokenExpiresAt;
            Scopes = scopes ?? Array.Empty<string>();
        }

        /// <summary>SECRET. The bearer token.</summary>
        public string AccessToken { get; }

        /// <summary>When the access token expires (LinkedIn: 60 days after issue, or when the refresh token does).</summary>
        public DateTimeOffset AccessTokenExpiresAt { get; }

        /// <summary>SECRET. Only for apps LinkedIn approved for programmatic refresh tokens; null otherwise.</summary>
        public string? RefreshToken { get; }

        /// <summary>When the refresh token expires, as LinkedIn's answer says (null when it gave no lifetime).</summary>
        public DateTimeOffset? RefreshTokenExpiresAt { get; }

        /// <summary>The scopes LinkedIn says it granted; empty when its answer did not list them.</summary>
        public IReadOnlyList<string> Scopes { get; }

        /// <summary>Expiry times only.</summary>
        public override string ToString() =>
            "TokenGrant(access until " + AccessTokenExpiresAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)
            + (RefreshToken == null ? ", no refresh token" : ", refreshable")
            + ")";
    }
}
