using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// Tab completion for <c>-Connection</c> and <c>-Name</c>: the names of this session's connections and
    /// of those in the OS account's token store (when it can be opened without prompting for anything).
    /// </summary>
    public sealed class ConnectionNameCompleter : NameCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Names() =>
            ConnectionRegistry.Current.Names
                .Concat(StoredNames())
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(name => name, StringComparer.OrdinalIgnoreCase);

        /// <inheritdoc />
        protected override string Describe(string name) => "LinkedIn connection '" + name + "'";

        private static IEnumerable<string> StoredNames()
        {
            try
            {
                return ConnectionStoreFactory.Open().Load().Select(c => c.Name).ToList();
            }
            catch (LinkedInException)
            {
                // No usable store (or it is locked): complete what this session has.
                return Enumerable.Empty<string>();
            }
        }
    }
}
