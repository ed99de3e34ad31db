using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LinkedInPosts.PowerShell.Tests.Architecture;

/// <summary>
/// Data flows one way: cmdlet -> Core. Core must run without PowerShell (in the queue runner, in
/// tests, in other hosts), so it may not reference the engine.
/// </summary>
public sealed class CoreIndependenceTests
{
    private static IReadOnlyList<string> ReferencedAssemblies(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetString(reader.GetAssemblyReference(handle).Name))
            .ToList();
    }

    [Fact]
    public void CoreDoesNotReferencePowerShell()
    {
        var references = ReferencedAssemblies(RepoPaths.CoreAssembly);
        var offending = references
            .Where(name => name.Equals("System.Management.Automation", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Microsoft.PowerShell", StringComparison.OrdinalIgnoreCase)
                || name.Equals("LinkedInPosts", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(offending.Count == 0,
            $"LinkedInPosts.Core references {string.Join(", ", offending)}. Core must not depend on PowerShell or on the cmdlet assembly: " +
            "move the code that needs PSCmdlet, ErrorRecord, SessionState and the like into src/LinkedInPosts.PowerShell, " +
            "and have Core report through plain .NET types (ILinkedInLog, IProgress<T>, typed exceptions) instead.");
    }

    [Fact]
    public void TheCheckSeesTheCmdletAssemblysReferenceToPowerShell()
    {
        // Guards the test above against passing vacuously (wrong file, unreadable metadata).
        Assert.Contains("System.Management.Automation", ReferencedAssemblies(RepoPaths.ModuleAssembly));
        Assert.Contains("LinkedInPosts.Core", ReferencedAssemblies(RepoPaths.ModuleAssembly));
    }
}
