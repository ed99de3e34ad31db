using System.Text.RegularExpressions;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// The D-Bus session bus through which libsecret reaches a Secret Service keyring (Linux), as named by
    /// <see cref="Variable"/>. Only the per-user bus of systemd's user manager, <c>/run/user/&lt;uid&gt;/bus</c>,
    /// has an address that stays the same across logins and lives as long as the user is logged in; a bus from
    /// <c>dbus-launch</c> or <c>dbus-run-session</c> belongs to one session.
    /// </summary>
    public static class SessionBus
    {
        /// <summary>The variable that names the session bus to libsecret (GLib's D-Bus).</summary>
        public const string Variable = "DBUS_SESSION_BUS_ADDRESS";

        // One unix:path address under /run/user/<digits>/, with at most the bus instance's guid after it.
        private static readonly Regex PerUserAddress = new Regex(@"^unix:path=(/run/user/[0-9]+/bus)(,guid=[0-9a-fA-F]+)?$", RegexOptions.CultureInvariant);

        /// <summary>The socket path of <paramref name="address"/> when it is the per-user bus, else null.</summary>
        public static string? PerUserPath(string? address)
        {
            var match = address == null ? null : PerUserAddress.Match(address.Trim());
            return match != null && match.Success ? match.Groups[1].Value : null;
        }
    }
}
