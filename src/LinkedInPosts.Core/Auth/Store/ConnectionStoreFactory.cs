using System;
using System.IO;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// Opens the token store of the current OS account: the protected store when it works, the plain-text
    /// file only when the user opted in, and otherwise an error that says what failed and how to opt in.
    /// </summary>
    /// <remarks>
    /// Which store wins, and why:
    /// <list type="bullet">
    /// <item>The protected store always wins when it verifies, opt-in or not: the opt-in means "a plain file
    /// is acceptable where nothing better exists", not "prefer a plain file".</item>
    /// <item>A plain file left from an earlier opt-in is never read without an opt-in in this process
    /// (option or environment variable), even though it is there: the error names it and says how to opt
    /// in again. Reading it silently would hand plain-text tokens to a user who never chose them here.</item>
    /// <item>When the protected store becomes available after a plain-file period (a keyring was set up,
    /// the task now runs in a desktop session), nothing is migrated: moving secrets between stores
    /// without being asked would copy tokens into a store the user did not choose, or leave copies behind
    /// they do not know about. The protected store starts empty, its <see cref="LockedConnectionStore.Warning"/>
    /// names the left-over plain file on every use, and the user reconnects and deletes the file. A task
    /// that still runs without a protected store and with the opt-in keeps using the plain file.</item>
    /// </list>
    /// </remarks>
    public static class ConnectionStoreFactory
    {
        internal delegate LockedConnectionStore? ProtectedOpener(string dataFolder, TimeSpan lockTimeout, out string? failure);

        /// <summary>
        /// The store for <paramref name="options"/> (null: defaults). Throws
        /// <see cref="LinkedInTokenStoreException"/> (<see cref="TokenStoreFailure.Unavailable"/>) when no
        /// protected store works and the user did not opt in to the plain file.
        /// </summary>
        public static LockedConnectionStore Open(ConnectionStoreOptions? options = null) =>
            Open(options ?? new ConnectionStoreOptions(), Environment.GetEnvironmentVariable, MsalConnectionStore.TryOpen, SessionBus.CurrentUid);

        /// <summary>True when <paramref name="value"/> of <see cref="ConnectionStoreOptions.AllowPlainTextVariable"/> opts in (<c>1</c> or <c>true</c>).</summary>
        public static bool IsOptInValue(string? value)
        {
            var trimmed = value?.Trim();
            return trimmed == "1" || string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase);
        }

        /// <param name="options">What to open.</param>
        /// <param name="environment">The process environment.</param>
        /// <param name="openProtected">Opens the protected store.</param>
        /// <param name="currentUid">This process's uid where known (Linux), to tell its own per-user bus from another user's; read only for the error.</param>
        internal static LockedConnectionStore Open(ConnectionStoreOptions options, Func<string, string?> environment, ProtectedOpener openProtected, Func<string?>? currentUid = null)
        {
            var folder = DataFolder.Ensure(string.IsNullOrWhiteSpace(options.DataFolder)
                ? DataFolder.Resolve(environment)
                : options.DataFolder!);

            var protectedStore = openProtected(folder, options.LockTimeout, out var failure);
            if (protectedStore != null)
            {
                return protectedStore;
            }

            if (options.AllowPlainTextFile || IsOptInValue(environment(ConnectionStoreOptions.AllowPlainTextVariable)))
            {
                return new PlainFileConnectionStore(folder, options.LockTimeout);
            }

            var plainFile = Path.Combine(folder, PlainFileConnectionStore.FileName);
            throw new LinkedInTokenStoreException(
                TokenStoreFailure.Unavailable,
                Unavailable(failure ?? "the protected store did not verify", plainFile, File.Exists(plainFile), LoggedOutBus(environment(SessionBus.Variable), currentUid?.Invoke())));
        }

        /// <summary>The per-user bus path of <paramref name="sessionBus"/> when nothing is at it, else null.</summary>
        private static string? LoggedOutBus(string? sessionBus, string? currentUid)
        {
            var path = SessionBus.PerUserPath(sessionBus, currentUid);
            return path != null && !File.Exists(path) ? path : null;
        }

        private static string Unavailable(string failure, string plainFile, bool plainFileExists, string? loggedOut)
        {
            var account = OsAccount.Current;
            var text =
                "No protected token store is available to OS account " + account + ": " + failure + ". " +
                "LinkedInPosts keeps tokens in the account's protected store (DPAPI on Windows, the Keychain on macOS, " +
                "a Secret Service keyring through libsecret on Linux), and the store belongs to that account: a connection made " +
                "as another account, or in a desktop session whose keyring this process cannot reach, is not visible here. ";
            if (loggedOut != null)
            {
                // The address Register-LinkedInPostQueueTask put on a crontab line: say why this run missed the keyring.
                text += "The per-user session bus this process was given (" + loggedOut + ") is not there, as when its user is not logged in: " +
                    "a scheduled run reaches the keyring only while your bus and an unlocked keyring exist (a login, or lingering). ";
            }
            if (plainFileExists)
            {
                text += "A plain-text token file from an earlier opt-in exists (" + plainFile + "); it is not read unless you opt in again: ";
            }
            else
            {
                text += "Where no protected store can work (a headless server, cron), you can opt in to a plain-text file (" +
                    plainFile + ", mode 0600, readable by anyone who can act as " + account + "): ";
            }
            return text +
                "run Connect-LinkedIn -AllowPlainTextTokenFile, and set " + ConnectionStoreOptions.AllowPlainTextVariable +
                "=1 in the environment of every session or scheduled task that uses it (for cron, a line " +
                ConnectionStoreOptions.AllowPlainTextVariable + "=1 in the crontab).";
        }
    }
}
