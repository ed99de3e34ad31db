using System.Diagnostics;
using System.Management.Automation;
using LinkedInPosts.PowerShell.Tests.Hosting;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// The crontab as bytes (review S13-E): a table that is not UTF-8 is refused without hanging however long it is, a BOM
/// stays, and -PowerShellPath's errors and paths read as a person gave them. A fake crontab, as in QueueTaskCmdletTests,
/// that records its pid so a hung one can be ended.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class CrontabBytesTests : IDisposable
{
    private string FakePwsh => Path.Combine(_folder, "powershell 7", "pwsh");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "linkedinposts-crontab-bytes-" + Guid.NewGuid().ToString("N"));
    private readonly string? _previousCrontab = Environment.GetEnvironmentVariable("LINKEDINPOSTS_CRONTAB");
    private readonly PowerShellSession _session;

    public CrontabBytesTests()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(Path.GetDirectoryName(FakePwsh)!);
        File.WriteAllText(FakePwsh, "#!/bin/sh\n");
        // As QueueTaskCmdletTests' fake, but -l records its pid and execs cat, so a hung one can be ended by id.
        File.WriteAllText(FakeCrontab, $$"""
            #!/bin/sh
            case "$1" in
              -l) echo $$ > '{{PidFile}}'; if [ -f '{{TableFile}}' ]; then exec cat '{{TableFile}}'; else echo "no crontab for $(id -un)" >&2; exit 1; fi ;;
              -) cat > '{{TableFile}}' ;;
              *) echo "unexpected arguments: $*" >&2; exit 2 ;;
            esac
            """.Replace("\r\n", "\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(FakeCrontab, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Environment.SetEnvironmentVariable("LINKEDINPOSTS_CRONTAB", FakeCrontab);
        _session = PowerShellSession.Start();
        _session.SetVariable("Pwsh", FakePwsh);
    }

    private string FakeCrontab => Path.Combine(_folder, "crontab");
    private string TableFile => Path.Combine(_folder, "table");
    private string PidFile => Path.Combine(_folder, "pid");

    public void Dispose()
    {
        _session.Dispose();
        Environment.SetEnvironmentVariable("LINKEDINPOSTS_CRONTAB", _previousCrontab);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_large_crontab_with_a_Latin1_byte_near_the_top_is_refused_not_hung()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // crontab is Linux and macOS only
        }
        _session.Run("Register-LinkedInPostQueueTask -Every 5m -Install -PowerShellPath $Pwsh").AssertNoErrors();
        // A Latin-1 comment, then ~1 MB of other lines (larger than a pipe's 64 KiB buffer).
        var latin1 = new byte[] { (byte)'#', (byte)' ', (byte)'r', 0xE9, (byte)'s', (byte)'u', (byte)'m', 0xE9, (byte)'\n' };
        var filler = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("# filler line of an otherwise ordinary crontab, padded to be long\n", 16_000)));
        File.WriteAllBytes(TableFile, latin1.Concat(filler).Concat(File.ReadAllBytes(TableFile)).ToArray());

        var unregister = Task.Run(() => _session.Run("Unregister-LinkedInPostQueueTask"));
        var finished = await Task.WhenAny(unregister, Task.Delay(TimeSpan.FromSeconds(20))) == unregister;
        if (!finished && File.Exists(PidFile))
        {
            // Unblock the hung reader: end the fake crontab this test started, by its id.
            try
            {
                Process.GetProcessById(int.Parse(File.ReadAllText(PidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture)).Kill();
            }
            catch (ArgumentException)
            {
                // It ended on its own meanwhile.
            }
            await Task.WhenAny(unregister, Task.Delay(TimeSpan.FromSeconds(20)));
        }
        Assert.True(finished, "Unregister-LinkedInPostQueueTask hung on a >64 KiB crontab that is not UTF-8");
        Assert.Contains("not UTF-8", (await unregister).SingleError().Exception.Message);
    }

    [Fact]
    public async Task The_same_large_crontab_in_UTF8_is_rewritten()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // crontab is Linux and macOS only
        }
        _session.Run("Register-LinkedInPostQueueTask -Every 5m -Install -PowerShellPath $Pwsh").AssertNoErrors();
        var utf8 = System.Text.Encoding.UTF8.GetBytes("# résumé\n");
        var filler = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("# filler line of an otherwise ordinary crontab, padded to be long\n", 16_000)));
        File.WriteAllBytes(TableFile, utf8.Concat(filler).Concat(File.ReadAllBytes(TableFile)).ToArray());
        var unregister = Task.Run(() => _session.Run("Unregister-LinkedInPostQueueTask"));
        Assert.True(await Task.WhenAny(unregister, Task.Delay(TimeSpan.FromSeconds(20))) == unregister);
        (await unregister).AssertNoErrors();
    }

    [Fact]
    public void A_UTF8_BOM_at_the_start_of_the_crontab_is_kept_byte_for_byte()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // crontab is Linux and macOS only
        }
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        var other = System.Text.Encoding.ASCII.GetBytes("# nightly backup\n0 3 * * * /usr/local/bin/backup\n");
        File.WriteAllBytes(TableFile, bom.Concat(other).ToArray());

        _session.Run("Register-LinkedInPostQueueTask -Every 5m -Install -PowerShellPath $Pwsh").AssertNoErrors();

        var after = File.ReadAllBytes(TableFile);
        Assert.Equal(bom.Concat(other).ToArray(), after.Take(bom.Length + other.Length).ToArray());
    }

    [Fact]
    public void A_folder_given_as_PowerShellPath_is_named_a_folder_not_missing()
    {
        var dir = Path.GetDirectoryName(FakePwsh)!;
        var error = _session.Run("Register-LinkedInPostQueueTask -Every 5m -PowerShellPath $args[0]", dir).SingleError();
        Assert.StartsWith("LinkedInPowerShellExecutableNotFound,", error.FullyQualifiedErrorId);
        Assert.Contains("is a folder, not the PowerShell executable", error.Exception.Message);
    }

    [Fact]
    public void Tilde_and_relative_PowerShellPaths_resolve()
    {
        var home = (string)_session.Run("$HOME").Output.Single().BaseObject;
        var rel = Path.GetRelativePath(home, FakePwsh);
        var tilde = _session.Run("Register-LinkedInPostQueueTask -Every 5m -PowerShellPath $args[0]", "~/" + rel);
        tilde.AssertNoErrors();
        var dot = _session.Run("$ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null; Register-LinkedInPostQueueTask -Every 5m -PowerShellPath './powershell 7/pwsh'", _folder);
        dot.AssertNoErrors();
        Assert.Contains(FakePwsh, (string)tilde.Output.Single().Properties["CrontabLine"].Value);
        Assert.Contains(FakePwsh, (string)dot.Output.Single().Properties["CrontabLine"].Value);
    }
}
