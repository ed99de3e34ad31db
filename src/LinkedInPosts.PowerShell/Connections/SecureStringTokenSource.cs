using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// Hands Core the token from a SecureString, turning it into a string only for the call that needs
    /// it. The module keeps no plain-text copy of the token of its own.
    /// </summary>
    internal sealed class SecureStringTokenSource : IAccessTokenSource, IDisposable
    {
        private readonly SecureString _token;

        /// <summary>Keeps a read-only copy, so the caller may dispose or change theirs.</summary>
        public SecureStringTokenSource(SecureString token)
        {
            if (token == null)
            {
                throw new ArgumentNullException(nameof(token));
            }
            _token = token.Copy();
            _token.MakeReadOnly();
        }

        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(ToPlainText(_token));

        /// <summary>
        /// The secret as a string, trimmed, for the one call (or the store) that needs it. The caller must
        /// never write it anywhere else.
        /// </summary>
        public static string ToPlainText(SecureString secret)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return (Marshal.PtrToStringUni(pointer) ?? string.Empty).Trim();
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }

        /// <summary>True when the token is empty or only white space.</summary>
        public static bool IsBlank(SecureString token)
        {
            if (token.Length == 0)
            {
                return true;
            }
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(token);
                for (var i = 0; i < token.Length; i++)
                {
                    if (!char.IsWhiteSpace((char)Marshal.ReadInt16(pointer, i * 2)))
                    {
                        return false;
                    }
                }
                return true;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }

        /// <summary>A SecureString holding <paramref name="value"/> (used for the environment variable).</summary>
        public static SecureString FromPlainText(string value)
        {
            var secure = new SecureString();
            foreach (var character in value.Trim())
            {
                secure.AppendChar(character);
            }
            secure.MakeReadOnly();
            return secure;
        }

        public void Dispose() => _token.Dispose();

        /// <summary>Never shows the token.</summary>
        public override string ToString() => "SecureStringTokenSource(***)";
    }
}
