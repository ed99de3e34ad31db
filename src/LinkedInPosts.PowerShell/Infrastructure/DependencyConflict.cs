using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// PowerShell 7 loads every module's dependencies into one load context: when another module of the session loaded an
    /// older copy of one of ours first (SQLitePCLRaw, Microsoft.Data.Sqlite, MSAL's extensions), .NET refuses ours with a
    /// FileLoadException the moment the queue or the token store is opened. This turns that into an error that names the
    /// assembly, the copy that is loaded and where from, and the way out: a new session that imports LinkedInPosts first.
    /// </summary>
    internal static class DependencyConflict
    {
        private const int ReferenceDefinitionMismatch = unchecked((int)0x80131040); // "The located assembly's manifest definition does not match the assembly reference."

        /// <summary>The error for <paramref name="exception"/>, or null when it is not a version conflict of a loaded assembly.</summary>
        public static ErrorRecord? From(Exception exception)
        {
            if (!(exception is FileLoadException load) || load.HResult != ReferenceDefinitionMismatch || string.IsNullOrEmpty(load.FileName))
            {
                return null;
            }
            AssemblyName wanted;
            try
            {
                wanted = new AssemblyName(load.FileName);
            }
            catch (ArgumentException)
            {
                return null;
            }
            var loaded = AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => !a.IsDynamic && string.Equals(a.GetName().Name, wanted.Name, StringComparison.OrdinalIgnoreCase))
                .Select(a => $"{a.GetName().Version} from {LocationOf(a)}")
                .ToList();
            var already = loaded.Count == 0 ? "another copy is loaded already" : "version " + string.Join(", and ", loaded) + " is loaded already";
            var message = $"LinkedInPosts needs {wanted.Name} {wanted.Version}, but {already}, most likely by another module imported earlier in this " +
                "session, and PowerShell cannot load two versions of one assembly side by side.";
            return new ErrorRecord(new InvalidOperationException(message, exception), ErrorIds.DependencyConflict, ErrorCategory.ResourceUnavailable, wanted.Name)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Start a new PowerShell session and import LinkedInPosts before that module (Import-Module LinkedInPosts first in your profile or script); a scheduled task's own session (-NoProfile) is not affected.",
                },
            };
        }

        private static string LocationOf(Assembly assembly)
        {
            try
            {
                return string.IsNullOrEmpty(assembly.Location) ? "(no file)" : assembly.Location;
            }
            catch (NotSupportedException)
            {
                return "(no file)";
            }
        }
    }
}
