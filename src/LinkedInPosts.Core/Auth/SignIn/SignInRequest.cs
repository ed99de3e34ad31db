using System;
using System.Collections.Generic;
using System.Linq;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>What <see cref="AuthorizationCodeFlow.SignInAsync"/> needs to know about the app and the connection to make.</summary>
    public sealed class SignInRequest
    {
        /// <summary>The redirect URL used when none is given: register it for the app, or pass the one you registered.</summary>
        public static readonly Uri DefaultRedirectUri = new Uri("http://127.0.0.1:8400/callback");

        /// <summary>The connection's name (<c>default</c> unless named).</summary>
        public string ConnectionName { get; set; } = "default";

        /// <summary>The LinkedIn app's client id (its Auth tab in the Developer Portal).</summary>
        public string ClientId { get; set; } = string.Empty;

        /// <summary>
        /// SECRET. The app's client secret; null only for apps LinkedIn enabled PKCE (the native client flow)
        /// for. Kept in the connection only when LinkedIn gives a refresh token, which needs it.
        /// </summary>
        public string? ClientSecret { get; set; }

        /// <summary>Sign in with PKCE (S256). Only for apps LinkedIn enabled the native client flow for.</summary>
        public bool UsePkce { get; set; }

        /// <summary>A loopback redirect URL registered for the app, exactly as registered.</summary>
        public Uri RedirectUri { get; set; } = DefaultRedirectUri;

        /// <summary>The scopes to ask for; <see cref="LinkedInScopes.Member"/> by default.</summary>
        public IReadOnlyList<string> Scopes { get; set; } = LinkedInScopes.Member;

        /// <summary>The LinkedIn-Version the connection pins; null follows the module's default (and its environment override).</summary>
        public string? ApiVersion { get; set; }

        /// <summary>How long the member has to finish signing in.</summary>
        public TimeSpan Timeout { get; set; } = LoopbackRedirectListener.DefaultTimeout;

        /// <summary>Name, client id, redirect URI and scopes: never the secret.</summary>
        public override string ToString() =>
            $"SignInRequest({ConnectionName}, client {ClientId}, {RedirectUri}, {string.Join(" ", Scopes ?? Array.Empty<string>())})";

        internal void Validate()
        {
            if (string.IsNullOrWhiteSpace(ConnectionName))
            {
                throw new ArgumentException("A connection name is required.", nameof(ConnectionName));
            }
            if (string.IsNullOrWhiteSpace(ClientId))
            {
                throw new ArgumentException("The app's client id is required (the Auth tab of the app in the LinkedIn Developer Portal).", nameof(ClientId));
            }
            if (string.IsNullOrEmpty(ClientSecret) && !UsePkce)
            {
                throw new ArgumentException(
                    "The app's client secret is required, unless LinkedIn enabled PKCE (the native client flow) for the app and PKCE is used.", nameof(ClientSecret));
            }
            if (RedirectUri == null)
            {
                throw new ArgumentException("A redirect URI is required.", nameof(RedirectUri));
            }
            if (Scopes == null || !Scopes.Any(s => !string.IsNullOrWhiteSpace(s)))
            {
                throw new ArgumentException("At least one scope is required.", nameof(Scopes));
            }
            if (Timeout <= TimeSpan.Zero)
            {
                throw new ArgumentException("The sign-in timeout must be positive.", nameof(Timeout));
            }
        }
    }
}
