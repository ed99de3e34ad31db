using System;
using System.Management.Automation;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Replaces the text of an existing post. The text is escaped as for New-LinkedInPost unless -Raw.
    /// Takes the post and the new text from the pipeline by property name (Urn, Text or Commentary).
    /// </summary>
    /// <example>
    /// <code>Set-LinkedInPost urn:li:share:7265000000000000000 'Maintenance is over (2 h, not 3): thanks for your patience!'</code>
    /// <para>Replaces the post's text; the parentheses are escaped for LinkedIn, so the text is not cut off.</para>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInPost urn:li:share:7265000000000000000 | Set-LinkedInPost -Text 'Updated: see the first comment' -PassThru</code>
    /// <para>Takes the post from the pipeline and writes it as LinkedIn holds it after the change (reading needs a connection with r_member_social).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "LinkedInPost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(LinkedInPost))]
    public sealed class SetLinkedInPostCommand : LinkedInCmdlet
    {
        /// <summary>The only parameter set: new text for a post.</summary>
        public const string TextSet = "Text";

        /// <summary>The URN of the post to change (urn:li:share:… or urn:li:ugcPost:…).</summary>
        [Parameter(ParameterSetName = TextSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PostUrn")]
        [ValidateNotNullOrEmpty]
        public string Urn { get; set; } = string.Empty;

        /// <summary>The new text, as you want it to read.</summary>
        [Parameter(ParameterSetName = TextSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Commentary")]
        public string Text { get; set; } = string.Empty;

        /// <summary>Sends -Text as-is, as LinkedIn little text (you do the escaping).</summary>
        [Parameter(ParameterSetName = TextSet)]
        public SwitchParameter Raw { get; set; }

        /// <summary>
        /// Writes the post as LinkedIn holds it after the change (read back, so it needs the same read
        /// scope as Get-LinkedInPost; without it, a warning says the change was made and nothing is written).
        /// </summary>
        [Parameter(ParameterSetName = TextSet)]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// The connection to use (see Get-LinkedInConnection). Default: 'default'. Read from the token store when not
        /// made in this session. Also by property name, so scheduled posts piped in are changed with their own connection.
        /// </summary>
        [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var session = GetSession(Connection);
            var urn = ParsePostUrnOrWriteError(nameof(Urn), Urn);
            if (urn == null)
            {
                return;
            }
            var format = Raw.IsPresent ? CommentaryFormat.Raw : CommentaryFormat.Text;
            try
            {
                var sent = CommentaryRules.ToLittleText(Text, format);
                var description =
                    $"Replace the text of LinkedIn post {urn} with connection '{session.Name}' ({session.Stored.ApiBase})." + Environment.NewLine +
                    "New commentary as sent (little text):" + Environment.NewLine +
                    sent;
                var warning = $"Replace the text of {urn} with:" + Environment.NewLine + sent;
                if (!ShouldProcess(description, warning, "Set-LinkedInPost"))
                {
                    return;
                }

                Run(cancellationToken => session.Client.UpdateCommentaryAsync(urn, Text, format, cancellationToken));
                if (PassThru.IsPresent)
                {
                    WriteReadBack(session, urn);
                }
            }
            catch (LinkedInValidationException exception)
            {
                WriteLinkedInError(exception, Text, session);
            }
            catch (LinkedInException exception)
            {
                WriteLinkedInError(exception, Urn, session);
            }
        }

        // The change is made by then: a connection that may not read posts (no r_member_social) gets a warning that
        // says so, not an error that reads as if the change had failed.
        private void WriteReadBack(LinkedInSession session, LinkedInUrn urn)
        {
            try
            {
                WriteObject(session.Carrying(Run(cancellationToken => session.Client.GetPostAsync(urn, cancellationToken))));
            }
            catch (LinkedInPermissionException exception)
            {
                WriteWarning($"The text of {urn} was replaced, but -PassThru could not read the post back: {exception.Message}");
            }
        }
    }
}
