using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// On .NET Framework, resolves the module's dependencies from its folder by name alone. The folder holds one copy of
    /// each, but the assemblies in it were built against other versions of one another (System.Text.Json against
    /// System.Runtime.CompilerServices.Unsafe 4.0.4.1 while 6.0.0.0 is shipped, Polly against Microsoft.Bcl.TimeProvider
    /// 8.0.0.0 while 8.0.0.1 is): .NET (PowerShell 7) takes the copy at hand, .NET Framework refuses it unless an app's
    /// binding redirects say otherwise, and powershell.exe.config has none for a module. So a reference that the default
    /// binding could not satisfy is answered with the folder's copy of that name, when that copy is the version asked for or
    /// newer: the handler is the whole process's, and another module asking for a newer release (System.Text.Json 9) must not
    /// get this folder's older one (its own resolver, or its error, should answer). The one exception is the pair the folder
    /// knowingly ships older than MSAL's extensions name (<see cref="KnownOlder"/>), for a request from the folder's assemblies.
    /// </summary>
    internal static class ModuleFolderAssemblies
    {
        private static string? _folder;

        /// <summary>netstandard1.3 builds shipped older than what MSAL Extensions names (docs/cmdlets.md, "Windows PowerShell 5.1").</summary>
        internal static readonly string[] KnownOlder = { "System.Security.AccessControl", "System.Security.Principal.Windows" };

        /// <summary>Starts answering for <paramref name="folder"/> (once per process; a second import changes nothing).</summary>
        public static void Register(string folder)
        {
            if (System.Threading.Interlocked.CompareExchange(ref _folder, folder, null) == null)
            {
                AppDomain.CurrentDomain.AssemblyResolve += OnResolve;
            }
        }

        /// <summary>
        /// The folder's file for the assembly <paramref name="requestedName"/>, by simple name, when it is that version or newer
        /// (or one of <see cref="KnownOlder"/> asked for by one of the folder's assemblies, <paramref name="requestedFromFolder"/>);
        /// null for one it does not have, has only older, or a satellite of resources.
        /// </summary>
        internal static string? PathIn(string folder, string requestedName, bool requestedFromFolder = false)
        {
            AssemblyName name;
            try
            {
                name = new AssemblyName(requestedName);
            }
            catch (Exception exception) when (exception is ArgumentException || exception is FileLoadException)
            {
                return null;
            }
            if (string.IsNullOrEmpty(name.Name) || name.Name!.EndsWith(".resources", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(name.CultureName))
            {
                return null;
            }
            var path = Path.Combine(folder, name.Name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }
            if (name.Version == null || requestedFromFolder && KnownOlder.Contains(name.Name, StringComparer.OrdinalIgnoreCase))
            {
                return path;
            }
            try
            {
                return AssemblyName.GetAssemblyName(path).Version >= name.Version ? path : null;
            }
            catch (Exception exception) when (exception is BadImageFormatException || exception is IOException)
            {
                return null;
            }
        }

        private static Assembly? OnResolve(object? sender, ResolveEventArgs args)
        {
            // No requester named (the runtime does not always say): taken as the folder's, as before the version check.
            var fromFolder = _folder != null && (args.RequestingAssembly == null || !args.RequestingAssembly.IsDynamic
                && string.Equals(Path.GetDirectoryName(SafeLocation(args.RequestingAssembly)), _folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.OrdinalIgnoreCase));
            var path = _folder == null ? null : PathIn(_folder, args.Name, fromFolder);
            if (path == null)
            {
                return null;
            }
            // Loaded already (by an earlier answer, or by PowerShell from the folder): the same assembly, not a second copy.
            var simpleName = new AssemblyName(args.Name).Name;
            return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(SafeLocation(a), path, StringComparison.OrdinalIgnoreCase))
                ?? Assembly.LoadFrom(path);
        }

        private static string SafeLocation(Assembly assembly)
        {
            try
            {
                return assembly.Location;
            }
            catch (NotSupportedException)
            {
                return string.Empty;
            }
        }
    }
}
