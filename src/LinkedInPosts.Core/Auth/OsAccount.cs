using System;
using System.Runtime.InteropServices;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// The operating-system account this process runs as, written the way people recognise it:
    /// <c>DOMAIN\user</c> on Windows, <c>user@host</c> elsewhere. The token store belongs to that
    /// account, so messages name it ("connected as X, this task runs as Y").
    /// </summary>
    public static class OsAccount
    {
        /// <summary>The current account.</summary>
        public static string Current
        {
            get
            {
                var user = Environment.UserName;
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    var domain = Environment.UserDomainName;
                    return string.IsNullOrEmpty(domain) ? user : domain + "\\" + user;
                }
                return user + "@" + Environment.MachineName;
            }
        }

        /// <summary>
        /// "Connection 'x' was made as X; this process runs as Y ..." when <paramref name="connection"/> was
        /// made by another OS account (a shared data folder, a task running as another user), else null.
        /// </summary>
        public static string? DescribeMismatch(StoredConnection connection)
        {
            if (connection == null)
            {
                throw new ArgumentNullException(nameof(connection));
            }
            if (IsCurrent(connection.ConnectedBy))
            {
                return null;
            }
            return "Connection '" + connection.Name + "' was made as " + connection.ConnectedBy + "; this process runs as " + Current +
                ". The token store belongs to the OS account: run Connect-LinkedIn as " + Current +
                " (for a scheduled task, as the account the task runs as) rather than sharing another account's data folder.";
        }

        /// <summary>True when <paramref name="account"/> names the current account (case-insensitive; empty counts as unknown, not different).</summary>
        public static bool IsCurrent(string? account) =>
            string.IsNullOrEmpty(account) || string.Equals(account, Current, StringComparison.OrdinalIgnoreCase);
    }
}
