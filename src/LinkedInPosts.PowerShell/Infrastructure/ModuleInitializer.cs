using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// Runs when Import-Module loads the module. On Windows PowerShell 5.1 (.NET Framework) only, what PowerShell 7 does by
    /// itself: the module's dependencies bind to the copies in its folder whatever version their callers were built
    /// against, HTTPS may use TLS 1.2, which LinkedIn requires, and more than 2 connections to one host are allowed.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        // The upload's parallel parts (MediaUploadOptions.MaxParallelParts, 4 by default, at most 16) and a call beside them.
        private const int MaxParallelConnections = 16;

        /// <summary>
        /// Why the module cannot run on this runtime, or null. The manifest cannot say "5.1, or 7.4 and later", so PowerShell
        /// 7.0 to 7.3 (.NET Core 3.1 to .NET 7) would import it, and its first JSON call would fail: the module is built
        /// against System.Text.Json 8, which those runtimes do not have.
        /// </summary>
        internal static string? UnsupportedRuntime(string frameworkDescription, Version runtimeVersion) =>
            frameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal) || runtimeVersion.Major >= 8
                ? null
                : $"LinkedInPosts needs PowerShell 7.4 or later (it runs on .NET 8), or Windows PowerShell 5.1; this PowerShell runs on {frameworkDescription}. " +
                  "Install PowerShell 7.4 (LTS) or later, or import the module in Windows PowerShell 5.1.";

        /// <inheritdoc />
        public void OnImport()
        {
            if (!RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                var unsupported = UnsupportedRuntime(RuntimeInformation.FrameworkDescription, Environment.Version);
                if (unsupported != null)
                {
                    // Refused at Import-Module, not at the first JSON call with a FileLoadException.
                    throw new PSInvalidOperationException(unsupported);
                }
                return;
            }
            ModuleFolderAssemblies.Register(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!);
            // A machine whose .NET Framework still defaults to SSL 3 and TLS 1.0 (no SchUseStrongCrypto) cannot reach
            // LinkedIn at all. TLS 1.2 is added to what is allowed; the system default (0, .NET 4.7+) is left as it is.
            var allowed = ServicePointManager.SecurityProtocol;
            if (allowed != 0 && (allowed & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol = allowed | SecurityProtocolType.Tls12;
            }
            // .NET Framework opens 2 connections per host unless told otherwise: a video's parts, sent 4 at a time, would
            // wait for one another, and a part that waits long enough counts as stalled. Raised, never lowered.
            if (ServicePointManager.DefaultConnectionLimit < MaxParallelConnections)
            {
                ServicePointManager.DefaultConnectionLimit = MaxParallelConnections;
            }
        }
    }
}
