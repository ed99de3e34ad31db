using System;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// What Connect-LinkedIn outputs: who is connected, where to, and with which API version. It never
    /// holds the access token, so it is safe to print, log or export.
    /// </summary>
    public sealed class LinkedInConnection
    {
        internal LinkedInConnection(string name, string member, string memberName, Uri apiBaseUri, string apiVersion, bool isSandbox, DateTimeOffset connectedAt)
        {
            Name = name;
            Member = member;
            MemberName = memberName;
            ApiBaseUri = apiBaseUri;
            ApiVersion = apiVersion;
            IsSandbox = isSandbox;
            ConnectedAt = connectedAt;
        }

        /// <summary>The name other cmdlets use in <c>-Connection</c> (<c>default</c> unless given).</summary>
        public string Name { get; }

        /// <summary>The signed-in member's person URN, the default author of new posts.</summary>
        public string Member { get; }

        /// <summary>The signed-in member's display name.</summary>
        public string MemberName { get; }

        /// <summary>The API host the connection talks to.</summary>
        public Uri ApiBaseUri { get; }

        /// <summary>The LinkedIn-Version sent with every versioned call.</summary>
        public string ApiVersion { get; }

        /// <summary>True when the connection points anywhere but LinkedIn's production API (a sandbox).</summary>
        public bool IsSandbox { get; }

        /// <summary>When the connection was made.</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <inheritdoc />
        public override string ToString() =>
            $"{Name}: {MemberName} ({Member}) at {ApiBaseUri}{(IsSandbox ? " [sandbox]" : string.Empty)}";
    }
}
