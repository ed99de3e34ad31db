using System.Management.Automation;
using LinkedInPosts.PowerShell.Tests.Hosting;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// Register- and Unregister-LinkedInPostQueueTask in a real engine, on Linux and macOS (cron). The crontab
/// they read and write is a fake (LINKEDINPOSTS_CRONTAB points at a script in a temp folder that keeps the
/// table in a file), so the tests never touch the crontab of the machine they run on. In the sandbox
/// collection, which runs its classes one at a time, because the variable is process-wide.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class QueueTaskCmdletTests : IDisposable
{
    // A stand-in file: the cmdlet checks that the PowerShell it schedules exists.
    private string FakePwsh => Path.Combine(_folder, "powershell 7", "pwsh");
    private const string OtherLines = "MAILTO=ops@example.com\n# nightly backup\n0 3 * * * /usr/local/bin/backup --all  \n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "linkedinposts-crontab-" + Guid.NewGuid().ToString("N"));
    private readonly string? _previousCrontab = Environment.GetEnvironmentVariable("LINKEDINPOSTS_CRONTAB");
    private readonly PowerShellSession _session;

    public QueueTaskCmdletTests()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(Path.GetDirectoryName(FakePwsh)!);
        File.WriteAllText(FakePwsh, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.WriteAllText(FakeCrontab, $$"""
                #!/bin/sh
                # A stand-in for crontab(1): -l prints the table (or fails as cron does for a user without one), - replaces it.
                echo "$*" >> '{{CallLog}}'
                case "$1" in
                  -l) if [ -f '{{TableFile}}' ]; then cat '{{TableFile}}'; else echo "no crontab for $(id -un)" >&2; exit 1; fi ;;
                  -) cat > '{{TableFile}}' ;;
                  *) echo "unexpected arguments: $*" >&2; exit 2 ;;
                esac
                """.Replace("\r\n", "\n"));
            File.SetUnixFileMode(FakeCrontab, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Environment.SetEnvironmentVariable("LINKEDINPOSTS_CRONTAB", FakeCrontab);
        _session = PowerShellSession.Start();
        _session.SetVariable("Pwsh", FakePwsh);
    }

    private string FakeCrontab => Path.Combine(_folder, "crontab");

    private string TableFile => Path.Combine(_folder, "table");

    private string CallLog => Path.Combine(_folder, "calls");

    private string[] Calls => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : Array.Empty<string>();

    private static object? Property(PSObject item, string name) => item.Properties[name]?.Value;

    private static string Marker(string name = "LinkedInPosts queue") => " # LinkedInPosts queue task: " + name;

    public void Dispose()
    {
        _session.Dispose();
        Environment.SetEnvironmentVariable("LINKEDINPOSTS_CRONTAB", _previousCrontab);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Without_Install_it_outputs_the_crontab_line_and_touches_no_crontab()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var run = _session.Run("Register-LinkedInPostQueueTask -Every 5m -PowerShellPath $Pwsh");

        run.AssertNoErrors();
        var task = run.Output.Single();
        Assert.Equal("LinkedInPostQueueTask", task.BaseObject.GetType().Name);
        Assert.Equal("LinkedInPosts queue", Property(task, "Name"));
        Assert.Equal("Cron", Property(task, "Platform")!.ToString());
        Assert.Equal(TimeSpan.FromMinutes(5), Property(task, "Every"));
        Assert.Equal("*/5 * * * *", Property(task, "Schedule"));
        Assert.Equal(false, Property(task, "Installed"));
        var log = Path.Combine(TestEnvironment.Home, "queue-runner.log");
        Assert.Equal(log, Property(task, "LogPath"));
        // This session's LINKEDINPOSTS_HOME goes with the line: cron would not have it.
        Assert.Equal(
            $"*/5 * * * * LINKEDINPOSTS_HOME='{TestEnvironment.Home}' '{FakePwsh}' -NoProfile -NonInteractive -Command \"Import-Module '{RepoPaths.ModuleManifest}'; Invoke-LinkedInPostQueue; exit [int](-not \\$?)\" >> '{log}' 2>&1" + Marker(),
            Property(task, "CrontabLine"));
        Assert.StartsWith("(crontab -l 2>/dev/null; printf ", (string)Property(task, "InstallCommand")!);
        Assert.Empty(Calls);
        Assert.Equal("LinkedInPosts queue: every 00:05:00 (Cron, not installed)", task.ToString());

        // Its default view is the list a person copies the line from, without Task Scheduler's XML.
        _session.ImportUtility();
        var shown = _session.Run("$args[0] | Out-String -Width 400", task).Output.Single().ToString()!;
        Assert.Matches(@"CrontabLine\s*: \*/5 \* \* \* \* LINKEDINPOSTS_HOME=", shown);
        Assert.Matches(@"InstallCommand\s*: \(crontab -l", shown);
        Assert.DoesNotContain("TaskXml", shown);
    }

    [Fact]
    public void MaxLateness_and_MaxAttempts_reach_the_scheduled_run_in_a_form_Invoke_LinkedInPostQueue_binds()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var queue = Path.Combine(_folder, "absent.db");

        var task = _session.Run("Register-LinkedInPostQueueTask -Every 5m -Path $args[0] -MaxLateness 6h -MaxAttempts 3 -PowerShellPath $Pwsh", queue);
        // The same arguments as the generated line passes them: a binding error here would fail every scheduled run.
        var invoke = _session.Run("Invoke-LinkedInPostQueue -Path $args[0] -MaxLateness '06:00:00' -MaxAttempts 3", queue);

        task.AssertNoErrors();
        var line = (string)Property(task.Output.Single(), "CrontabLine")!;
        Assert.Contains($"Invoke-LinkedInPostQueue -Path '{queue}' -MaxLateness '06:00:00' -MaxAttempts 3; exit", line);
        var error = invoke.Terminating ?? invoke.Errors.Single();
        Assert.StartsWith("LinkedInQueueNotFound", error.FullyQualifiedErrorId); // bound, then found no queue: not a binding error
    }

    [Fact]
    public void A_session_on_the_plain_text_token_file_is_warned_that_runs_without_the_opt_in_would_refuse_it()
    {
        // Where the test environment's store is the plain file (Linux without a session bus); macOS has its Keychain.
        if (OperatingSystem.IsWindows() || !TestEnvironment.UsesPlainTextStore)
        {
            return;
        }

        // The test environment has no session bus and opts in: this session's connections are in the plain file.
        var without = _session.Run("Register-LinkedInPostQueueTask -Every 5m -PowerShellPath $Pwsh");
        var with = _session.Run("Register-LinkedInPostQueueTask -Every 5m -AllowPlainTextTokenFile -PowerShellPath $Pwsh");

        without.AssertNoErrors();
        var warning = Assert.Single(without.Warnings);
        Assert.Contains(Path.Combine(TestEnvironment.Home, "connections.plaintext.json"), warning);
        Assert.Contains("Register with -AllowPlainTextTokenFile", warning);
        Assert.DoesNotContain("LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS", (string)Property(without.Output.Single(), "CrontabLine")!);
        with.AssertNoErrors();
        Assert.Empty(with.Warnings);
        var line = (string)Property(with.Output.Single(), "CrontabLine")!;
        Assert.Contains("LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS='1'", line);
        Assert.DoesNotContain("DBUS_SESSION_BUS_ADDRESS", line);
    }

    [Fact]
    public void The_queue_path_is_resolved_from_the_PowerShell_location_and_plain_text_tokens_are_opted_in()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var run = _session.Run("$ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null; Register-LinkedInPostQueueTask -Every 1h -Path \"it's.db\" -AllowPlainTextTokenFile -PowerShellPath $Pwsh", _folder);

        run.AssertNoErrors();
        var task = run.Output.Single();
        Assert.Equal(Path.Combine(_folder, "it's.db"), Property(task, "QueuePath"));
        var line = (string)Property(task, "CrontabLine")!;
        Assert.StartsWith("0 * * * * LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS='1' LINKEDINPOSTS_HOME=", line);
        Assert.Contains($"Invoke-LinkedInPostQueue -Path '{_folder}/it''s.db'; exit", line);
    }

    [Fact]
    public void Install_adds_the_line_keeps_the_other_lines_and_Unregister_removes_exactly_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.WriteAllText(TableFile, OtherLines);

        var install = _session.Run("Register-LinkedInPostQueueTask -Every 15m -Install -PowerShellPath $Pwsh");

        install.AssertNoErrors();
        var line = (string)Property(install.Output.Single(), "CrontabLine")!;
        Assert.Equal(true, Property(install.Output.Single(), "Installed"));
        Assert.StartsWith("*/15 * * * * ", line);
        Assert.Equal(OtherLines + line + "\n", File.ReadAllText(TableFile));
        Assert.Equal(new[] { "-l", "-" }, Calls);

        // The same line again: nothing to write. Another interval: refused without -Force.
        _session.Run("Register-LinkedInPostQueueTask -Every 15m -Install -PowerShellPath $Pwsh").AssertNoErrors();
        Assert.Equal(new[] { "-l", "-", "-l" }, Calls);
        var again = _session.Run("Register-LinkedInPostQueueTask -Every 30m -Install -PowerShellPath $Pwsh").SingleError();
        Assert.StartsWith("LinkedInQueueTaskExists,LinkedInPosts.PowerShell.Cmdlets.RegisterLinkedInPostQueueTaskCommand", again.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, again.CategoryInfo.Category);
        Assert.Contains("-Force", again.ToString());
        Assert.Equal(OtherLines + line + "\n", File.ReadAllText(TableFile));

        var forced = _session.Run("Register-LinkedInPostQueueTask -Every 30m -Install -Force -PowerShellPath $Pwsh");
        forced.AssertNoErrors();
        var newer = (string)Property(forced.Output.Single(), "CrontabLine")!;
        Assert.Equal(OtherLines + newer + "\n", File.ReadAllText(TableFile));

        // A second task of another name lives beside it; Unregister takes only the one named.
        _session.Run("Register-LinkedInPostQueueTask -Every 1h -Name 'Other queue' -Install -PowerShellPath $Pwsh").AssertNoErrors();
        var removed = _session.Run("Unregister-LinkedInPostQueueTask -PassThru");
        removed.AssertNoErrors();
        Assert.Equal(newer, Property(removed.Output.Single(), "CrontabLine"));
        Assert.Equal(false, Property(removed.Output.Single(), "Installed"));
        var left = File.ReadAllText(TableFile);
        Assert.StartsWith(OtherLines, left);
        Assert.DoesNotContain(Marker() + "\n", left);
        Assert.EndsWith(Marker("Other queue") + "\n", left);

        var missing = _session.Run("Unregister-LinkedInPostQueueTask");
        var error = missing.SingleError();
        Assert.StartsWith("LinkedInQueueTaskNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Null(missing.Terminating);
        Assert.Equal("LinkedInPosts queue", error.TargetObject);

        // A task object piped in is removed by its own name, not the default one.
        var piped = _session.Run("Register-LinkedInPostQueueTask -Every 1h -Name 'Other queue' -Install -PowerShellPath $Pwsh | Unregister-LinkedInPostQueueTask -PassThru");
        piped.AssertNoErrors();
        Assert.Equal("Other queue", Property(piped.Output.Single(), "Name"));
        Assert.Equal(OtherLines, File.ReadAllText(TableFile));
    }

    [Fact]
    public void WhatIf_shows_the_line_and_writes_nothing()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.WriteAllText(TableFile, OtherLines);

        var run = _session.Run("Register-LinkedInPostQueueTask -Every 5m -Install -WhatIf -PowerShellPath $Pwsh");

        run.AssertNoErrors();
        var line = (string)Property(run.Output.Single(), "CrontabLine")!;
        Assert.Equal(false, Property(run.Output.Single(), "Installed"));
        Assert.Contains("What if: Performing the operation \"Add: " + line + "\" on target \"the crontab of ", run.HostText);
        Assert.Equal(OtherLines, File.ReadAllText(TableFile));
        Assert.Equal(new[] { "-l" }, Calls);

        _session.Run("Register-LinkedInPostQueueTask -Every 5m -Install -PowerShellPath $Pwsh").AssertNoErrors();
        var unregister = _session.Run("Unregister-LinkedInPostQueueTask -WhatIf");
        unregister.AssertNoErrors();
        Assert.Contains("What if: Performing the operation \"Remove: " + line + "\"", unregister.HostText);
        Assert.Equal(OtherLines + line + "\n", File.ReadAllText(TableFile));
    }

    [Fact]
    public void A_user_without_a_crontab_gets_one_with_just_our_line()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var run = _session.Run("Register-LinkedInPostQueueTask -Every 10m -Install -PowerShellPath $Pwsh");

        run.AssertNoErrors();
        Assert.Equal((string)Property(run.Output.Single(), "CrontabLine")! + "\n", File.ReadAllText(TableFile));
    }

    [Theory]
    [InlineData("90s", "Every 90s cannot be scheduled: the queue can run every 1 minute to 1 day, in whole minutes")]
    [InlineData("2d", "Every 48h cannot be scheduled")]
    [InlineData("7m", "Every 7m cannot be written as a crontab schedule that repeats evenly. Use one of: 1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m, 30m, 1h")]
    [InlineData("0", "Every 0s cannot be scheduled")]
    [InlineData("1441", "Every 1441m cannot be scheduled")]
    [InlineData("1.5", "Every 90s cannot be scheduled")]
    [InlineData("'90s'", "Every 90s cannot be scheduled")]
    public void Intervals_are_checked_with_a_stable_ErrorId(string every, string message)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var error = _session.Run($"Register-LinkedInPostQueueTask -Every {every} -Install -PowerShellPath $Pwsh").SingleError();

        Assert.StartsWith("LinkedInInvalidQueueTaskInterval,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(message, error.ToString());
        Assert.Empty(Calls);
    }

    [Fact]
    public void Interval_forms_bind_TimeSpans_strings_and_minutes()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var run = _session.Run("[TimeSpan]::FromMinutes(20), '2h', 720, '00:06:00', '5 min' | ForEach-Object { (Register-LinkedInPostQueueTask -Every $_ -PowerShellPath $Pwsh).Schedule }");

        run.AssertNoErrors();
        Assert.Equal(new[] { "*/20 * * * *", "0 */2 * * *", "0 */12 * * *", "*/6 * * * *", "*/5 * * * *" }, run.Output.Select(o => o.ToString()));

        var unreadable = _session.Run("Register-LinkedInPostQueueTask -Every soon -PowerShellPath $Pwsh").SingleError();
        Assert.StartsWith("ParameterArgumentTransformationError,", unreadable.FullyQualifiedErrorId);
        Assert.Contains("'soon' is not an interval", unreadable.ToString());
    }

    [Fact]
    public void A_plain_number_for_Every_is_minutes_as_its_help_says_while_MaxLateness_keeps_seconds()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var run = _session.Run("Register-LinkedInPostQueueTask -Every 60 -MaxLateness 3600 -PowerShellPath $Pwsh");
        var shortSeconds = _session.Run("Register-LinkedInPostQueueTask -Every 60s -PowerShellPath $Pwsh");

        run.AssertNoErrors();
        var task = run.Output.Single();
        Assert.Equal(TimeSpan.FromHours(1), Property(task, "Every"));
        Assert.Equal("0 * * * *", Property(task, "Schedule"));
        Assert.Contains("-MaxLateness '01:00:00'", (string)Property(task, "CrontabLine")!);
        // PowerShell 7 reads an unquoted 60s as the short 60: its suffix still says seconds.
        shortSeconds.AssertNoErrors();
        Assert.Equal(TimeSpan.FromMinutes(1), Property(shortSeconds.Output.Single(), "Every"));
        // The same numbers as text (from $env:, a config file, pwsh -File) mean the same, not days.
        var asText = _session.Run("Register-LinkedInPostQueueTask -Every '60' -MaxLateness ' 3600 ' -PowerShellPath $Pwsh");
        asText.AssertNoErrors();
        Assert.Equal(TimeSpan.FromHours(1), Property(asText.Output.Single(), "Every"));
        Assert.Contains("-MaxLateness '01:00:00'", (string)Property(asText.Output.Single(), "CrontabLine")!);
        Assert.DoesNotContain(run.Warnings, w => w.Contains("-MaxLateness", StringComparison.Ordinal));

        // -Every 15 -MaxLateness 60 reads as 15 minutes and 60 seconds: nearly every post would be Missed, so it warns.
        var tooShort = _session.Run("Register-LinkedInPostQueueTask -Every 15 -MaxLateness 60 -PowerShellPath $Pwsh");
        tooShort.AssertNoErrors();
        Assert.Contains(tooShort.Warnings, w => w.StartsWith("-MaxLateness 00:01:00 is shorter than -Every 00:15:00", StringComparison.Ordinal) && w.Contains("-MaxLateness 2h", StringComparison.Ordinal));

        // A limit that is no limit names the value, not the task.
        var zero = _session.Run("Register-LinkedInPostQueueTask -Every 15m -MaxLateness 0 -PowerShellPath $Pwsh").SingleError();
        Assert.StartsWith("LinkedInInvalidMaxLateness,", zero.FullyQualifiedErrorId);
        Assert.Equal(TimeSpan.Zero, zero.TargetObject);
    }

    [Fact]
    public void A_name_that_cannot_round_trip_is_refused()
    {
        var error = _session.Run("Register-LinkedInPostQueueTask -Every 5m -Name '100% sure' -PowerShellPath $Pwsh").SingleError();

        Assert.StartsWith("LinkedInInvalidQueueTaskName,", error.FullyQualifiedErrorId);
        Assert.Equal("100% sure", error.TargetObject);
    }

    [Fact]
    public void A_host_that_is_not_PowerShell_needs_PowerShellPath()
    {
        // The tests' own process is the .NET test host, and $PSHOME (the engine's folder) has no pwsh.
        var error = _session.Run("Register-LinkedInPostQueueTask -Every 5m").SingleError();

        Assert.StartsWith("LinkedInPowerShellExecutableNotFound,", error.FullyQualifiedErrorId);
        Assert.Contains("-PowerShellPath", error.ToString());
    }

    [Fact]
    public void A_missing_crontab_is_ResourceUnavailable_and_says_how_to_install_by_hand()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        Environment.SetEnvironmentVariable("LINKEDINPOSTS_CRONTAB", Path.Combine(_folder, "no-such-crontab"));

        var error = _session.Run("Register-LinkedInPostQueueTask -Every 5m -Install -PowerShellPath $Pwsh").SingleError();

        Assert.StartsWith("LinkedInQueueTaskSchedulerFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Contains("InstallCommand", error.ToString());
    }

    [Fact]
    public void A_crontab_that_refuses_the_table_is_an_error_and_nothing_claims_success()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.WriteAllText(FakeCrontab, "#!/bin/sh\nif [ \"$1\" = \"-l\" ]; then exit 0; fi\necho 'errors in crontab file, can not install.' >&2\nexit 1\n");

        var run = _session.Run("Register-LinkedInPostQueueTask -Every 5m -Install -PowerShellPath $Pwsh");

        var error = run.SingleError();
        Assert.StartsWith("LinkedInQueueTaskSchedulerFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("errors in crontab file, can not install.", error.ToString());
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Get_reads_back_each_installed_task_as_Register_made_it_and_finds_them_by_name_or_pattern()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.WriteAllText(TableFile, OtherLines);
        var queue = Path.Combine(_folder, "it's 100% a queue.db");
        var registered = _session.Run("Register-LinkedInPostQueueTask -Every 15m -Install -PowerShellPath $Pwsh").Output.Single();
        _session.Run("Register-LinkedInPostQueueTask -Every 1h -Name 'Marketing queue' -Path $args[0] -Install -PowerShellPath $Pwsh", queue).AssertNoErrors();

        var all = _session.Run("Get-LinkedInPostQueueTask");
        var marketing = _session.Run("Get-LinkedInPostQueueTask -Name 'Market*', 'nothing*', 'market*'");
        var byName = _session.Run("'LinkedInPosts queue' | Get-LinkedInPostQueueTask");

        all.AssertNoErrors();
        Assert.Equal(new[] { "LinkedInPosts queue", "Marketing queue" }, all.Output.Select(t => Property(t, "Name")));
        var first = all.Output[0];
        Assert.Equal("LinkedInPostQueueTask", first.BaseObject.GetType().Name);
        foreach (var property in new[] { "Name", "Platform", "Every", "Schedule", "CommandLine", "CrontabLine", "RunsAs", "QueuePath", "LogPath" })
        {
            Assert.Equal(Property(registered, property)?.ToString(), Property(first, property)?.ToString());
        }
        Assert.Equal(true, Property(first, "Installed"));
        marketing.AssertNoErrors();
        var other = marketing.Output.Single();
        Assert.Equal(TimeSpan.FromHours(1), Property(other, "Every"));
        Assert.Equal(queue, Property(other, "QueuePath"));
        Assert.Equal("LinkedInPosts queue", Property(byName.Output.Single(), "Name"));
        // The crontab's marker is matched with case, as Register- and Unregister- match it.
        Assert.StartsWith("LinkedInQueueTaskNotFound,", _session.Run("Get-LinkedInPostQueueTask -Name 'linkedinposts queue'").SingleError().FullyQualifiedErrorId);
        Assert.Equal(new[] { "-l", "-", "-l", "-", "-l", "-l", "-l", "-l" }, Calls); // Get only reads the crontab
    }

    [Fact]
    public void Get_of_a_name_with_no_task_is_an_error_and_its_output_pipes_into_Unregister()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.WriteAllText(TableFile, OtherLines + "# 0 * * * * pwsh -Command x # LinkedInPosts queue task: Paused queue\n");
        _session.Run("Register-LinkedInPostQueueTask -Every 5m -Install -PowerShellPath $Pwsh").AssertNoErrors();

        var missing = _session.Run("Get-LinkedInPostQueueTask -Name 'Paused queue', 'LinkedInPosts queue'");
        var removed = _session.Run("Get-LinkedInPostQueueTask | Unregister-LinkedInPostQueueTask -PassThru");
        var none = _session.Run("Get-LinkedInPostQueueTask");

        var error = missing.SingleError();
        Assert.StartsWith("LinkedInQueueTaskNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("Paused queue", error.TargetObject);
        Assert.Contains("Register-LinkedInPostQueueTask -Name 'Paused queue'", error.ToString());
        Assert.Equal("LinkedInPosts queue", Property(missing.Output.Single(), "Name")); // the found one is still written
        removed.AssertNoErrors();
        Assert.Equal(false, Property(removed.Output.Single(), "Installed"));
        none.AssertNoErrors();
        Assert.Empty(none.Output);
        Assert.Equal(OtherLines + "# 0 * * * * pwsh -Command x # LinkedInPosts queue task: Paused queue\n", File.ReadAllText(TableFile));
    }

    [Fact]
    public void Get_without_cron_says_so()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        Environment.SetEnvironmentVariable("LINKEDINPOSTS_CRONTAB", Path.Combine(_folder, "no-such-crontab"));

        var error = _session.Run("Get-LinkedInPostQueueTask").SingleError();

        Assert.StartsWith("LinkedInQueueTaskSchedulerFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
    }

    [Fact]
    public void A_crontab_that_is_not_UTF8_is_refused_unchanged_by_Install_and_Unregister_and_still_listed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        // A Latin-1 comment ("résumé"): rewritten as UTF-8 it became U+FFFD, breaking "every other line byte for byte" (review S13-D, 3).
        _session.Run("Register-LinkedInPostQueueTask -Every 5m -Install -PowerShellPath $Pwsh").AssertNoErrors();
        var latin1 = new byte[] { (byte)'#', (byte)' ', (byte)'r', 0xE9, (byte)'s', (byte)'u', (byte)'m', 0xE9, (byte)'\n' };
        var table = latin1.Concat(File.ReadAllBytes(TableFile)).ToArray();
        File.WriteAllBytes(TableFile, table);

        var install = _session.Run("Register-LinkedInPostQueueTask -Every 10m -Install -Force -PowerShellPath $Pwsh").SingleError();
        var unregister = _session.Run("Unregister-LinkedInPostQueueTask").SingleError();

        Assert.All(new[] { install, unregister }, e => Assert.Contains("not UTF-8", e.Exception.Message));
        Assert.Equal(table, File.ReadAllBytes(TableFile));
        // Only listing it reads the rest as it can.
        Assert.Single(_session.Run("Get-LinkedInPostQueueTask").Output);
    }
}
