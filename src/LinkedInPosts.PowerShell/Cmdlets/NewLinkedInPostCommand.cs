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
    /// Publishes a text post. The text is sent as written: reserved little-text characters are escaped
    /// so LinkedIn shows it whole, while @[Name](urn:li:person:id) mentions and #hashtags stay live.
    /// -WhatIf shows the exact escaped commentary and JSON body and sends nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LinkedInPost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(LinkedInPost))]
    public sealed class NewLinkedInPostCommand : LinkedInCmdlet
    {
        /// <summary>The only parameter set: a text post.</summary>
        public const string TextSet = "Text";

        /// <summary>
        /// The post's text as you want it to read. Accepts pipeline input, by value (strings) or by
        /// property name (Text or Commentary, for example Import-Csv rows).
        /// </summary>
        [Parameter(ParameterSetName = TextSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Commentary")]
        public string Text { get; set; } = string.Empty;

        /// <summary>
        /// Who posts: the connection's member (urn:li:person:…, the default) or one of the pages the
        /// connection can post as (urn:li:organization:…; see Get-LinkedInConnection's Organizations).
        /// When the connection knows its pages (it was made with -Organization), an author it cannot post
        /// as is refused before anything is sent (LinkedInAuthorNotAllowed).
        /// </summary>
        [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Author { get; set; }

        /// <summary>Who can see the post: Public (the default), Connections or LoggedIn.</summary>
        [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [ValidateSet(nameof(PostVisibility.Public), nameof(PostVisibility.Connections), nameof(PostVisibility.LoggedIn))]
        public PostVisibility Visibility { get; set; } = PostVisibility.Public;

        /// <summary>Stops others from resharing the post.</summary>
        [Parameter(ParameterSetName = TextSet)]
        public SwitchParameter DisableReshare { get; set; }

        /// <summary>
        /// Sends -Text as-is, as LinkedIn little text: you do the escaping, and any unescaped reserved
        /// character may make LinkedIn cut the post short.
        /// </summary>
        [Parameter(ParameterSetName = TextSet)]
        public SwitchParameter Raw { get; set; }

        /// <summary>
        /// The connection to post with (see Connect-LinkedIn -Name and Get-LinkedInConnection). Default:
        /// 'default'. A connection not made in this session is read from the token store, so a scheduled
        /// task needs no Connect-LinkedIn of its own.
        /// </summary>
        [Parameter(ParameterSetName = TextSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var session = GetSession(Connection);
            var author = ParseAuthorUrnOrWriteError(nameof(Author), Author ?? session.Member);
            if (author == null)
            {
                return;
            }
            var notAllowed = session.WhyCannotPostAs(author);
            if (notAllowed != null)
            {
                WriteError(LinkedInErrorRecords.AuthorNotAllowed(Author ?? session.Member, notAllowed));
                return;
            }

            var draft = new PostDraft(author, Text)
            {
                Format = Raw.IsPresent ? CommentaryFormat.Raw : CommentaryFormat.Text,
                Visibility = Visibility,
                IsReshareDisabledByAuthor = DisableReshare.IsPresent,
            };

            try
            {
                var preview = LinkedInClient.PreviewCreate(draft);
                var description =
                    $"Create a LinkedIn post as {author} with connection '{session.Name}' ({session.Stored.ApiBase})." + Environment.NewLine +
                    "Commentary as sent (little text):" + Environment.NewLine +
                    preview.LittleText + Environment.NewLine +
                    "JSON body:" + Environment.NewLine +
                    preview.JsonBody;
                var warning = $"Publish this post as {author}?" + Environment.NewLine + preview.LittleText;
                if (!ShouldProcess(description, warning, "New-LinkedInPost"))
                {
                    return;
                }

                var post = Run(cancellationToken => session.Client.CreatePostAsync(draft, cancellationToken));
                WriteObject(post);
            }
            catch (LinkedInException exception)
            {
                WriteLinkedInError(exception, Text, session);
            }
        }
    }
}
