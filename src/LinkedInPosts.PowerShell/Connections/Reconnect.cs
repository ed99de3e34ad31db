using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// The exact Connect-LinkedIn command that makes a stored connection again (same name, app, sign-in
    /// kind, pages, host and version), for the errors about an expired, revoked or missing token.
    /// </summary>
    internal static class Reconnect
    {
        /// <summary>The Read-Host expression the commands use for a client secret.</summary>
        public const string ReadClientSecret = "(Read-Host -AsSecureString 'LinkedIn client secret')";

        /// <summary>The Read-Host expression the commands use for an access token.</summary>
        public const string ReadAccessToken = "(Read-Host -AsSecureString 'LinkedIn access token')";

        /// <summary>True when the connection's page list was looked up (an organization scope was granted), so -Author can be checked against it.</summary>
        public static bool KnowsOrganizations(StoredConnection connection) =>
            connection.Organizations.Count > 0 || LinkedInScopes.AllowOrganizationLookup(connection.Scopes);

        /// <summary>The Connect-LinkedIn command line for <paramref name="connection"/>.</summary>
        public static string CommandFor(StoredConnection connection, bool plainTextStore = false)
        {
            var parts = new List<string> { "Connect-LinkedIn" };
            if (!string.Equals(connection.Name, ConnectionRegistry.DefaultName, StringComparison.OrdinalIgnoreCase))
            {
                parts.Add("-Name " + Quote(connection.Name));
            }
            if (!string.IsNullOrEmpty(connection.ClientId))
            {
                parts.Add("-ClientId " + Quote(connection.ClientId!));
                parts.Add(connection.UsesPkce ? "-Pkce" : "-ClientSecret " + ReadClientSecret);
                if (LinkedInScopes.AllowOrganizationLookup(connection.Scopes))
                {
                    parts.Add("-Organization");
                }
                if (connection.RedirectUri != null && connection.RedirectUri != SignInRequest.DefaultRedirectUri)
                {
                    parts.Add("-RedirectUri " + QuoteUri(connection.RedirectUri));
                }
            }
            else
            {
                parts.Add("-AccessToken " + ReadAccessToken);
            }
            if (connection.ApiBase != LinkedInEndpoints.ProductionApiBase)
            {
                parts.Add("-ApiBaseUri " + QuoteUri(connection.ApiBase));
            }
            if (!string.IsNullOrEmpty(connection.ApiVersion))
            {
                parts.Add("-ApiVersion " + connection.ApiVersion);
            }
            if (plainTextStore)
            {
                parts.Add("-AllowPlainTextTokenFile");
            }
            return string.Join(" ", parts);
        }

        private static string QuoteUri(Uri uri) => "'" + uri.OriginalString.Replace("'", "''") + "'";

        /// <summary>The command for a connection that does not exist yet (no app known): OAuth sign-in first.</summary>
        public static string CommandForNew(string name)
        {
            var named = string.Equals(name, ConnectionRegistry.DefaultName, StringComparison.OrdinalIgnoreCase) ? string.Empty : " -Name " + Quote(name);
            return "Connect-LinkedIn" + named + " -ClientId <your app's client id> -ClientSecret " + ReadClientSecret;
        }

        /// <summary>
        /// <paramref name="text"/> (a message of Core's token source) with Core's short reconnect command
        /// replaced by the full one: Core names the connection and app; this adds how the secret is given,
        /// the pages, the redirect URI and the store opt-in, so the command runs as written.
        /// </summary>
        public static string Rewrite(string text, StoredConnection connection, bool plainTextStore) =>
            text.Replace(ConnectionTokenSource.ReconnectCommand(connection), CommandFor(connection, plainTextStore));

        /// <summary>A value as PowerShell reads it: bare when it is a plain word, else single-quoted.</summary>
        public static string Quote(string value) =>
            BareWord.IsMatch(value) ? value : "'" + value.Replace("'", "''") + "'";

        private static readonly Regex BareWord = new Regex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);
    }
}
