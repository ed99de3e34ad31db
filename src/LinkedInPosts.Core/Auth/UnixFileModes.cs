using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// Unix permission bits for the store's files and folder. netstandard2.0 has no API for them, so this
    /// uses <c>File.SetUnixFileMode</c>/<c>GetUnixFileMode</c> when the runtime has them (.NET 7 and later,
    /// so PowerShell 7.4+) and libc's <c>chmod</c> otherwise. On Windows it does nothing: the per-user
    /// profile folder's ACL already keeps other accounts out.
    /// </summary>
    internal static class UnixFileModes
    {
        /// <summary>rw------- (0600).</summary>
        public const int OwnerReadWrite = 0x180;

        /// <summary>rwx------ (0700).</summary>
        public const int OwnerOnlyFolder = 0x1C0;

        /// <summary>Bits for the group and for others (077).</summary>
        public const int GroupAndOthers = 0x3F;

        private static readonly MethodInfo? SetMethod;
        private static readonly MethodInfo? GetMethod;
        private static readonly Type? ModeType;

        static UnixFileModes()
        {
            ModeType = typeof(File).Assembly.GetType("System.IO.UnixFileMode", throwOnError: false);
            if (ModeType != null)
            {
                SetMethod = typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), ModeType });
                GetMethod = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
            }
        }

        public static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>Sets the mode of a file or folder; throws <see cref="IOException"/> when it cannot.</summary>
        public static void Set(string path, int mode)
        {
            if (!IsUnix)
            {
                return;
            }
            if (SetMethod != null && ModeType != null)
            {
                try
                {
                    SetMethod.Invoke(null, new object[] { path, Enum.ToObject(ModeType, mode) });
                    return;
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    throw new IOException("Cannot set the permissions of " + path + ": " + e.InnerException.Message, e.InnerException);
                }
            }
            if (chmod(path, (uint)mode) != 0)
            {
                throw new IOException("Cannot set the permissions of " + path + " (errno " + Marshal.GetLastWin32Error() + ").");
            }
        }

        /// <summary>The mode of a file or folder, or null where it cannot be read (Windows, or a runtime before .NET 7).</summary>
        public static int? Get(string path)
        {
            if (!IsUnix || GetMethod == null)
            {
                return null;
            }
            try
            {
                return Convert.ToInt32(GetMethod.Invoke(null, new object[] { path }));
            }
            catch (TargetInvocationException)
            {
                return null;
            }
        }

        [DllImport("libc", SetLastError = true)]
#pragma warning disable IDE1006, SA1300 // libc's own name
        private static extern int chmod(string path, uint mode);
#pragma warning restore IDE1006, SA1300
    }
}
