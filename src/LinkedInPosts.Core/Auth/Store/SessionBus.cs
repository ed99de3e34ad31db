using System;
using System.IO;
using System.Text.RegularExpressions;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// The D-Bus session bus through which libsecret reaches a Secret Service keyring (Linux). Only the per-user bus
    /// of systemd's user manager, <c>/run/user/&lt;uid&gt;/bus</c>, has an address that stays the same across logins
    /// and lives while the user has a login (or lingering); a bus from <c>dbus-launch</c> or <c>dbus-run-session</c>
    /// belongs to one session.
    /// </summary>
    public static class SessionBus
    {
        /// <summary>The variable that names the session bus to libsecret (GLib's D-Bus).</summary>
        public const string Variable = "DBUS_SESSION_BUS_ADDRESS";

        /// <summary>Where GLib looks for the bus (<c>$XDG_RUNTIME_DIR/bus</c>) when <see cref="Variable"/> is not set.</summary>
        public const string RuntimeDirVariable = "XDG_RUNTIME_DIR";

        // One unix:path address under /run/user/<digits>/, with at most the bus instance's guid after it.
        private static readonly Regex PerUserAddress = new Regex(@"^unix:path=(/run/user/([0-9]+)/bus)(,guid=[0-9a-fA-F]+)?$", RegexOptions.CultureInvariant);

        /// <summary>
        /// The socket path of <paramref name="address"/> when it is the per-user bus of user <paramref name="uid"/>,
        /// else null. A bus of another user (kept in the environment across <c>su</c>) is not this process's, and
        /// its bus refuses this process anyway; a null <paramref name="uid"/> (not known) skips that check.
        /// </summary>
        public static string? PerUserPath(string? address, string? uid)
        {
            var match = address == null ? null : PerUserAddress.Match(address.Trim());
            if (match == null || !match.Success)
            {
                return null;
            }
            return uid == null || match.Groups[2].Value == uid ? match.Groups[1].Value : null;
        }

        /// <summary>
        /// The bus address libsecret uses in this environment: <see cref="Variable"/>, else GLib's fallback
        /// <c>$XDG_RUNTIME_DIR/bus</c> when that socket exists; null when neither names one.
        /// </summary>
        public static string? Address(Func<string, string?> environment)
        {
            var named = environment(Variable);
            if (!string.IsNullOrWhiteSpace(named))
            {
                return named!.Trim();
            }
            var runtime = environment(RuntimeDirVariable);
            if (string.IsNullOrWhiteSpace(runtime))
            {
                return null;
            }
            var socket = runtime!.Trim().TrimEnd('/') + "/bus";
            return File.Exists(socket) ? "unix:path=" + socket : null;
        }

        /// <summary>The effective uid of this process from <c>/proc/self/status</c> (Linux); null where that cannot be read.</summary>
        public static string? CurrentUid()
        {
            try
            {
                foreach (var line in File.ReadLines("/proc/self/status"))
                {
                    if (line.StartsWith("Uid:", StringComparison.Ordinal))
                    {
                        // Uid: real, effective, saved, filesystem.
                        var fields = line.Substring(4).Split(new[] { '\t', ' ' }, StringSplitOptions.RemoveEmptyEntries);
                        return fields.Length > 1 ? fields[1] : null;
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
            return null;
        }
    }
}
