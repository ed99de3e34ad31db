using System;
using System.Collections.Generic;
using System.Linq;
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
        /// <summary>The scopes that give a connection its list of pages.</summary>
        public static readonly IReadOnlyList<string> OrganizationScopes = new[]
        {
            "w_organization_social", "r_organization_social", "rw_organization_admin", "r_organization_admin",
        };

        /// <summary>The Read-Host expression the commands use for a client secret.</summary>
        public const string ReadClientSecret = "(Read-Host -AsSecureString 'LinkedIn client secret')";

        /// <summary>The Read-Host expression the commands use for an access token.</summary>
        public const string ReadAccessToken = "(Read-Host -AsSecureString 'LinkedIn access token')";

        /// <summary>True when the connection's page list was looked up (an organization scope was granted), so -Author can be checked against it.</summary>
        public static bool KnowsOrganizations(StoredConnection connection) =>
            connection.Organizations.Count > 0 || connection.Scopes.Any(s => OrganizationScopes.Contains(s, StringComparer.Ordinal));

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
                if (connection.Scopes.Any(s => OrganizationScopes.Contains(s, StringComparer.Ordinal)))
                {
                    parts.Add("-Organization");
                }
            }
            else
            {
                parts.Add("-AccessToken " + ReadAccessToken);
            }
            if (connection.ApiBase != LinkedInEndpoints.ProductionApiBase)
            {
                parts.Add("-ApiBaseUri " + Quote(connection.ApiBase.AbsoluteUri));
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

        /// <summary>The command for a connection that does not exist yet (no app known): OAuth sign-in first.</summary>
        public static string CommandForNew(string name)
        {
            var named = string.Equals(name, ConnectionRegistry.DefaultName, StringComparison.OrdinalIgnoreCase) ? string.Empty : " -Name " + Quote(name);
            return "Connect-LinkedIn" + named + " -ClientId <your app's client id> -ClientSecret " + ReadClientSecret;
        }

        /// <summary>A PowerShell single-quoted string.</summary>
        public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
    }
}
