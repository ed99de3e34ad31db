using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Media;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Uploads images, videos and documents to LinkedIn for an author, ready to be posted. Images are
    /// JPEG, PNG or GIF, videos MP4, documents PDF, PPT, PPTX, DOC or DOCX. It outputs one media object per
    /// file (URN, kind, status, file name, size, SHA-256, owner) that pipes into New-LinkedInPost. The kind comes from
    /// the file's content, and LinkedIn's limits are checked before anything is sent. Videos go up in
    /// 4 MiB parts. Each upload waits until LinkedIn has processed the file (status AVAILABLE). A
    /// progress bar shows the bytes and parts sent; Ctrl+C cancels. Paths are relative to the current
    /// PowerShell location; -WhatIf shows each file's upload plan and sends nothing.
    /// </summary>
    /// <example>
    /// <code>Add-LinkedInMedia ./dashboard.png -AltText 'Error rate after the patch' | New-LinkedInPost -Text 'Zero errors since the rollout'</code>
    /// </example>
    /// <example>
    /// <code>$images = Get-ChildItem ./screenshots/*.png | Add-LinkedInMedia
    /// New-LinkedInPost -Text 'The new dashboards' -Image $images</code>
    /// <para>Uploads every PNG of the folder and posts them together (-Image takes 2 to 20 images; for one, use -Media).</para>
    /// </example>
    /// <example>
    /// <code>Add-LinkedInMedia -LiteralPath './demo [final].mp4' -Title 'Failover demo' -Author urn:li:organization:2414183 -WhatIf</code>
    /// </example>
    /// <seealso cref="NewLinkedInPostCommand"/>
    [Cmdlet(VerbsCommon.Add, "LinkedInMedia", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(UploadedMedia))]
    public sealed class AddLinkedInMediaCommand : LinkedInCmdlet
    {
        /// <summary>Files by path, wildcards allowed.</summary>
        public const string PathSet = "Path";

        /// <summary>Files by literal path.</summary>
        public const string LiteralPathSet = "LiteralPath";

        private int _nextActivityId = 1;

        /// <summary>
        /// The files to upload, relative to the current PowerShell location; wildcards are expanded (a path
        /// that names an existing file as written is taken as it is). Accepts pipeline input by value
        /// (strings) and by property name (Path, or FullName, so Get-ChildItem output binds).
        /// </summary>
        [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>
        /// The files to upload, taken exactly as written (no wildcards: for names with [ ] or *). Accepts
        /// pipeline input by property name (LiteralPath or PSPath).
        /// </summary>
        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Alternative text for readers who cannot see the image or video; New-LinkedInPost sends it with
        /// the post unless its own -AltText replaces it. Plain text, never escaped.
        /// </summary>
        [Parameter]
        public string? AltText { get; set; }

        /// <summary>
        /// The title shown with a video or document; New-LinkedInPost uses it unless its own -Title replaces
        /// it. A document's title defaults to its file name. Plain text, never escaped.
        /// </summary>
        [Parameter]
        public string? Title { get; set; }

        /// <summary>
        /// Who the media is for: the connection's member (the default) or a page the connection can post
        /// as (urn:li:organization:…). LinkedIn lets only this author post the media.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Author { get; set; }

        /// <summary>
        /// How long to wait for LinkedIn to process each file (a TimeSpan, a number of seconds, or 90s, 5m, 1h).
        /// Videos can take minutes. Default: 10 minutes.
        /// </summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? ProcessingTimeout { get; set; }

        /// <summary>The connection to upload with (see Get-LinkedInConnection). Default: 'default'. Read from the token store when not made in this session.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (ProcessingTimeout.HasValue && ProcessingTimeout.Value <= TimeSpan.Zero)
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(
                    ErrorIds.InvalidTimeout, nameof(ProcessingTimeout), $"-ProcessingTimeout must be positive (it was {ProcessingTimeout}).", ProcessingTimeout));
            }
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var session = GetSession(Connection);
            var given = Author ?? session.Member;
            var owner = ParseAuthorUrnOrWriteError(nameof(Author), given);
            if (owner == null)
            {
                return;
            }
            var notAllowed = session.WhyCannotPostAs(owner);
            if (notAllowed != null)
            {
                WriteError(LinkedInErrorRecords.AuthorNotAllowed(given, notAllowed));
                return;
            }

            var literal = ParameterSetName == LiteralPathSet;
            foreach (var path in literal ? LiteralPath : Path)
            {
                IReadOnlyList<string> files;
                try
                {
                    files = MediaPaths.Resolve(SessionState, path, literal);
                }
                catch (MediaPathException exception)
                {
                    WriteError(LinkedInErrorRecords.MediaFileNotFound(exception));
                    continue;
                }
                foreach (var file in files)
                {
                    Upload(session, owner, file);
                }
            }
        }

        private void Upload(LinkedInSession session, LinkedInUrn owner, string file)
        {
            MediaFile inspected;
            try
            {
                inspected = MediaFile.Inspect(file);
            }
            catch (LinkedInException exception)
            {
                WriteLinkedInError(exception, file, session);
                return;
            }
            var plan = UploadPlan.Describe(inspected, owner);
            if (!ShouldProcess(plan + $" Connection '{session.Name}' ({session.Stored.ApiBase}).", $"Upload {inspected.FileName} to LinkedIn for {owner}?", "Add-LinkedInMedia"))
            {
                return;
            }

            var options = new MediaUploadOptions { AltText = AltText, Title = Title };
            if (ProcessingTimeout.HasValue)
            {
                options.ProcessingTimeout = ProcessingTimeout.Value;
            }
            using (var progress = new UploadProgressReporter(this, _nextActivityId))
            {
                try
                {
                    var uploader = new MediaUploader(session.Client);
                    WriteObject(Run(cancellationToken => uploader.UploadAsync(inspected, owner, options, progress, cancellationToken)));
                }
                catch (LinkedInException exception)
                {
                    WriteLinkedInError(exception, file, session);
                }
                finally
                {
                    _nextActivityId = progress.NextActivityId;
                }
            }
        }
    }
}
