using System;

namespace LinkedInPosts.Core.Api
{
    /// <summary>Where a connection talks to. Endpoints are data, so a sandbox connection keeps pointing at the sandbox.</summary>
    public sealed class LinkedInEndpoints
    {
        /// <summary>LinkedIn's production API host (versioned calls go to /rest, identity to /v2).</summary>
        public static readonly Uri ProductionApiBase = new Uri("https://api.linkedin.com/");

        /// <summary>LinkedIn's production OAuth host.</summary>
        public static readonly Uri ProductionOAuthBase = new Uri("https://www.linkedin.com/oauth/v2/");

        /// <summary>Creates endpoints; both URIs must be absolute.</summary>
        public LinkedInEndpoints(Uri apiBase, Uri oauthBase)
        {
            ApiBase = WithTrailingSlash(apiBase ?? throw new ArgumentNullException(nameof(apiBase)));
            OAuthBase = WithTrailingSlash(oauthBase ?? throw new ArgumentNullException(nameof(oauthBase)));
        }

        /// <summary>LinkedIn itself.</summary>
        public static LinkedInEndpoints Production { get; } = new LinkedInEndpoints(ProductionApiBase, ProductionOAuthBase);

        /// <summary>The API host; <c>rest/</c> and <c>v2/</c> are relative to it.</summary>
        public Uri ApiBase { get; }

        /// <summary>The OAuth base, ending in <c>/oauth/v2/</c>.</summary>
        public Uri OAuthBase { get; }

        /// <summary>Endpoints of a sandbox (or any LinkedIn emulator) at one base address.</summary>
        public static LinkedInEndpoints ForSandbox(Uri baseAddress)
        {
            var root = WithTrailingSlash(baseAddress ?? throw new ArgumentNullException(nameof(baseAddress)));
            return new LinkedInEndpoints(root, new Uri(root, "oauth/v2/"));
        }

        /// <summary>True when these are LinkedIn's production hosts.</summary>
        public bool IsProduction => ApiBase == ProductionApiBase;

        private static Uri WithTrailingSlash(Uri uri)
        {
            if (!uri.IsAbsoluteUri)
            {
                throw new ArgumentException($"'{uri}' must be an absolute URI.", nameof(uri));
            }
            return uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
        }
    }
}
