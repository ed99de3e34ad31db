using System.Management.Automation;
using System.Text.RegularExpressions;

namespace LinkedInPosts.PowerShell.Tests.Hosting;

/// <summary>
/// A command started asynchronously in a session (BeginInvoke), as a user's console runs Connect-LinkedIn
/// while they sign in in the browser: the test watches its Information stream, plays the browser, then
/// ends or stops it. What it produced goes into the session's transcript like any run.
/// </summary>
public sealed class RunningCommand : IDisposable
{
    private static readonly Regex AuthorizationUrl = new(@"https?://\S+/oauth/v2/authorization\?\S+", RegexOptions.CultureInvariant);

    private readonly PowerShellSession _session;
    private readonly System.Management.Automation.PowerShell _shell;
    private readonly IAsyncResult _running;
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _hostBefore;
    private bool _ended;

    internal RunningCommand(PowerShellSession session, string script)
    {
        _session = session;
        _hostBefore = session.Host.Text.Length;
        _shell = System.Management.Automation.PowerShell.Create();
        _shell.Runspace = session.Runspace;
        _shell.AddScript(script);
        _shell.Streams.Information.DataAdded += (_, args) =>
        {
            var record = _shell.Streams.Information[args.Index];
            var match = AuthorizationUrl.Match(record.MessageData?.ToString() ?? string.Empty);
            if (match.Success)
            {
                _url.TrySetResult(new Uri(match.Value));
            }
        };
        _running = _shell.BeginInvoke();
    }

    /// <summary>The sign-in URL the command printed on the Information stream.</summary>
    public async Task<Uri> AuthorizationUrlAsync(TimeSpan? within = null)
    {
        var timeout = Task.Delay(within ?? TimeSpan.FromSeconds(20));
        var finished = Task.Run(() => _running.AsyncWaitHandle.WaitOne());
        var first = await Task.WhenAny(_url.Task, timeout, finished);
        if (first == _url.Task)
        {
            return await _url.Task;
        }
        var run = End();
        throw new Xunit.Sdk.XunitException("The command printed no sign-in URL. It produced:\n" + run.AllText());
    }

    /// <summary>Presses Ctrl+C.</summary>
    public void Stop() => _shell.Stop();

    /// <summary>Waits for the command and returns what it produced (a terminating error as <see cref="PowerShellRun.Terminating"/>).</summary>
    public PowerShellRun End()
    {
        if (_ended)
        {
            throw new InvalidOperationException("The command was already ended.");
        }
        _ended = true;
        IReadOnlyList<PSObject> output;
        ErrorRecord? terminating = null;
        try
        {
            output = _shell.EndInvoke(_running).Where(o => o != null).ToList();
        }
        catch (RuntimeException exception)
        {
            output = Array.Empty<PSObject>();
            terminating = exception.ErrorRecord;
        }
        var run = new PowerShellRun(
            output,
            _shell.Streams.Error.ToList(),
            terminating,
            _shell.Streams.Warning.Select(w => w.Message).ToList(),
            _shell.Streams.Verbose.Select(v => v.Message).ToList(),
            _shell.Streams.Debug.Select(d => d.Message).ToList(),
            _shell.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList(),
            _session.Host.Text.Substring(_hostBefore),
            _shell.Streams.Progress.ToList());
        _session.Record(run);
        return run;
    }

    public PSInvocationState State => _shell.InvocationStateInfo.State;

    public void Dispose()
    {
        if (!_ended)
        {
            _shell.Stop();
            End();
        }
        _shell.Dispose();
    }
}
