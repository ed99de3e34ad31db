using System.Collections.Generic;
using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>Which token store the session that registers a crontab line uses.</summary>
    public enum SessionTokenStore
    {
        /// <summary>A Secret Service keyring through libsecret (Linux).</summary>
        Keyring,

        /// <summary>A protected store cron's reach to is not known here (the macOS Keychain).</summary>
        OtherProtected,

        /// <summary>The opted-in plain-text token file.</summary>
        PlainFile,

        /// <summary>No store works in this session (<see cref="Errors.TokenStoreFailure.Unavailable"/>).</summary>
        Unavailable,
    }

    /// <summary>
    /// Whether the runs of a crontab line will find the connections this session made, and what the line must
    /// carry for that. cron starts its jobs outside the desktop session, with no session bus address, so a
    /// keyring this session reaches is out of their reach unless the line names the bus; and a plain-text file
    /// this session uses is refused by runs that did not opt in. Registering used to say none of this, and the
    /// line it made failed on every run, or ran against an empty plain file, found out only in the log.
    /// </summary>
    /// <remarks>
    /// Only this user's per-user bus <c>unix:path=/run/user/&lt;uid&gt;/bus</c> is carried (<see cref="SessionBus"/>): it
    /// lives while the user has a login (or lingering) and has the same address every time. A bus that
    /// <c>dbus-launch</c> or <c>dbus-run-session</c> started belongs to one session and is gone, or another
    /// one, by the next run; its <c>guid=</c> would make libsecret refuse a restarted bus in any case. So
    /// the runs reach the keyring while that bus and an unlocked keyring exist, much as a Windows task runs only
    /// while the user is logged on, and fail with <c>LinkedInTokenStoreUnavailable</c> otherwise (a locked keyring
    /// after <see cref="Auth.MsalConnectionStore"/>'s bounded test write, not an unlock dialog nobody answers).
    /// </remarks>
    public sealed class CronTokenStoreAccess
    {
        private readonly List<string> _warnings = new List<string>();

        private CronTokenStoreAccess()
        {
        }

        /// <summary>Nothing to carry or say: the session's store could not be checked.</summary>
        public static CronTokenStoreAccess Unknown => new CronTokenStoreAccess();

        /// <summary>The bus address the line must set (<see cref="SessionBus.Variable"/>), or null.</summary>
        public string? SessionBusAddress { get; private set; }

        /// <summary>What the person registering must know: each a sentence or two for a PowerShell warning.</summary>
        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>Decides for a line registered from a session that uses <paramref name="store"/>.</summary>
        /// <param name="store">The store this session opens.</param>
        /// <param name="runsAllowPlainText">The line opts in to the plain-text file (-AllowPlainTextTokenFile).</param>
        /// <param name="sessionBus">The bus this session's libsecret uses (<see cref="SessionBus.Address"/>), or null.</param>
        /// <param name="currentUid">This process's uid where known: only its own per-user bus is carried.</param>
        /// <param name="plainFile">The plain-text token file of the data folder the runs use.</param>
        /// <param name="plainFileExists">Whether <paramref name="plainFile"/> exists.</param>
        public static CronTokenStoreAccess For(SessionTokenStore store, bool runsAllowPlainText, string? sessionBus, string? currentUid, string plainFile, bool plainFileExists)
        {
            var access = new CronTokenStoreAccess();
            switch (store)
            {
                case SessionTokenStore.Keyring:
                    access.ForKeyring(runsAllowPlainText, sessionBus, currentUid, plainFile, plainFileExists);
                    break;
                case SessionTokenStore.OtherProtected when !runsAllowPlainText:
                    // cron on macOS is a launchd daemon outside the login session (token-store.md, "Under cron"): not tested here.
                    access._warnings.Add(
                        "This session's connections are in the macOS Keychain, which cron's runs usually cannot read: they start outside your login session, " +
                        "and the Keychain item allows only the program that made it, so every run may fail with LinkedInTokenStoreUnavailable (see the log). " +
                        "Check one run's log after registering; if it failed, connect with Connect-LinkedIn -AllowPlainTextTokenFile and register with " +
                        "-AllowPlainTextTokenFile. cron also needs Full Disk Access (System Settings, Privacy & Security) to open a queue or log under " +
                        "~/Documents, ~/Desktop or iCloud Drive.");
                    break;
                case SessionTokenStore.PlainFile when !runsAllowPlainText:
                    access._warnings.Add(
                        "This session keeps its connections in the plain-text token file (" + plainFile + "), which the runs refuse without an opt-in of their own, " +
                        "so every run would fail with LinkedInTokenStoreUnavailable. Register with -AllowPlainTextTokenFile: it puts " +
                        ConnectionStoreOptions.AllowPlainTextVariable + "=1 on the line.");
                    break;
                case SessionTokenStore.Unavailable when !runsAllowPlainText:
                    access._warnings.Add(
                        "No token store works in this session, and cron's runs have no keyring either: every run would fail with LinkedInTokenStoreUnavailable. " +
                        "Connect with Connect-LinkedIn -AllowPlainTextTokenFile and register with -AllowPlainTextTokenFile.");
                    break;
            }
            return access;
        }

        private void ForKeyring(bool runsAllowPlainText, string? sessionBus, string? currentUid, string plainFile, bool plainFileExists)
        {
            var perUser = SessionBus.PerUserPath(sessionBus, currentUid);
            if (perUser != null)
            {
                SessionBusAddress = "unix:path=" + perUser;
                _warnings.Add(
                    "This session's connections are in your Secret Service keyring, which cron's runs reach only through your per-user session bus: the line sets " +
                    SessionBus.Variable + "=" + SessionBusAddress + ", so the runs publish while that bus and an unlocked keyring exist (while you are logged in, " +
                    "or with lingering), and fail with LinkedInTokenStoreUnavailable (see the log) otherwise; a locked keyring fails a run after a minute, not waiting for its unlock dialog.");
            }
            else
            {
                _warnings.Add(
                    "This session's connections are in your Secret Service keyring, but its session bus (" + (string.IsNullOrWhiteSpace(sessionBus) ? "none named" : sessionBus!.Trim()) +
                    ") is not your per-user bus /run/user/<uid>/bus, the one address that lasts across sessions, so cron's runs cannot reach the keyring and every run would fail with " +
                    "LinkedInTokenStoreUnavailable. Register from a login whose session bus is /run/user/<uid>/bus (a systemd user session; on Debian and Ubuntu the package dbus-user-session), " +
                    "or use the plain-text token file (Connect-LinkedIn -AllowPlainTextTokenFile where no keyring is reachable, and -AllowPlainTextTokenFile here).");
            }
            if (runsAllowPlainText && !plainFileExists)
            {
                _warnings.Add(
                    "-AllowPlainTextTokenFile: a run that cannot reach the keyring uses the plain-text token file " + plainFile + ", which does not exist. " +
                    "Connect-LinkedIn in this session stores connections in the keyring, never in that file: make them where no keyring is reachable.");
            }
        }
    }
}
