using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Lists the connections in the OS account's token store: member, pages, scopes, when each token
    /// expires and how many days are left, whether the module can refresh it, where the tokens are kept
    /// and which OS account connected. Never shows a token or secret. Reads the store only; LinkedIn is
    /// not called (Test-LinkedInConnection does that).
    /// </summary>
    /// <example>
    /// <code>Get-LinkedInConnection</code>
    /// <para>Every stored connection, one line each with the days its token has left.</para>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInConnection | Where-Object { $null -ne $_.AccessTokenDaysLeft -and $_.AccessTokenDaysLeft -lt 14 -and -not $_.CanRefresh }</code>
    /// <para>The connections that need a new sign-in within two weeks (AccessTokenDaysLeft is empty when the expiry is not known, and $null -lt 14 would be true).</para>
    /// </example>
    /// <example>
    /// <code>(Get-LinkedInConnection work).Organizations</code>
    /// <para>The pages connection 'work' can act for, with the member's role on each.</para>
    /// </example>
    /// <seealso cref="ConnectLinkedInCommand"/>
    /// <seealso cref="DisconnectLinkedInCommand"/>
    [Cmdlet(VerbsCommon.Get, "LinkedInConnection", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(LinkedInConnection))]
    public sealed class GetLinkedInConnectionCommand : LinkedInCmdlet
    {
        /// <summary>The only parameter set: connections by name (all when no name is given).</summary>
        public const string ByNameSet = "ByName";

        /// <summary>
        /// The names of the connections to show; wildcards allowed. Default: all. A name without
        /// wildcards that matches nothing is an error (LinkedInNotConnected).
        /// </summary>
        [Parameter(ParameterSetName = ByNameSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [Alias("Connection")]
        public string[]? Name { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var store = OpenStore();
            WarnAboutStore(store);
            var stored = FromStore(store, s => s.Load(), null);
            var now = ModuleClock.Current.GetUtcNow();
            var patterns = (Name ?? new[] { "*" })
                .Select(n => (Text: n, Pattern: new WildcardPattern(n, WildcardOptions.IgnoreCase)))
                .ToList();
            var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var connection in stored)
            {
                if (patterns.Any(p => p.Pattern.IsMatch(connection.Name)) && written.Add(connection.Name))
                {
                    WriteObject(new LinkedInConnection(connection, store.Description, store.IsProtected, now));
                }
            }
            foreach (var (text, _) in patterns.Where(p => !WildcardPattern.ContainsWildcardCharacters(p.Text)))
            {
                if (!stored.Any(c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase)))
                {
                    WriteError(LinkedInErrorRecords.NotConnected(text, ConnectionRegistry.Current.Names, store, stored));
                }
            }
        }
    }
}
