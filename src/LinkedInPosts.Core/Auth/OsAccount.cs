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

        /// <summary>True when <paramref name="account"/> names the current account (case-insensitive; empty counts as unknown, not different).</summary>
        public static bool IsCurrent(string? account) =>
            string.IsNullOrEmpty(account) || string.Equals(account, Current, StringComparison.OrdinalIgnoreCase);
    }
}
