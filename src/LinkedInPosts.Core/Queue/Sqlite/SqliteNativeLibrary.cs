using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    /// <summary>
    /// Makes SQLitePCLRaw find the module's own copy of SQLite without a deps.json.
    /// <para>
    /// The module folder carries <c>runtimes/&lt;rid&gt;/native/(lib)e_sqlite3.*</c> for each shipped runtime
    /// identifier, but neither PowerShell 7 nor Windows PowerShell 5.1 reads a deps.json for a module, so the
    /// runtime's own search (the application's folder, the assembly's folder, the system's paths) never
    /// looks there. On first use this class picks the file for the running OS and architecture next to
    /// LinkedInPosts.Core.dll and ties SQLitePCLRaw's <c>DllImport("e_sqlite3")</c> to it:
    /// </para>
    /// <list type="bullet">
    /// <item>.NET (PowerShell 7): <c>NativeLibrary.Load(path)</c>, then <c>NativeLibrary.SetDllImportResolver</c>
    /// on SQLitePCLRaw.provider.e_sqlite3 answering "e_sqlite3" with that handle. Both are reached by
    /// reflection because Core targets netstandard2.0. If another component already set a resolver on that
    /// assembly, the <c>AssemblyLoadContext.ResolvingUnmanagedDll</c> event of its load context is used
    /// instead (it runs when the runtime's own search finds nothing).</item>
    /// <item>.NET Framework (Windows PowerShell 5.1, Windows only): <c>LoadLibraryW(path)</c>. A later
    /// <c>DllImport("e_sqlite3")</c> then binds to the module Windows already has loaded under that name.</item>
    /// </list>
    /// <para>
    /// Then SQLitePCLRaw's provider is set explicitly (<c>raw.SetProvider</c>), which makes the first native
    /// call, so a missing or wrong library fails here with a message that lists what was tried. When no
    /// file is found next to the assembly (an application with its own deps.json, such as the tests), the
    /// runtime's own search is used as it is.
    /// </para>
    /// </summary>
    internal static class SqliteNativeLibrary
    {
        private static readonly object Gate = new object();
        private static string? _loadedFrom;
        private static bool _initialized;
        private static IntPtr _handle;

        /// <summary>The file SQLite was loaded from, or a description of the search used; null before first use.</summary>
        public static string? LoadedFrom
        {
            get
            {
                lock (Gate)
                {
                    return _loadedFrom;
                }
            }
        }

        /// <summary>Loads SQLite once per process (thread-safe); throws <see cref="LinkedInQueueException"/> when it cannot.</summary>
        public static void EnsureLoaded()
        {
            lock (Gate)
            {
                if (_initialized)
                {
                    return;
                }
                var tried = new List<string>();
                string? loadedPath = null;
                var folder = AssemblyFolder();
                if (folder != null)
                {
                    var os = NativeRuntime.CurrentOs;
                    foreach (var path in NativeRuntime.CandidatePaths(folder, os, RuntimeInformation.ProcessArchitecture, NativeRuntime.IsMusl()))
                    {
                        if (!File.Exists(path))
                        {
                            tried.Add(path + " (not there)");
                            continue;
                        }
                        var error = TryLoad(path);
                        if (error == null)
                        {
                            loadedPath = path;
                            break;
                        }
                        tried.Add(path + " (" + error + ")");
                    }
                }
                else
                {
                    tried.Add("LinkedInPosts.Core.dll has no location on disk, so no module folder to look in");
                }

                try
                {
                    SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
                }
                catch (Exception e) when (e is DllNotFoundException || e is BadImageFormatException || e is EntryPointNotFoundException || e is TypeInitializationException)
                {
                    throw new LinkedInQueueException(
                        QueueFailure.Unavailable,
                        "SQLite's native library (e_sqlite3) could not be loaded for " + RuntimeInformation.OSDescription.Trim() + " on " +
                        NativeRuntime.ArchitectureName(RuntimeInformation.ProcessArchitecture) + ". Tried: " +
                        (tried.Count == 0 ? "nothing next to LinkedInPosts.Core.dll" : string.Join("; ", tried)) +
                        ", then the system's own search. The module ships SQLite for win-x64, win-x86, win-arm64, linux-x64, linux-arm64, " +
                        "linux-musl-x64, osx-x64 and osx-arm64; reinstall the module if its runtimes folder is incomplete. (" + e.Message + ")",
                        e);
                }
                _loadedFrom = loadedPath ?? "the runtime's own search (" + (tried.Count == 0 ? "no module folder" : string.Join("; ", tried)) + ")";
                _initialized = true;
            }
        }

        private static string? AssemblyFolder()
        {
            var location = typeof(SqliteNativeLibrary).Assembly.Location;
            return string.IsNullOrEmpty(location) ? null : Path.GetDirectoryName(location);
        }

        /// <summary>Loads the library at <paramref name="path"/> and routes SQLitePCLRaw to it; returns why not, or null.</summary>
        private static string? TryLoad(string path)
        {
            var nativeLibrary = typeof(object).Assembly.GetType("System.Runtime.InteropServices.NativeLibrary", throwOnError: false);
            if (nativeLibrary != null)
            {
                return TryLoadWithNativeLibrary(nativeLibrary, path);
            }
            if (NativeRuntime.CurrentOs == NativeOs.Windows)
            {
                var handle = LoadLibraryW(path);
                if (handle == IntPtr.Zero)
                {
                    return "LoadLibrary failed with Windows error " + Marshal.GetLastWin32Error();
                }
                _handle = handle;
                return null;
            }
            return "this runtime has neither NativeLibrary nor LoadLibrary";
        }

        private static string? TryLoadWithNativeLibrary(Type nativeLibrary, string path)
        {
            var load = nativeLibrary.GetMethod("Load", new[] { typeof(string) });
            if (load == null)
            {
                return "NativeLibrary.Load(string) is missing";
            }
            try
            {
                _handle = (IntPtr)load.Invoke(null, new object[] { path })!;
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                return e.InnerException.GetType().Name + ": " + e.InnerException.Message;
            }

            var provider = typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly;
            var resolver = new Resolver(_handle);
            var resolverType = typeof(object).Assembly.GetType("System.Runtime.InteropServices.DllImportResolver", throwOnError: false);
            var setResolver = resolverType == null ? null : nativeLibrary.GetMethod("SetDllImportResolver", new[] { typeof(Assembly), resolverType });
            if (resolverType != null && setResolver != null)
            {
                var callback = Delegate.CreateDelegate(resolverType, resolver, typeof(Resolver).GetMethod(nameof(Resolver.Resolve))!);
                try
                {
                    setResolver.Invoke(null, new object[] { provider, callback });
                    return null;
                }
                catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException)
                {
                    // Another component set a resolver on this assembly first; fall through to the event.
                }
            }
            return SubscribeToResolvingUnmanagedDll(provider, resolver);
        }

        private static string? SubscribeToResolvingUnmanagedDll(Assembly provider, Resolver resolver)
        {
            var contextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false);
            var getContext = contextType?.GetMethod("GetLoadContext", new[] { typeof(Assembly) });
            var resolving = contextType?.GetEvent("ResolvingUnmanagedDll");
            var context = getContext?.Invoke(null, new object[] { provider });
            if (context == null || resolving == null)
            {
                return "a DllImport resolver was already set for SQLitePCLRaw.provider.e_sqlite3 and its load context has no ResolvingUnmanagedDll event";
            }
            resolving.AddEventHandler(context, new Func<Assembly, string, IntPtr>(resolver.ResolveUnmanaged));
            return null;
        }

        /// <summary>Answers SQLitePCLRaw's request for "e_sqlite3" with the handle loaded from the module folder.</summary>
        private sealed class Resolver
        {
            private readonly IntPtr _handle;

            public Resolver(IntPtr handle) => _handle = handle;

            /// <summary>The <c>DllImportResolver</c> signature.</summary>
            public IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
                IsSqlite(libraryName) ? _handle : IntPtr.Zero;

            /// <summary>The <c>ResolvingUnmanagedDll</c> signature.</summary>
            public IntPtr ResolveUnmanaged(Assembly assembly, string libraryName) =>
                IsSqlite(libraryName) ? _handle : IntPtr.Zero;

            private static bool IsSqlite(string libraryName) =>
                string.Equals(libraryName, NativeRuntime.LibraryName, StringComparison.Ordinal);
        }

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryW(string path);
    }
}
