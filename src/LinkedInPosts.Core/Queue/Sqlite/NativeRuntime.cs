using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    /// <summary>The operating systems whose SQLite builds the module ships.</summary>
    internal enum NativeOs
    {
        Windows,
        Linux,
        MacOS,
    }

    /// <summary>
    /// Which <c>runtimes/&lt;rid&gt;/native/</c> folder of the module holds the SQLite build for this process,
    /// worked out from the OS, the process architecture and (on Linux) the C library, because neither
    /// PowerShell edition reads a deps.json that would say so.
    /// </summary>
    internal static class NativeRuntime
    {
        /// <summary>SQLitePCLRaw's native library name, as its provider's DllImport spells it.</summary>
        public const string LibraryName = "e_sqlite3";

        /// <summary>The file name of the library on an OS.</summary>
        public static string FileName(NativeOs os) => os switch
        {
            NativeOs.Windows => LibraryName + ".dll",
            NativeOs.MacOS => "lib" + LibraryName + ".dylib",
            _ => "lib" + LibraryName + ".so",
        };

        /// <summary>The architecture part of a runtime identifier (x64, x86, arm64, arm, ...).</summary>
        public static string ArchitectureName(Architecture architecture) => architecture switch
        {
            Architecture.X64 => "x64",
            Architecture.X86 => "x86",
            Architecture.Arm64 => "arm64",
            Architecture.Arm => "arm",
            // Architectures newer than netstandard2.0's enum (s390x, loongarch64, ...) print their own name.
            _ => architecture.ToString().ToLowerInvariant(),
        };

        /// <summary>
        /// Runtime identifiers to try, best first. On Linux the C library decides between the glibc and musl
        /// builds; the other one follows as a fallback in case the detection guessed wrong (loading the
        /// wrong one simply fails and the next is tried).
        /// </summary>
        public static IReadOnlyList<string> Candidates(NativeOs os, Architecture architecture, bool isMusl)
        {
            var arch = ArchitectureName(architecture);
            return os switch
            {
                NativeOs.Windows => new[] { "win-" + arch },
                NativeOs.MacOS => new[] { "osx-" + arch },
                _ => isMusl
                    ? new[] { "linux-musl-" + arch, "linux-" + arch }
                    : new[] { "linux-" + arch, "linux-musl-" + arch },
            };
        }

        /// <summary>The OS this process runs on.</summary>
        public static NativeOs CurrentOs =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? NativeOs.Windows
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? NativeOs.MacOS
            : NativeOs.Linux;

        /// <summary>
        /// True when this Linux runs on musl (Alpine): musl's dynamic loader is <c>/lib/ld-musl-&lt;arch&gt;.so.1</c>,
        /// which a glibc system does not have.
        /// </summary>
        public static bool IsMusl()
        {
            if (CurrentOs != NativeOs.Linux)
            {
                return false;
            }
            try
            {
                return Directory.Exists("/lib") && Directory.GetFiles("/lib", "ld-musl-*.so.1").Length > 0;
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>The candidate paths of the library under <paramref name="baseFolder"/>, best first.</summary>
        public static IReadOnlyList<string> CandidatePaths(string baseFolder, NativeOs os, Architecture architecture, bool isMusl)
        {
            var paths = new List<string>();
            foreach (var rid in Candidates(os, architecture, isMusl))
            {
                paths.Add(Path.Combine(baseFolder, "runtimes", rid, "native", FileName(os)));
            }
            return paths;
        }
    }
}
