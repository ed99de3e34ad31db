using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LinkedInPosts.PowerShell.Tests.Contract;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) binds a strong-named reference to the exact version it names, and the module's
/// folder ships one copy of each dependency while its assemblies were built against other versions of one another. The
/// module answers such references from its folder by name (ModuleFolderAssemblies, registered on import under .NET
/// Framework only). No .NET Framework runs here, so this checks what the answer rests on: every reference the folder's
/// assemblies make at a version other than the shipped one names a file the folder has, at that version or a newer one.
/// </summary>
public sealed class FrameworkBindingTests
{
    // netstandard1.3 builds copied for Windows, older than what MSAL Extensions names; the code paths that would use them
    // (ACLs on Windows files) are not reached with the DPAPI store's settings: see docs/cmdlets.md, "Windows PowerShell 5.1".
    private static readonly string[] KnownOlder = { "System.Security.AccessControl", "System.Security.Principal.Windows" };

    private static IEnumerable<(string From, string Name, Version Wanted)> References()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.ModuleFolder, "*.dll"))
        {
            using var stream = File.OpenRead(file);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                continue;
            }
            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.AssemblyReferences)
            {
                var reference = reader.GetAssemblyReference(handle);
                yield return (Path.GetFileName(file), reader.GetString(reference.Name), reference.Version);
            }
        }
    }

    private static Version ShippedVersion(string name) =>
        AssemblyName.GetAssemblyName(Path.Combine(RepoPaths.ModuleFolder, name + ".dll")).Version!;

    [Fact]
    public void EveryReferenceToAShippedAssemblyAtAnotherVersionIsToAnOlderOneTheFolderAnswers()
    {
        var shipped = Directory.GetFiles(RepoPaths.ModuleFolder, "*.dll").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var mismatched = References().Where(r => shipped.Contains(r.Name) && r.Wanted != ShippedVersion(r.Name)).ToList();

        // The reason the resolver exists: without it 5.1 refuses these (System.Text.Json's Unsafe 4.0.4.1, say).
        Assert.Contains(mismatched, r => r.Name == "System.Runtime.CompilerServices.Unsafe");
        var newerWanted = mismatched.Where(r => r.Wanted > ShippedVersion(r.Name) && !KnownOlder.Contains(r.Name)).Select(r => $"{r.From} wants {r.Name} {r.Wanted}, the folder has {ShippedVersion(r.Name)}");
        Assert.Empty(newerWanted);
    }

    [Fact]
    public void TheResolverAnswersAShippedNameAtItsVersionOrAnOlderOneAndNothingElse()
    {
        var resolver = Assembly.LoadFrom(RepoPaths.ModuleAssembly).GetType("LinkedInPosts.PowerShell.Infrastructure.ModuleFolderAssemblies", throwOnError: true)!;
        var pathIn = resolver.GetMethod("PathIn", BindingFlags.Static | BindingFlags.NonPublic)!;
        string? PathIn(string name) => (string?)pathIn.Invoke(null, new object[] { RepoPaths.ModuleFolder, name, false });

        Assert.Equal(Path.Combine(RepoPaths.ModuleFolder, "System.Runtime.CompilerServices.Unsafe.dll"),
            PathIn("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"));
        Assert.Equal(Path.Combine(RepoPaths.ModuleFolder, "Microsoft.Bcl.TimeProvider.dll"),
            PathIn("Microsoft.Bcl.TimeProvider, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"));
        Assert.Null(PathIn("System.Text.Json.resources, Version=8.0.0.0, Culture=de-DE, PublicKeyToken=cc7b13ffcd2ddd51"));
        Assert.Null(PathIn("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed"));
        Assert.Null(PathIn("not an assembly name ,,,"));
    }

    /// <summary>
    /// The handler is the whole process's: another module's request for a newer release than the folder ships is not answered
    /// with the folder's older copy (its own resolver, or a clear load error, should answer it) (review S14-K2).
    /// </summary>
    [Theory]
    [InlineData("System.Text.Json, Version=9.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
    [InlineData("Microsoft.Identity.Client, Version=4.80.0.0, Culture=neutral, PublicKeyToken=0a613f4dd989e8ae")]
    [InlineData("System.Memory, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
    [InlineData("Microsoft.Data.Sqlite, Version=11.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60")]
    public void ARequestForANewerVersionThanTheFolderShipsIsNotAnswered(string requested)
    {
        var resolver = Assembly.LoadFrom(RepoPaths.ModuleAssembly).GetType("LinkedInPosts.PowerShell.Infrastructure.ModuleFolderAssemblies", throwOnError: true)!;
        var pathIn = resolver.GetMethod("PathIn", BindingFlags.Static | BindingFlags.NonPublic)!;

        Assert.Null(pathIn.Invoke(null, new object[] { RepoPaths.ModuleFolder, requested, false }));
        // The same name at the shipped version is answered.
        var name = new AssemblyName(requested).Name!;
        var shipped = new AssemblyName(requested) { Version = ShippedVersion(name) }.FullName;
        Assert.Equal(Path.Combine(RepoPaths.ModuleFolder, name + ".dll"), pathIn.Invoke(null, new object[] { RepoPaths.ModuleFolder, shipped, false }));
    }

    /// <summary>The pair shipped older than MSAL Extensions names is answered for the folder's own assemblies only.</summary>
    [Fact]
    public void TheKnownOlderPairIsAnsweredOnlyForTheFoldersAssemblies()
    {
        var resolver = Assembly.LoadFrom(RepoPaths.ModuleAssembly).GetType("LinkedInPosts.PowerShell.Infrastructure.ModuleFolderAssemblies", throwOnError: true)!;
        var pathIn = resolver.GetMethod("PathIn", BindingFlags.Static | BindingFlags.NonPublic)!;
        const string Wanted = "System.Security.AccessControl, Version=5.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a";
        Assert.True(ShippedVersion("System.Security.AccessControl") < new Version(5, 0, 0, 0));

        Assert.Equal(Path.Combine(RepoPaths.ModuleFolder, "System.Security.AccessControl.dll"), pathIn.Invoke(null, new object[] { RepoPaths.ModuleFolder, Wanted, true }));
        Assert.Null(pathIn.Invoke(null, new object[] { RepoPaths.ModuleFolder, Wanted, false }));
    }

    /// <summary>PowerShell 7.0 to 7.3 (.NET Core 3.1 to .NET 7) are refused at import with what to install; 7.4+ and 5.1 import (review S14-K3).</summary>
    [Theory]
    [InlineData(".NET Core 3.1.32", "3.1.32", true)]
    [InlineData(".NET 6.0.36", "6.0.36", true)]
    [InlineData(".NET 7.0.20", "7.0.20", true)]
    [InlineData(".NET 8.0.11", "8.0.11", false)]
    [InlineData(".NET 10.0.1", "10.0.1", false)]
    [InlineData(".NET Framework 4.8.9290.0", "4.0.30319.42000", false)]
    public void OnlyPowerShell74AndLaterOrWindowsPowerShellImportTheModule(string framework, string version, bool refused)
    {
        var initializer = Assembly.LoadFrom(RepoPaths.ModuleAssembly).GetType("LinkedInPosts.PowerShell.Infrastructure.ModuleInitializer", throwOnError: true)!;
        var why = (string?)initializer.GetMethod("UnsupportedRuntime", BindingFlags.Static | BindingFlags.NonPublic)!.Invoke(null, new object[] { framework, Version.Parse(version) });

        Assert.Equal(refused, why != null);
        if (refused)
        {
            Assert.Contains("PowerShell 7.4 or later", why);
            Assert.Contains(framework, why);
        }
    }
}
