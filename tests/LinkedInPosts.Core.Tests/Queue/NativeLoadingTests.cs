using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using LinkedInPosts.Core.Queue.Sqlite;
using LinkedInPosts.Core.Tests.Auth;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// SQLite as the module ships it: the built folder out/LinkedInPosts carries e_sqlite3 for every supported
/// runtime identifier, and Core finds the right one from that folder with no deps.json, which is how both
/// PowerShell editions load a module. The probe is a fresh process that references nothing of ours.
/// </summary>
public sealed class NativeLoadingTests : IDisposable
{
    private static readonly string RepoRoot = Metadata("RepoRoot");
    private static readonly string ModuleFolder = Path.Combine(RepoRoot, "out", "LinkedInPosts");

    private readonly TempDataFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Metadata(string key) =>
        typeof(NativeLoadingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>The probe copied alone (its dll and runtimeconfig, no deps.json) into an empty folder.</summary>
    private string IsolatedProbe()
    {
        var built = AppContext.BaseDirectory;
        var folder = Path.Combine(_temp.Path, "probe");
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "LinkedInPosts.ModuleLoadProbe.dll", "LinkedInPosts.ModuleLoadProbe.runtimeconfig.json" })
        {
            Assert.True(File.Exists(Path.Combine(built, file)), $"{file} was not built in {built}");
            File.Copy(Path.Combine(built, file), Path.Combine(folder, file));
        }
        return Path.Combine(folder, "LinkedInPosts.ModuleLoadProbe.dll");
    }

    private static (int ExitCode, string[] Lines) Run(string probe, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(probe);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment.Remove("LINKEDINPOSTS_QUEUE");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the probe did not finish");
        var lines = (output.Result + error.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (process.ExitCode, lines);
    }

    private static string ExpectedLibrary(string folder)
    {
        var os = NativeRuntime.CurrentOs;
        return NativeRuntime.CandidatePaths(folder, os, RuntimeInformation.ProcessArchitecture, NativeRuntime.IsMusl())[0];
    }

    [Theory]
    [InlineData("default")]
    [InlineData("isolated")]
    public void The_built_module_folder_opens_a_queue_in_a_fresh_process_without_any_deps_json(string loadContext)
    {
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "LinkedInPosts.Core.dll")), "Build the solution first: out/LinkedInPosts is missing.");
        Assert.Empty(Directory.GetFiles(ModuleFolder, "*.deps.json", SearchOption.AllDirectories));
        var probe = IsolatedProbe();
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(probe)!, "*.deps.json"));
        var queue = Path.Combine(_temp.Path, "queue.db");

        var (exitCode, lines) = Run(probe, ModuleFolder, queue, loadContext);

        Assert.True(exitCode == 0, string.Join("\n", lines));
        Assert.Contains("engine: SQLite 3.", lines.Single(l => l.StartsWith("engine: ", StringComparison.Ordinal)));
        Assert.EndsWith("(" + ExpectedLibrary(ModuleFolder) + ")", lines.Single(l => l.StartsWith("engine: ", StringComparison.Ordinal)));
        Assert.Contains("claimed: 1", lines);
        var assemblies = lines.Where(l => l.StartsWith("assembly: ", StringComparison.Ordinal)).ToList();
        foreach (var name in new[] { "LinkedInPosts.Core", "Microsoft.Data.Sqlite", "SQLitePCLRaw.core", "SQLitePCLRaw.provider.e_sqlite3", "SQLitePCLRaw.batteries_v2" })
        {
            var line = assemblies.SingleOrDefault(l => l.StartsWith("assembly: " + name + " ", StringComparison.Ordinal));
            Assert.True(line != null, name + " was not loaded: " + string.Join("\n", lines));
            Assert.Contains(" " + Path.Combine(ModuleFolder, name + ".dll") + " ", line);
        }
        Assert.True(File.Exists(queue));
    }

    [Fact]
    public void Without_the_runtimes_folder_nothing_else_finds_SQLite_and_the_error_lists_what_was_tried()
    {
        // The control for the test above: the runtime's own search does not look in runtimes/<rid>/native.
        var copy = Path.Combine(_temp.Path, "module-without-runtimes");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(ModuleFolder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var (exitCode, lines) = Run(IsolatedProbe(), copy, Path.Combine(_temp.Path, "queue.db"), "default");

        Assert.Equal(3, exitCode);
        var error = lines.First(l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("LinkedInQueueException", error);
        Assert.Contains(ExpectedLibrary(copy) + " (not there)", error);
        Assert.Contains("reinstall the module", error);
    }

    public static TheoryData<string, string, byte[], int> ShippedRuntimes() => new()
    {
        // rid, file, magic, machine/cpu type
        { "win-x64", "e_sqlite3.dll", "MZ"u8.ToArray(), 0x8664 },
        { "win-x86", "e_sqlite3.dll", "MZ"u8.ToArray(), 0x014C },
        { "win-arm64", "e_sqlite3.dll", "MZ"u8.ToArray(), 0xAA64 },
        { "linux-x64", "libe_sqlite3.so", new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, 62 },
        { "linux-arm64", "libe_sqlite3.so", new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, 183 },
        { "linux-musl-x64", "libe_sqlite3.so", new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, 62 },
        { "osx-x64", "libe_sqlite3.dylib", new byte[] { 0xCF, 0xFA, 0xED, 0xFE }, 0x01000007 },
        { "osx-arm64", "libe_sqlite3.dylib", new byte[] { 0xCF, 0xFA, 0xED, 0xFE }, 0x0100000C },
    };

    [Theory]
    [MemberData(nameof(ShippedRuntimes))]
    public void The_module_folder_carries_SQLite_built_for_each_shipped_runtime(string rid, string file, byte[] magic, int machine)
    {
        var path = Path.Combine(ModuleFolder, "runtimes", rid, "native", file);
        Assert.True(File.Exists(path), path + " is missing from the module folder");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(magic, bytes.Take(magic.Length).ToArray());
        var actual = file.EndsWith(".dll", StringComparison.Ordinal)
            ? BitConverter.ToUInt16(bytes, BitConverter.ToInt32(bytes, 0x3C) + 4) // PE header: "PE\0\0", then Machine
            : file.EndsWith(".so", StringComparison.Ordinal)
                ? BitConverter.ToUInt16(bytes, 18) // ELF e_machine
                : BitConverter.ToInt32(bytes, 4); // Mach-O cputype
        Assert.Equal(machine, actual);
        if (rid.StartsWith("linux-", StringComparison.Ordinal))
        {
            // glibc builds need versioned glibc symbols; the musl build (Alpine) has none.
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            Assert.Equal(!rid.Contains("musl", StringComparison.Ordinal), text.Contains("GLIBC_2.", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("Windows", Architecture.X64, false, "win-x64", "e_sqlite3.dll")]
    [InlineData("Windows", Architecture.X86, false, "win-x86", "e_sqlite3.dll")]
    [InlineData("Windows", Architecture.Arm64, false, "win-arm64", "e_sqlite3.dll")]
    [InlineData("Linux", Architecture.X64, false, "linux-x64", "libe_sqlite3.so")]
    [InlineData("Linux", Architecture.Arm64, false, "linux-arm64", "libe_sqlite3.so")]
    [InlineData("Linux", Architecture.X64, true, "linux-musl-x64", "libe_sqlite3.so")]
    [InlineData("MacOS", Architecture.X64, false, "osx-x64", "libe_sqlite3.dylib")]
    [InlineData("MacOS", Architecture.Arm64, false, "osx-arm64", "libe_sqlite3.dylib")]
    public void Each_OS_architecture_and_C_library_looks_first_in_its_own_runtime_folder(string osName, Architecture architecture, bool musl, string rid, string file)
    {
        var os = Enum.Parse<NativeOs>(osName);
        var paths = NativeRuntime.CandidatePaths("/m", os, architecture, musl);

        Assert.Equal(Path.Combine("/m", "runtimes", rid, "native", file), paths[0]);
        if (os == NativeOs.Linux)
        {
            // The other C library's build is the fallback if the detection guessed wrong.
            Assert.Equal(2, paths.Count);
            var arch = NativeRuntime.ArchitectureName(architecture);
            Assert.Equal(Path.Combine("/m", "runtimes", musl ? "linux-" + arch : "linux-musl-" + arch, "native", file), paths[1]);
        }
        else
        {
            Assert.Single(paths);
        }
    }
}
