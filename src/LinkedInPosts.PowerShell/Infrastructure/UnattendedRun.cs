using System;
using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// For the commands a scheduler runs (Invoke- and Test-LinkedInPostQueue), which must never ask: -Debug on a compiled
    /// cmdlet makes PowerShell ask "Continue with this operation?" before every warning and error it writes. Under
    /// -NonInteractive that question ends the run before it has published anything; interactively it stops at each one.
    /// </summary>
    internal static class UnattendedRun
    {
        /// <summary>
        /// Stops with LinkedInDebugWouldPrompt when -Debug is given. Not only warnings and errors ask then: with -WarningAction,
        /// -ErrorAction and -InformationAction all given, a run still asked, so -Debug is refused outright.
        /// </summary>
        public static void RefuseDebug(PSCmdlet cmdlet)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            if (!bound.TryGetValue("Debug", out var debug) || !(debug is SwitchParameter on && on.IsPresent))
            {
                return;
            }
            var name = cmdlet.MyInvocation.MyCommand.Name;
            var message = $"{name} does not take -Debug: it makes PowerShell ask before every warning and error, and {name} never asks " +
                "(it runs unattended; under -NonInteractive the question would end the run). Nothing was done.";
            cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), ErrorIds.DebugWouldPrompt, ErrorCategory.InvalidArgument, "-Debug")
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Use -Verbose for the details of the run.",
                },
            });
        }
    }
}
