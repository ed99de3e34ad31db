using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// Everything a connection records, secrets included. It lives only in the protected token store and
    /// in memory; it must never reach the pipeline, a log, an error or the queue (the cmdlets output a
    /// secret-free view of it instead). <see cref="ToString"/> never shows a secret.
    /// </summary>
    public sealed class StoredConnection
    {
        /// <summary>The name cmdlets use in <c>-Connection</c> (case-insensitive, <c>default</c> unless named).</summary>
        public string Name { get; set; } = "default";

        /// <summary>The signed-in member's person URN (from /v2/userinfo <c>sub</c>).</summary>
        public string MemberUrn { get; set; } = string.Empty;

        /// <summary>The member's display name.</summary>
        public string MemberName { get; set; } = string.Empty;

        /// <summary>Pages the member can act for, with their role (empty without organization scopes).</summary>
        public List<ConnectionOrganization> Organizations { get; set; } = new List<ConnectionOrganization>();

        /// <summary>The scopes LinkedIn granted.</summary>
        public List<string> Scopes { get; set; } = new List<string>();

        /// <summary>SECRET. The bearer token.</summary>
        public string AccessToken { get; set; } = string.Empty;

        /// <summary>When the access token expires (null when unknown, e.g. a token brought without its expiry).</summary>
        public DateTimeOffset? AccessTokenExpiresAt { get; set; }

        /// <summary>SECRET. The refresh token, only for apps LinkedIn approved for programmatic refresh.</summary>
        public string? RefreshToken { get; set; }

        /// <summary>When the refresh token expires: fixed at first issue, a refresh does not extend it.</summary>
        public DateTimeOffset? RefreshTokenExpiresAt { get; set; }

        /// <summary>The API host (LinkedIn's or a sandbox's).</summary>
        public Uri ApiBase { get; set; } = new Uri("https://api.linkedin.com/");

        /// <summary>The OAuth base, ending in <c>/oauth/v2/</c>.</summary>
        public Uri OAuthBase { get; set; } = new Uri("https://www.linkedin.com/oauth/v2/");

        /// <summary>The LinkedIn-Version to send; null follows the module's default (and the environment override).</summary>
        public string? ApiVersion { get; set; }

        /// <summary>The LinkedIn app's client id (null for a token brought with -AccessToken).</summary>
        public string? ClientId { get; set; }

        /// <summary>SECRET. The app's client secret, kept only when a refresh token needs it.</summary>
        public string? ClientSecret { get; set; }

        /// <summary>True when the app signs in with PKCE (a native app: no client secret).</summary>
        public bool UsesPkce { get; set; }

        /// <summary>
        /// The redirect URI the sign-in used, exactly as registered for the app (null for a token brought as is),
        /// so the command that signs in again can name it.
        /// </summary>
        public Uri? RedirectUri { get; set; }

        /// <summary>When the connection was made.</summary>
        public DateTimeOffset ConnectedAt { get; set; }

        /// <summary>The operating-system account that made it (the store belongs to that account).</summary>
        public string ConnectedBy { get; set; } = string.Empty;

        /// <summary>True when a refresh token exists and has not expired at <paramref name="now"/>.</summary>
        public bool CanRefreshAt(DateTimeOffset now) =>
            !string.IsNullOrEmpty(RefreshToken) && (RefreshTokenExpiresAt == null || RefreshTokenExpiresAt > now);

        /// <summary>A copy, so a caller can change one without touching a stored instance.</summary>
        public StoredConnection Clone()
        {
            var copy = (StoredConnection)MemberwiseClone();
            copy.Organizations = new List<ConnectionOrganization>(Organizations);
            copy.Scopes = new List<string>(Scopes);
            return copy;
        }

        /// <summary>Name and member only: never a secret.</summary>
        public override string ToString() => Name + ": " + MemberName + " (" + MemberUrn + ")";
    }

    /// <summary>A page (organization) the member can act for.</summary>
    public sealed class ConnectionOrganization
    {
        /// <summary>The organization URN, e.g. <c>urn:li:organization:2414183</c>.</summary>
        public string Urn { get; set; } = string.Empty;

        /// <summary>The page's name, when LinkedIn returned it.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The member's role on it, e.g. ADMINISTRATOR or CONTENT_ADMIN.</summary>
        public string Role { get; set; } = string.Empty;

        /// <summary>True for the roles LinkedIn lets post as the page.</summary>
        public bool CanPost => Role == "ADMINISTRATOR" || Role == "CONTENT_ADMIN" || Role == "DIRECT_SPONSORED_CONTENT_POSTER";
    }
}
