using System;
using System.Collections.Generic;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// What the pre-flight needs to know about one stored connection, without its secrets: the caller reads
    /// the token store and hands these in, so the checks run (and are tested) without any store.
    /// </summary>
    public sealed class PreflightConnection
    {
        /// <summary>Creates the description of connection <paramref name="name"/>.</summary>
        public PreflightConnection(string name, string memberUrn)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            MemberUrn = memberUrn ?? throw new ArgumentNullException(nameof(memberUrn));
        }

        /// <summary>
        /// The description of a stored connection. Only non-secret facts are copied: whether a refresh is
        /// possible is decided here (a refresh token and the app's secret), never the tokens themselves.
        /// </summary>
        public static PreflightConnection FromStored(StoredConnection stored, string? apiVersion, string reconnectCommand)
        {
            if (stored == null)
            {
                throw new ArgumentNullException(nameof(stored));
            }
            var canRefresh = !string.IsNullOrEmpty(stored.RefreshToken) && !string.IsNullOrEmpty(stored.ClientId) && !string.IsNullOrEmpty(stored.ClientSecret);
            return new PreflightConnection(stored.Name, stored.MemberUrn)
            {
                MemberName = stored.MemberName,
                ClientId = string.IsNullOrEmpty(stored.ClientId) ? null : stored.ClientId,
                Scopes = stored.Scopes.Count == 0 ? null : stored.Scopes.ToArray(),
                AccessTokenExpiresAt = stored.AccessTokenExpiresAt,
                HasRefreshToken = canRefresh,
                RefreshTokenExpiresAt = canRefresh ? stored.RefreshTokenExpiresAt : null,
                ApiVersion = apiVersion,
                ReconnectCommand = reconnectCommand,
            };
        }

        /// <summary>The connection's name (case-insensitive, as everywhere).</summary>
        public string Name { get; }

        /// <summary>The member's person URN: LinkedIn's daily member limit counts this member's calls.</summary>
        public string MemberUrn { get; }

        /// <summary>The app's client id (not a secret), when known: LinkedIn's daily limit counts a member's calls per app.</summary>
        public string? ClientId { get; set; }

        /// <summary>The member's display name, for messages.</summary>
        public string MemberName { get; set; } = string.Empty;

        /// <summary>The granted scopes; null when not known (a token brought with -AccessToken).</summary>
        public IReadOnlyList<string>? Scopes { get; set; }

        /// <summary>When the access token expires; null when unknown.</summary>
        public DateTimeOffset? AccessTokenExpiresAt { get; set; }

        /// <summary>True when the module can get a new access token by itself (a refresh token and the app's secret are stored).</summary>
        public bool HasRefreshToken { get; set; }

        /// <summary>When the refresh token ends (fixed at sign-in; refreshing does not extend it); null when it does not say.</summary>
        public DateTimeOffset? RefreshTokenExpiresAt { get; set; }

        /// <summary>The LinkedIn-Version the connection sends (its own, else the module's default or the environment's).</summary>
        public string? ApiVersion { get; set; }

        /// <summary>The command that makes the connection again, for the fixes.</summary>
        public string ReconnectCommand { get; set; } = "Connect-LinkedIn";

        /// <summary>
        /// Null when the connection can post as the author, else why not (the page role and member rules of
        /// New-LinkedInPost). Null delegate: not checked.
        /// </summary>
        public Func<LinkedInUrn, string?>? WhyCannotPostAs { get; set; }

        /// <summary>True when a refresh at <paramref name="at"/> will still work.</summary>
        public bool CanRefreshAt(DateTimeOffset at) => HasRefreshToken && (RefreshTokenExpiresAt == null || RefreshTokenExpiresAt > at);

        /// <inheritdoc />
        public override string ToString() => Name + ": " + MemberName + " (" + MemberUrn + ")";
    }
}
