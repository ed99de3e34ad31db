using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// Where connections are kept between sessions, per operating-system account. Implementations protect
    /// the secrets at rest (DPAPI, Keychain, libsecret) or, only when the user opted in, use a plain file
    /// with mode 0600. Every read and write takes a cross-process lock, so a scheduled task and an
    /// interactive session can share the store.
    /// </summary>
    public interface IConnectionStore
    {
        /// <summary>What protects the store, in words for messages (e.g. "libsecret (Secret Service)").</summary>
        string Description { get; }

        /// <summary>False for the opted-in plain file: cmdlets warn on every use.</summary>
        bool IsProtected { get; }

        /// <summary>All connections, sorted by name.</summary>
        IReadOnlyList<StoredConnection> Load();

        /// <summary>The connection called <paramref name="name"/> (case-insensitive), or null.</summary>
        StoredConnection? Find(string name);

        /// <summary>Adds the connection, or replaces the one of the same name.</summary>
        void Save(StoredConnection connection);

        /// <summary>Removes the connection; false when there was none.</summary>
        bool Delete(string name);

        /// <summary>
        /// Read-modify-write of one connection under the cross-process lock: re-reads it, lets
        /// <paramref name="update"/> return the new state (for example after a token refresh), and writes
        /// it before the lock is released, so two processes refreshing at once never lose a token.
        /// </summary>
        Task<StoredConnection> UpdateAsync(string name, Func<StoredConnection, CancellationToken, Task<StoredConnection>> update, CancellationToken cancellationToken);
    }
}
