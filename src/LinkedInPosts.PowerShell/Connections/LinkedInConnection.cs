using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// What Connect-LinkedIn and Get-LinkedInConnection output: who is connected, where to, with which
    /// scopes and pages, and how long its tokens last. Built from the stored connection without any of
    /// its secrets (access token, refresh token, client secret), so it is safe to print, log or export.
    /// </summary>
    public sealed class LinkedInConnection
    {
        internal LinkedInConnection(StoredConnection stored, string store, bool isStoreProtected, DateTimeOffset now)
        {
            Name = stored.Name;
            Member = stored.MemberUrn;
            MemberName = stored.MemberName;
            Organizations = stored.Organizations
                .Select(o => new LinkedInConnectionOrganization(o.Urn, o.Name, o.Role, o.CanPost))
                .ToArray();
            Scopes = stored.Scopes.ToArray();
            AccessTokenExpiresAt = stored.AccessTokenExpiresAt;
            AccessTokenDaysLeft = DaysLeft(stored.AccessTokenExpiresAt, now);
            IsExpired = stored.AccessTokenExpiresAt.HasValue && stored.AccessTokenExpiresAt.Value <= now;
            RefreshTokenExpiresAt = string.IsNullOrEmpty(stored.RefreshToken) ? null : stored.RefreshTokenExpiresAt;
            RefreshTokenDaysLeft = DaysLeft(RefreshTokenExpiresAt, now);
            CanRefresh = stored.CanRefreshAt(now) && !string.IsNullOrEmpty(stored.ClientId) && !string.IsNullOrEmpty(stored.ClientSecret);
            ApiBaseUri = stored.ApiBase;
            OAuthBaseUri = stored.OAuthBase;
            ApiVersion = EffectiveVersion(stored.ApiVersion);
            IsSandbox = stored.ApiBase != LinkedInEndpoints.ProductionApiBase;
            ClientId = stored.ClientId;
            UsesPkce = stored.UsesPkce;
            SignIn = stored.ClientId == null ? "AccessToken" : stored.UsesPkce ? "OAuth (PKCE)" : "OAuth";
            ConnectedAt = stored.ConnectedAt;
            ConnectedBy = stored.ConnectedBy;
            Store = store;
            IsStoreProtected = isStoreProtected;
        }

        /// <summary>The name other cmdlets use in <c>-Connection</c> (<c>default</c> unless given).</summary>
        public string Name { get; }

        /// <summary>The signed-in member's person URN, the default author of new posts.</summary>
        public string Member { get; }

        /// <summary>The signed-in member's display name.</summary>
        public string MemberName { get; }

        /// <summary>The pages the member can act for (known when an organization scope was granted).</summary>
        public LinkedInConnectionOrganization[] Organizations { get; }

        /// <summary>The scopes LinkedIn granted (empty when unknown, as for a token brought with -AccessToken).</summary>
        public string[] Scopes { get; }

        /// <summary>When the access token expires; null when unknown (a token brought without -AccessTokenExpiresAt).</summary>
        public DateTimeOffset? AccessTokenExpiresAt { get; }

        /// <summary>Whole days until the access token expires (0 on its last day or after); null when unknown.</summary>
        public int? AccessTokenDaysLeft { get; }

        /// <summary>True when the access token's expiry has passed.</summary>
        public bool IsExpired { get; }

        /// <summary>When the refresh token expires (fixed at sign-in; refreshing does not extend it); null without one.</summary>
        public DateTimeOffset? RefreshTokenExpiresAt { get; }

        /// <summary>Whole days until the refresh token expires; null without one.</summary>
        public int? RefreshTokenDaysLeft { get; }

        /// <summary>True when the module can get a new access token by itself (a live refresh token and the app's client id).</summary>
        public bool CanRefresh { get; }

        /// <summary>The API host the connection talks to.</summary>
        public Uri ApiBaseUri { get; }

        /// <summary>The OAuth host used to sign in, refresh, introspect and revoke.</summary>
        public Uri OAuthBaseUri { get; }

        /// <summary>The LinkedIn-Version sent with every versioned call.</summary>
        public string ApiVersion { get; }

        /// <summary>True when the connection points anywhere but LinkedIn's production API (a sandbox).</summary>
        public bool IsSandbox { get; }

        /// <summary>The LinkedIn app's client id; null for a token brought with -AccessToken.</summary>
        public string? ClientId { get; }

        /// <summary>True when the app signs in with PKCE (no client secret).</summary>
        public bool UsesPkce { get; }

        /// <summary>How the connection was made: OAuth, OAuth (PKCE) or AccessToken.</summary>
        public string SignIn { get; }

        /// <summary>When the connection was made.</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>The operating-system account that made it; the token store belongs to that account.</summary>
        public string ConnectedBy { get; }

        /// <summary>What keeps the connection's tokens (DPAPI, Keychain, libsecret, or the opted-in plain file).</summary>
        public string Store { get; }

        /// <summary>False for the opted-in plain-text file.</summary>
        public bool IsStoreProtected { get; }

        /// <summary>The organization URNs the connection can post as (-Author).</summary>
        internal IEnumerable<string> PostableOrganizations => Organizations.Where(o => o.CanPost).Select(o => o.Urn);

        /// <inheritdoc />
        public override string ToString()
        {
            var expiry = AccessTokenExpiresAt.HasValue
                ? (IsExpired ? "token EXPIRED " : "token expires ") + AccessTokenExpiresAt.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) +
                  (IsExpired ? string.Empty : " (" + AccessTokenDaysLeft + " days left)")
                : "token expiry unknown";
            var refresh = CanRefresh ? ", refreshable until " + RefreshTokenExpiresAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
            return $"{Name}: {MemberName} ({Member}) at {ApiBaseUri}{(IsSandbox ? " [sandbox]" : string.Empty)}, {expiry}{refresh}";
        }

        private static string EffectiveVersion(string? stored)
        {
            try
            {
                return LinkedInApiVersion.Resolve(stored);
            }
            catch (ArgumentException)
            {
                // A malformed LINKEDINPOSTS_API_VERSION: the cmdlets that call LinkedIn report it; a description shows what is set.
                return stored ?? Environment.GetEnvironmentVariable(LinkedInApiVersion.EnvironmentVariable) ?? string.Empty;
            }
        }

        internal static int? DaysLeft(DateTimeOffset? expiresAt, DateTimeOffset now)
        {
            if (!expiresAt.HasValue)
            {
                return null;
            }
            var days = (expiresAt.Value - now).TotalDays;
            return days <= 0 ? 0 : (int)Math.Floor(days);
        }
    }

    /// <summary>A page (organization) a connection's member can act for.</summary>
    public sealed class LinkedInConnectionOrganization
    {
        internal LinkedInConnectionOrganization(string urn, string name, string role, bool canPost)
        {
            Urn = urn;
            Name = name;
            Role = role;
            CanPost = canPost;
        }

        /// <summary>The organization URN, usable as New-LinkedInPost -Author.</summary>
        public string Urn { get; }

        /// <summary>The page's name.</summary>
        public string Name { get; }

        /// <summary>The member's role on the page (ADMINISTRATOR, CONTENT_ADMIN, ...).</summary>
        public string Role { get; }

        /// <summary>True when the role lets the member post as the page.</summary>
        public bool CanPost { get; }

        /// <inheritdoc />
        public override string ToString() => (string.IsNullOrEmpty(Name) ? Urn : Name + " (" + Urn + ")") + " " + Role;
    }
}
