using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// What every LinkedInPosts token store shares: one JSON document holding all connections (the secret
    /// payload), read and written only under the cross-process lock <see cref="LockFilePath"/>, names
    /// compared case-insensitively, and errors that name the OS account and the way to reset. The concrete
    /// stores decide only where the payload lives: <see cref="MsalConnectionStore"/> (protected) and
    /// <see cref="PlainFileConnectionStore"/> (opt-in plain file). Open one with <see cref="ConnectionStoreFactory"/>.
    /// </summary>
    public abstract class LockedConnectionStore : IConnectionStore
    {
        /// <summary>The lock file's name in the data folder, shared by both kinds of store.</summary>
        public const string LockFileName = "connections.lock";

        private readonly StoreLock _lock;

        private protected LockedConnectionStore(string dataFolder, TimeSpan lockTimeout)
        {
            DataFolder = dataFolder;
            _lock = new StoreLock(Path.Combine(dataFolder, LockFileName), lockTimeout);
        }

        /// <summary>The data folder the store belongs to.</summary>
        public string DataFolder { get; }

        /// <summary>The file the cross-process lock is taken on.</summary>
        public string LockFilePath => _lock.LockFilePath;

        /// <inheritdoc />
        public abstract string Description { get; }

        /// <inheritdoc />
        public abstract bool IsProtected { get; }

        /// <summary>Where the payload lives, for messages: a file path or a keyring item (never its content).</summary>
        public abstract string Location { get; }

        /// <summary>
        /// A warning for the cmdlets to show on every use of this store, or null. The plain file always has
        /// one (it is not protected); the protected store has one while an unused plain file is left over.
        /// </summary>
        public virtual string? Warning => null;

        /// <summary>How to remove the payload by hand, for messages (a command or a path).</summary>
        private protected abstract string ManualReset { get; }

        /// <inheritdoc />
        public IReadOnlyList<StoredConnection> Load()
        {
            using (_lock.Acquire())
            {
                return ReadConnections()
                    .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(c => c.Clone())
                    .ToList();
            }
        }

        /// <inheritdoc />
        public StoredConnection? Find(string name)
        {
            RequireName(name);
            using (_lock.Acquire())
            {
                return ReadConnections().FirstOrDefault(c => SameName(c.Name, name))?.Clone();
            }
        }

        /// <inheritdoc />
        public void Save(StoredConnection connection)
        {
            if (connection == null)
            {
                throw new ArgumentNullException(nameof(connection));
            }
            RequireName(connection.Name);
            using (_lock.Acquire())
            {
                var connections = ReadConnections();
                connections.RemoveAll(c => SameName(c.Name, connection.Name));
                connections.Add(Stamp(connection.Clone()));
                WriteConnections(connections);
            }
        }

        /// <inheritdoc />
        public bool Delete(string name)
        {
            RequireName(name);
            using (_lock.Acquire())
            {
                var connections = ReadConnections();
                if (connections.RemoveAll(c => SameName(c.Name, name)) == 0)
                {
                    return false;
                }
                WriteConnections(connections);
                return true;
            }
        }

        /// <inheritdoc />
        /// <remarks>
        /// The delegate runs while the lock is held, typically across an HTTP refresh; other processes
        /// wait for it (up to their lock timeout). It may read this store (the lock is re-entrant within
        /// the call), and it must return the connection under the same name. A connection that does not
        /// exist is a <see cref="LinkedInAuthException"/> (<see cref="AuthFailureReason.Missing"/>).
        /// </remarks>
        public async Task<StoredConnection> UpdateAsync(
            string name,
            Func<StoredConnection, CancellationToken, Task<StoredConnection>> update,
            CancellationToken cancellationToken)
        {
            RequireName(name);
            if (update == null)
            {
                throw new ArgumentNullException(nameof(update));
            }
            using (await _lock.AcquireAsync(cancellationToken).ConfigureAwait(false))
            {
                _lock.ClaimForThisFlow();
                var connections = ReadConnections();
                var current = connections.FirstOrDefault(c => SameName(c.Name, name));
                if (current == null)
                {
                    throw NotConnected(name);
                }
                var updated = await update(current.Clone(), cancellationToken).ConfigureAwait(false);
                if (updated == null)
                {
                    throw new InvalidOperationException("The update of connection '" + current.Name + "' returned nothing.");
                }
                if (!SameName(updated.Name, current.Name))
                {
                    throw new InvalidOperationException(
                        "The update of connection '" + current.Name + "' renamed it to '" + updated.Name + "'; an update keeps the name.");
                }
                // The delegate may have saved through this store while holding the lock: re-read so its
                // write is the base this one replaces rather than a copy from before it.
                connections = ReadConnections();
                connections.RemoveAll(c => SameName(c.Name, name));
                var stored = Stamp(updated.Clone());
                connections.Add(stored);
                WriteConnections(connections);
                return stored.Clone();
            }
        }

        /// <summary>
        /// Removes every connection and the payload itself, even when it cannot be read (a corrupt file, a
        /// secret written by another account). <c>Disconnect-LinkedIn -All -Force</c> calls this.
        /// </summary>
        public void Reset()
        {
            using (_lock.Acquire())
            {
                Guarded("could not be reset", DeletePayload);
            }
        }

        /// <summary>What the store is and where it lives; never a secret.</summary>
        public override string ToString() => Description + " at " + Location;

        /// <summary>The stored payload, or null when there is none yet.</summary>
        private protected abstract byte[]? ReadPayload();

        /// <summary>Replaces the stored payload.</summary>
        private protected abstract void WritePayload(byte[] payload);

        /// <summary>Removes the stored payload; no error when there is none.</summary>
        private protected abstract void DeletePayload();

        /// <summary>The error for a payload that exists but cannot be used.</summary>
        private protected LinkedInTokenStoreException Unreadable(string reason, Exception? inner = null) =>
            new LinkedInTokenStoreException(
                TokenStoreFailure.Unreadable,
                "The LinkedInPosts token store (" + Description + ") at " + Location + " cannot be read: " + reason + ". " +
                "It belongs to the OS account that wrote it; this process runs as " + OsAccount.Current + ". " +
                "To start over, run 'Disconnect-LinkedIn -All -Force' as " + OsAccount.Current +
                " (it removes every stored connection), or " + ManualReset + "; then connect again with Connect-LinkedIn.",
                inner);

        private List<StoredConnection> ReadConnections()
        {
            var payload = ReadPayload();
            if (payload == null)
            {
                return new List<StoredConnection>();
            }
            try
            {
                return ConnectionDocument.Parse(payload);
            }
            catch (FormatException e)
            {
                throw Unreadable(e.Message);
            }
        }

        private void WriteConnections(List<StoredConnection> connections)
        {
            var payload = ConnectionDocument.Serialize(connections);
            Guarded("could not be written", () => WritePayload(payload));
        }

        /// <summary>The payload of a store without connections (what a reset writes before it removes the item).</summary>
        private protected static byte[] EmptyPayload() => ConnectionDocument.Serialize(new List<StoredConnection>());

        /// <summary>Runs a write or delete; a platform failure becomes the store's own error, naming the store.</summary>
        private void Guarded(string failed, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (!(e is LinkedInException || e is OutOfMemoryException))
            {
                // A store that verified can still fail later (the keyring daemon went away or was locked, the disk
                // is full). The inner exception is the platform's own (a path, a libsecret message), never the payload.
                throw new LinkedInTokenStoreException(
                    TokenStoreFailure.Unavailable,
                    "The LinkedInPosts token store (" + Description + ") at " + Location + " " + failed + " (" +
                    e.GetType().Name + ": " + e.Message.Split('\n')[0].Trim() + "); nothing was changed. It belongs to OS account " +
                    OsAccount.Current + ". Try again; if it keeps failing, check the store is still available to this account " +
                    "(for a keyring: that it is unlocked).",
                    e);
            }
        }

        private LinkedInAuthException NotConnected(string name) =>
            new LinkedInAuthException(
                AuthFailureReason.Missing,
                "There is no connection named '" + name + "' in the token store of OS account " + OsAccount.Current +
                " (" + Description + "). The store belongs to the OS account: a connection made as another account is not visible here. " +
                "Run Connect-LinkedIn -Name " + name + " as " + OsAccount.Current + ".");

        private static StoredConnection Stamp(StoredConnection connection)
        {
            if (string.IsNullOrEmpty(connection.ConnectedBy))
            {
                connection.ConnectedBy = OsAccount.Current;
            }
            return connection;
        }

        private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private static void RequireName(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A connection name is required.", nameof(name));
            }
        }
    }
}
