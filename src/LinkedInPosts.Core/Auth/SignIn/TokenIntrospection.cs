using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>What LinkedIn's introspection endpoint says about a token (it never returns the token itself).</summary>
    public sealed class TokenIntrospection
    {
        /// <summary>True while the token can be used.</summary>
        public bool Active { get; set; }

        /// <summary><c>active</c>, <c>expired</c> or <c>revoked</c>.</summary>
        public string Status { get; set; } = string.Empty;

        /// <summary><c>3L</c> (a member's token), <c>2L</c> (the app's own) or <c>Enterprise_User</c>.</summary>
        public string? AuthType { get; set; }

        /// <summary>The app the token belongs to.</summary>
        public string? ClientId { get; set; }

        /// <summary>The token's scopes (3-legged tokens only).</summary>
        public IReadOnlyList<string> Scopes { get; set; } = Array.Empty<string>();

        /// <summary>When the member authorized the app (kept across refreshes).</summary>
        public DateTimeOffset? AuthorizedAt { get; set; }

        /// <summary>When this token was issued.</summary>
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>When the token expires.</summary>
        public DateTimeOffset? ExpiresAt { get; set; }
    }
}
