using System;
using System.Globalization;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// What Test-LinkedInConnection found for one connection: whether LinkedIn accepts its token now
    /// (<see cref="IsValid"/>, the property to alert on), why not (<see cref="Status"/>,
    /// <see cref="Message"/>), and how long it has left. Never holds a token or secret.
    /// </summary>
    public sealed class LinkedInConnectionTestResult
    {
        /// <summary>The status of a connection LinkedIn accepts.</summary>
        public const string Valid = "Valid";

        /// <summary>The status of a name with no stored connection.</summary>
        public const string NotFound = "NotFound";

        internal LinkedInConnectionTestResult(string name, bool isValid, string status, DateTimeOffset checkedAt)
        {
            Name = name;
            IsValid = isValid;
            Status = status;
            CheckedAt = checkedAt;
        }

        /// <summary>The connection's name.</summary>
        public string Name { get; }

        /// <summary>True when LinkedIn accepted the token just now (and introspection, where possible, says it is active).</summary>
        public bool IsValid { get; }

        /// <summary>
        /// Valid; or why not: Expired, Revoked, Invalid, Missing (LinkedIn refused the token, or it expired
        /// with no refresh possible), NotFound (no such connection), or the ErrorId of any other failure
        /// (for example LinkedInUnreachable).
        /// </summary>
        public string Status { get; }

        /// <summary>The member's person URN, as LinkedIn answered it (or as stored when the test failed).</summary>
        public string? Member { get; internal set; }

        /// <summary>The member's display name.</summary>
        public string? MemberName { get; internal set; }

        /// <summary>The scopes: from LinkedIn's introspection when it ran, else as stored.</summary>
        public string[] Scopes { get; internal set; } = Array.Empty<string>();

        /// <summary>When the access token expires (LinkedIn's answer when introspected, else as stored); null when unknown.</summary>
        public DateTimeOffset? AccessTokenExpiresAt { get; internal set; }

        /// <summary>Whole days until then; null when unknown.</summary>
        public int? AccessTokenDaysLeft { get; internal set; }

        /// <summary>True when the module can get a new access token by itself.</summary>
        public bool CanRefresh { get; internal set; }

        /// <summary>True when LinkedIn's token introspection was asked too (needs the app's client secret in the store).</summary>
        public bool Introspected { get; internal set; }

        /// <summary>The API host that was called.</summary>
        public Uri? ApiBaseUri { get; internal set; }

        /// <summary>When the test ran.</summary>
        public DateTimeOffset CheckedAt { get; }

        /// <summary>What failed and what to do (the exact Connect-LinkedIn command); null when valid.</summary>
        public string? Message { get; internal set; }

        /// <inheritdoc />
        public override string ToString()
        {
            if (!IsValid)
            {
                return $"{Name}: NOT valid ({Status}): {Message}";
            }
            var left = AccessTokenExpiresAt.HasValue
                ? "token expires " + AccessTokenExpiresAt.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (" + AccessTokenDaysLeft + " days left)"
                : "token expiry unknown";
            return $"{Name}: valid, {MemberName} ({Member}), {left}{(CanRefresh ? ", refreshable" : string.Empty)}";
        }
    }
}
