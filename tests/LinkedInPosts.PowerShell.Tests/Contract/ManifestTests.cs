using System.Collections;
using System.Xml.Linq;

namespace LinkedInPosts.PowerShell.Tests.Contract;

/// <summary>The built manifest and module folder: what Import-Module and the Gallery read.</summary>
public sealed class ManifestTests : IClassFixture<BuiltModule>
{
    private readonly BuiltModule _module;

    public ManifestTests(BuiltModule module) => _module = module;

    private static string[] Strings(object? value) =>
        value switch
        {
            null => Array.Empty<string>(),
            string single => new[] { single },
            IEnumerable many => many.Cast<object>().Select(v => v.ToString()!).ToArray(),
            _ => new[] { value.ToString()! },
        };

    [Fact]
    public void CmdletsToExportIsExactlyTheCompiledCmdlets()
    {
        var exported = Strings(_module.Manifest["CmdletsToExport"]).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var compiled = _module.Cmdlets.Select(c => c.CommandName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.DoesNotContain(exported, name => name.Contains('*'));
        Assert.Equal(compiled, exported);
    }

    [Fact]
    public void NothingButCmdletsIsExported()
    {
        foreach (var key in new[] { "FunctionsToExport", "AliasesToExport", "VariablesToExport" })
        {
            Assert.True(_module.Manifest.ContainsKey(key), $"The manifest must state {key} = @() (an absent key exports everything).");
            Assert.Empty(Strings(_module.Manifest[key]));
        }
    }

    [Fact]
    public void ManifestVersionIsTheOneVersionFromDirectoryBuildProps()
    {
        var versionPrefix = XDocument.Load(RepoPaths.DirectoryBuildProps).Descendants("VersionPrefix").Single().Value.Trim();
        Assert.Equal(versionPrefix, (string)_module.Manifest["ModuleVersion"]!);
        Assert.Equal(versionPrefix, _module.Assembly.GetName().Version!.ToString(3));
    }

    [Fact]
    public void ManifestDescribesBothEditionsAndTheRootModule()
    {
        var manifest = _module.Manifest;
        Assert.Equal("LinkedInPosts.dll", manifest["RootModule"]);
        Assert.True(Guid.TryParse((string)manifest["GUID"]!, out _));
        Assert.Equal(new[] { "Core", "Desktop" }, Strings(manifest["CompatiblePSEditions"]).OrderBy(e => e));
        Assert.Equal("5.1", manifest["PowerShellVersion"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)manifest["Description"]));
    }

    [Fact]
    public void GalleryDataHasTheTagsAndNoPlaceholderAddresses()
    {
        var psData = (Hashtable)((Hashtable)_module.Manifest["PrivateData"]!)["PSData"]!;
        Assert.Equal(
            new[] { "LinkedIn", "Social", "Posts", "Scheduling", "Automation", "PSEdition_Core", "PSEdition_Desktop", "Windows", "Linux", "MacOS" },
            Strings(psData["Tags"]));
        foreach (var key in new[] { "ProjectUri", "LicenseUri", "IconUri" })
        {
            if (psData.ContainsKey(key))
            {
                var value = (string)psData[key]!;
                Assert.True(Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.Host.Contains("example", StringComparison.OrdinalIgnoreCase),
                    $"PSData.{key} = '{value}' looks like a placeholder; omit keys we have no real value for.");
            }
        }
    }

    [Fact]
    public void SourceManifestDiffersFromTheBuiltOneOnlyInTheVersion()
    {
        var source = BuiltModule.ReadPowerShellDataFile(RepoPaths.SourceManifest);
        foreach (DictionaryEntry entry in source)
        {
            if ((string)entry.Key == "ModuleVersion")
            {
                continue;
            }
            Assert.Equal(Flatten(entry.Value), Flatten(_module.Manifest[entry.Key]));
        }
        Assert.Equal(source.Count, _module.Manifest.Count);
    }

    private static string Flatten(object? value) =>
        value switch
        {
            Hashtable table => "{" + string.Join(";", table.Keys.Cast<object>().Select(k => k.ToString()!).OrderBy(k => k).Select(k => k + "=" + Flatten(table[k]))) + "}",
            string text => text,
            IEnumerable many => "[" + string.Join(",", many.Cast<object>().Select(Flatten)) + "]",
            _ => value?.ToString() ?? "null",
        };

    [Fact]
    public void ModuleFolderHoldsExactlyTheListedFilesAndNeverTheEngine()
    {
        var listed = XDocument.Load(RepoPaths.ModuleFilesList).Descendants("ModuleFile")
            .Select(e => (string)e.Attribute("Include")!)
            .Append("LinkedInPosts.psd1")
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase);
        var present = Directory.GetFiles(RepoPaths.ModuleFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.ModuleFolder, f).Replace('\\', '/'))
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(listed, present);
        Assert.False(File.Exists(Path.Combine(RepoPaths.ModuleFolder, "System.Management.Automation.dll")),
            "System.Management.Automation.dll must never ship: the host provides the engine.");
    }
}
