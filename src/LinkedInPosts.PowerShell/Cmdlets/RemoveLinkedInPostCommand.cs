using System;
using System.Management.Automation;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Deletes posts. Asks for confirmation before each delete unless -Confirm:$false is given or
    /// $ConfirmPreference is None. Takes post objects or URNs from the pipeline.
    /// </summary>
    /// <example>
    /// <code>Remove-LinkedInPost urn:li:share:7265000000000000000</code>
    /// <para>Deletes one post, after asking for confirmation.</para>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInPost -Author (Get-LinkedInConnection default).Member -First 3 | Remove-LinkedInPost -WhatIf</code>
    /// <para>Shows which of your three newest posts would be deleted; deletes nothing (reading them needs r_member_social).</para>
    /// </example>
    /// <example>
    /// <code>New-LinkedInPost 'Test from the pipeline' -Connection sandbox | Remove-LinkedInPost -Connection sandbox -Confirm:$false -PassThru</code>
    /// <para>Posts and deletes again without a prompt, writing the URN of the deleted post (for scripts).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "LinkedInPost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByUrnSet)]
    [OutputType(typeof(LinkedInUrn))]
    public sealed class RemoveLinkedInPostCommand : LinkedInCmdlet
    {
        /// <summary>Posts by URN (or post objects, by their Urn property).</summary>
        public const string ByUrnSet = "ByUrn";

        /// <summary>
        /// The URNs of the posts to delete. Accepts pipeline input by value (URN strings) and by
        /// property name (Urn, as on the objects Get-LinkedInPost and New-LinkedInPost write).
        /// </summary>
        [Parameter(ParameterSetName = ByUrnSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PostUrn")]
        [ValidateNotNullOrEmpty]
        public string[] Urn { get; set; } = Array.Empty<string>();

        /// <summary>Writes the URN of each deleted post.</summary>
        [Parameter(ParameterSetName = ByUrnSet)]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// The connection to use (see Get-LinkedInConnection). Default: 'default'. Read from the token store when not
        /// made in this session. Also by property name, so scheduled posts piped in are deleted with their own connection.
        /// </summary>
        [Parameter(ParameterSetName = ByUrnSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var session = GetSession(Connection);
            foreach (var value in Urn)
            {
                var urn = ParsePostUrnOrWriteError(nameof(Urn), value);
                if (urn == null)
                {
                    continue;
                }
                if (!ShouldProcess($"LinkedIn post {urn} (connection '{session.Name}', {session.Stored.ApiBase})", "Delete"))
                {
                    continue;
                }
                try
                {
                    Run(cancellationToken => session.Client.DeletePostAsync(urn, cancellationToken));
                    if (PassThru.IsPresent)
                    {
                        WriteObject(urn);
                    }
                }
                catch (LinkedInException exception)
                {
                    WriteLinkedInError(exception, value, session);
                }
            }
        }
    }
}
