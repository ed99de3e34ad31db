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
    /// binding could not satisfy is answered with the folder's copy of that name.
    /// </summary>
    internal static class ModuleFolderAssemblies
    {
        private static string? _folder;

        /// <summary>Starts answering for <paramref name="folder"/> (once per process; a second import changes nothing).</summary>
        public static void Register(string folder)
        {
            if (System.Threading.Interlocked.CompareExchange(ref _folder, folder, null) == null)
            {
                AppDomain.CurrentDomain.AssemblyResolve += OnResolve;
            }
        }

        /// <summary>The folder's file for the assembly <paramref name="requestedName"/>, by simple name; null for one it does not have (or a satellite of resources).</summary>
        internal static string? PathIn(string folder, string requestedName)
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
            return File.Exists(path) ? path : null;
        }

        private static Assembly? OnResolve(object? sender, ResolveEventArgs args)
        {
            var path = _folder == null ? null : PathIn(_folder, args.Name);
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
