using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Text;

namespace LinkedInPosts.PowerShell.Tests.Hosting;

/// <summary>
/// A real PowerShell session (System.Management.Automation, in-process) with the built module
/// out/LinkedInPosts imported, as a user would have it. Every run's streams are captured, and the
/// session keeps a transcript of all of them so a test can prove a secret never appeared anywhere.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly StringBuilder _transcript = new();

    private PowerShellSession(bool importModule)
    {
        Host = new CapturingHost();
        var state = InitialSessionState.CreateDefault2();
        Runspace = RunspaceFactory.CreateRunspace(Host, state);
        Runspace.Open();
        if (importModule)
        {
            var import = Run("Import-Module -Name $args[0] -PassThru -ErrorAction Stop", RepoPaths.ModuleManifest);
            import.AssertNoErrors();
        }
    }

    /// <summary>A new session with out/LinkedInPosts imported.</summary>
    public static PowerShellSession Start() => new(importModule: true);

    /// <summary>A new session without the module (for tests that import it themselves).</summary>
    public static PowerShellSession StartEmpty() => new(importModule: false);

    public Runspace Runspace { get; }

    public CapturingHost Host { get; }

    /// <summary>Everything every run produced, in text form: output, all streams, errors with their details, host text.</summary>
    public string Transcript
    {
        get
        {
            lock (_transcript)
            {
                return _transcript.ToString() + Host.Text;
            }
        }
    }

    /// <summary>Sets a variable in the session (how tests hand over SecureStrings and objects).</summary>
    public void SetVariable(string name, object? value) => Runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>A SecureString holding <paramref name="plain"/>, built in .NET (ConvertTo-SecureString is not in this engine's default modules).</summary>
    public static SecureString Secure(string plain)
    {
        var secure = new SecureString();
        foreach (var character in plain)
        {
            secure.AppendChar(character);
        }
        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>
    /// Imports Microsoft.PowerShell.Utility (Import-Csv, Export-Csv, ConvertFrom-Json, Out-String, Select-Object)
    /// from the package's assembly, as the test host resolved it: the engine's default session finds no module
    /// folder for it outside a real PowerShell installation.
    /// </summary>
    public void ImportUtility() =>
        Run("Import-Module -Name $args[0] -ErrorAction Stop", typeof(Microsoft.PowerShell.Commands.ImportCsvCommand).Assembly.Location).AssertNoErrors();

    /// <summary>Runs a script; positional <paramref name="arguments"/> are $args[0], $args[1], ...</summary>
    public PowerShellRun Run(string script, params object?[] arguments)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = Runspace;
        shell.AddScript(script);
        foreach (var argument in arguments)
        {
            shell.AddArgument(argument);
        }
        var hostBefore = Host.Text.Length;
        Collection<PSObject> output;
        ErrorRecord? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException exception)
        {
            output = new Collection<PSObject>();
            terminating = exception.ErrorRecord;
        }
        var run = new PowerShellRun(
            output.Where(o => o != null).ToList(),
            shell.Streams.Error.ToList(),
            terminating,
            shell.Streams.Warning.Select(w => w.Message).ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Debug.Select(d => d.Message).ToList(),
            shell.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList(),
            Host.Text.Substring(hostBefore),
            shell.Streams.Progress.ToList());
        Record(run);
        return run;
    }

    /// <summary>Starts <paramref name="script"/> without waiting for it (see <see cref="RunningCommand"/>).</summary>
    public RunningCommand Start(string script) => new(this, script);

    /// <summary>Adds what a run produced to the transcript.</summary>
    internal void Record(PowerShellRun run)
    {
        lock (_transcript)
        {
            _transcript.AppendLine(run.AllText());
        }
    }

    public void Dispose()
    {
        Runspace.Dispose();
    }
}

/// <summary>What one run produced, stream by stream.</summary>
public sealed record PowerShellRun(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    ErrorRecord? Terminating,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<string> Debug,
    IReadOnlyList<string> Information,
    string HostText,
    IReadOnlyList<ProgressRecord> Progress)
{
    /// <summary>Every error, written or terminating.</summary>
    public IReadOnlyList<ErrorRecord> AllErrors => Terminating == null ? Errors : Errors.Append(Terminating).ToList();

    public void AssertNoErrors()
    {
        Assert.True(AllErrors.Count == 0, "Unexpected errors:\n" + string.Join("\n", AllErrors.Select(Describe)));
    }

    /// <summary>The single error of the run; fails when there are none or several.</summary>
    public ErrorRecord SingleError()
    {
        Assert.True(AllErrors.Count == 1, $"Expected one error, got {AllErrors.Count}:\n" + string.Join("\n", AllErrors.Select(Describe)));
        return AllErrors[0];
    }

    public static string Describe(ErrorRecord record) =>
        $"{record.FullyQualifiedErrorId} [{record.CategoryInfo.Category}] {record}" +
        (record.ErrorDetails?.RecommendedAction is { } action ? " Recommended: " + action : string.Empty) +
        " Target: " + record.TargetObject;

    /// <summary>Every piece of text the run produced, on any stream, including error details and the objects' ToString and properties.</summary>
    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var item in Output)
        {
            text.AppendLine(item.ToString());
            foreach (var property in item.Properties)
            {
                object? value;
                try
                {
                    value = property.Value;
                }
                catch (GetValueException)
                {
                    continue;
                }
                text.Append(property.Name).Append('=').AppendLine(value?.ToString());
            }
        }
        foreach (var error in AllErrors)
        {
            text.AppendLine(Describe(error));
            text.AppendLine(error.Exception?.ToString());
            text.AppendLine(error.ErrorDetails?.Message);
            text.AppendLine(error.InvocationInfo?.Line);
        }
        foreach (var stream in new[] { Warnings, Verbose, Debug, Information })
        {
            foreach (var line in stream)
            {
                text.AppendLine(line);
            }
        }
        foreach (var progress in Progress)
        {
            text.AppendLine(progress.Activity + ": " + progress.StatusDescription + " " + progress.CurrentOperation);
        }
        text.AppendLine(HostText);
        return text.ToString();
    }
}
