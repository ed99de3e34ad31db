using System.Reflection;

namespace LinkedInPosts.PowerShell.Tests;

/// <summary>Where the repository, the built module folder and the build outputs are.</summary>
internal static class RepoPaths
{
    private static string Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} metadata on the test assembly.");

    public static string Root { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>out/LinkedInPosts: the folder a user imports.</summary>
    public static string ModuleFolder { get; } = Path.Combine(Root, "out", "LinkedInPosts");

    public static string ModuleManifest { get; } = Path.Combine(ModuleFolder, "LinkedInPosts.psd1");

    public static string ModuleAssembly { get; } = Path.Combine(ModuleFolder, "LinkedInPosts.dll");

    public static string CoreAssembly { get; } = Path.Combine(ModuleFolder, "LinkedInPosts.Core.dll");

    /// <summary>The XML documentation the compiler wrote for the cmdlet assembly.</summary>
    public static string CmdletXmlDoc { get; } =
        Path.Combine(Root, "src", "LinkedInPosts.PowerShell", "bin", Configuration, "netstandard2.0", "LinkedInPosts.xml");

    /// <summary>The cmdlet assembly where the compiler wrote it, next to its XML documentation and Core's.</summary>
    public static string CmdletAssemblyInBin { get; } =
        Path.Combine(Root, "src", "LinkedInPosts.PowerShell", "bin", Configuration, "netstandard2.0", "LinkedInPosts.dll");

    public static string SourceManifest { get; } = Path.Combine(Root, "LinkedInPosts.psd1");

    public static string DirectoryBuildProps { get; } = Path.Combine(Root, "Directory.Build.props");

    public static string ModuleFilesList { get; } = Path.Combine(Root, "build", "ModuleFiles.props");
}
