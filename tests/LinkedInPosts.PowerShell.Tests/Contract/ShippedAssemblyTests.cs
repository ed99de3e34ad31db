using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LinkedInPosts.PowerShell.Tests.Contract;

/// <summary>
/// The two assemblies the module ships carry their pdb inside (a stack trace from a user's session has files and lines) and
/// no path of the machine that built them: the debug directory named obj/ on this machine, and no pdb shipped (review S14-K4).
/// </summary>
public sealed class ShippedAssemblyTests
{
    public static TheoryData<string> Shipped() => new() { RepoPaths.ModuleAssembly, RepoPaths.CoreAssembly };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void AShippedAssemblyEmbedsItsPdbAndNamesNoPathOfTheBuildMachine(string file)
    {
        using var stream = File.OpenRead(file);
        using var pe = new PEReader(stream);
        var entries = pe.ReadDebugDirectory();

        var embedded = Assert.Single(entries, e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        foreach (var codeView in entries.Where(e => e.Type == DebugDirectoryEntryType.CodeView))
        {
            var path = pe.ReadCodeViewDebugDirectoryData(codeView).Path;
            Assert.DoesNotContain(RepoPaths.Root.TrimEnd('/'), path, StringComparison.Ordinal);
            Assert.False(Path.IsPathRooted(path), path);
        }
        using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        var reader = pdb.GetMetadataReader();
        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        Assert.NotEmpty(documents);
        Assert.All(documents, name => Assert.StartsWith("/_/src/", name, StringComparison.Ordinal));
    }
}
