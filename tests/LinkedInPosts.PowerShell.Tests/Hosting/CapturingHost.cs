using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace LinkedInPosts.PowerShell.Tests.Hosting;

/// <summary>
/// A PowerShell host that records everything written to it (where -WhatIf messages and Write-Host
/// text go) and answers confirmation prompts from a script of answers, as a user at a console would.
/// </summary>
public sealed class CapturingHost : PSHost
{
    private readonly CapturingHostUserInterface _ui = new();

    public override string Name => "LinkedInPosts.Tests";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    /// <summary>All text written to the host so far.</summary>
    public string Text => _ui.Text;

    /// <summary>The captions and messages of the prompts shown so far.</summary>
    public IReadOnlyList<string> Prompts => _ui.Prompts;

    /// <summary>Answers for the next confirmation prompts, by label ("Yes", "No", "Yes to All", ...).</summary>
    public Queue<string> ChoiceAnswers => _ui.ChoiceAnswers;

    public void Reset() => _ui.Reset();

    public override void SetShouldExit(int exitCode)
    {
    }

    public override void EnterNestedPrompt() => throw new NotSupportedException("No nested prompts in tests.");
    public override void ExitNestedPrompt() => throw new NotSupportedException("No nested prompts in tests.");
    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    private sealed class CapturingHostUserInterface : PSHostUserInterface
    {
        private readonly object _gate = new();
        private readonly StringBuilder _text = new();
        private readonly List<string> _prompts = new();

        public Queue<string> ChoiceAnswers { get; } = new();

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString();
                }
            }
        }

        public IReadOnlyList<string> Prompts
        {
            get
            {
                lock (_gate)
                {
                    return _prompts.ToList();
                }
            }
        }

        public void Reset()
        {
            lock (_gate)
            {
                _text.Clear();
                _prompts.Clear();
                ChoiceAnswers.Clear();
            }
        }

        private void Append(string value)
        {
            lock (_gate)
            {
                _text.Append(value);
            }
        }

        public override PSHostRawUserInterface? RawUI => null;

        public override string ReadLine() => throw new InvalidOperationException("A test tried to read from the console.");
        public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("A test tried to read a secret from the console.");
        public override void Write(string value) => Append(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);
        public override void WriteLine(string value) => Append(value + "\n");
        public override void WriteErrorLine(string value) => Append("ERROR: " + value + "\n");
        public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");
        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");
        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new InvalidOperationException($"A test was prompted for input: {caption} {message}");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new InvalidOperationException("A test was prompted for a credential.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new InvalidOperationException("A test was prompted for a credential.");

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            string answer;
            lock (_gate)
            {
                _prompts.Add(caption + "\n" + message);
                if (ChoiceAnswers.Count == 0)
                {
                    throw new InvalidOperationException($"A test was asked to confirm without a prepared answer: {caption} {message}");
                }
                answer = ChoiceAnswers.Dequeue();
            }
            for (var i = 0; i < choices.Count; i++)
            {
                if (string.Equals(choices[i].Label.Replace("&", string.Empty), answer, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
            throw new InvalidOperationException($"No choice '{answer}' among: {string.Join(", ", choices.Select(c => c.Label))}");
        }
    }
}
