using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Media;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Publishes a post: text, or text with one image, video or document (-Media), 2 to 20 images
    /// (-Image), an article card (-ArticleUrl), a poll (-Poll) or a reshare (-Reshare). The text is sent
    /// as written: reserved little-text characters are escaped so LinkedIn shows it whole, while
    /// @[Name](urn:li:person:id) mentions and #hashtags stay live. Files given by path are checked
    /// (kind from their content, LinkedIn's limits), together with the whole post, before anything is
    /// uploaded; then they are uploaded for the author, with a progress bar, and the post is created.
    /// -FirstComment adds a comment right after the post. -WhatIf shows the uploads and the exact JSON
    /// body (files still to upload appear as "(upload: path)") and sends nothing.
    /// </summary>
    /// <example>
    /// <code>New-LinkedInPost -Text 'Patch night went fine (all 40 servers) #ops'</code>
    /// </example>
    /// <example>
    /// <code>Add-LinkedInMedia ./dashboard.png -AltText 'Grafana: error rate flat after the patch' | New-LinkedInPost -Text 'Zero errors after the rollout'</code>
    /// </example>
    /// <example>
    /// <code>New-LinkedInPost -Text 'Our runbook' -Media ./runbook.pdf -Title 'Patch night runbook' -FirstComment 'Questions welcome below'</code>
    /// </example>
    /// <example>
    /// <code>New-LinkedInPost -Text 'Before and after' -Image ./before.png, ./after.png -AltText 'Old rack', 'New rack'</code>
    /// </example>
    /// <example>
    /// <code>New-LinkedInPost -Text 'Worth a read' -ArticleUrl https://example.com/postmortem -ArticleTitle 'Our postmortem' -ArticleThumbnail ./cover.png</code>
    /// </example>
    /// <example>
    /// <code>New-LinkedInPost -Text 'Settle this' -Poll 'Tabs or spaces?' -PollOption Tabs, Spaces -PollDuration ThreeDays</code>
    /// </example>
    /// <example>
    /// <code>New-LinkedInPost -Reshare urn:li:share:7045020441609936898 -Text 'Great write-up by our SRE team'</code>
    /// </example>
    /// <seealso cref="AddLinkedInMediaCommand"/>
    /// <seealso cref="RegisterLinkedInScheduledPostCommand"/>
    [Cmdlet(VerbsCommon.New, "LinkedInPost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(LinkedInPost))]
    public sealed class NewLinkedInPostCommand : LinkedInCmdlet
    {
        /// <summary>The progress bar id the next upload gets: one bar per file over all pipeline input.</summary>
        private int _nextActivityId = 1;

        /// <summary>A text-only post (-Text).</summary>
        public const string TextSet = "Text";

        /// <summary>One image, video or document (-Media).</summary>
        public const string MediaSet = "Media";

        /// <summary>2 to 20 images (-Image).</summary>
        public const string MultiImageSet = "MultiImage";

        /// <summary>A link shown as an article card (-ArticleUrl).</summary>
        public const string ArticleSet = "Article";

        /// <summary>A poll (-Poll and -PollOption).</summary>
        public const string PollSet = "Poll";

        /// <summary>A reshare of another post (-Reshare).</summary>
        public const string ReshareSet = "Reshare";

        /// <summary>
        /// The post's text as you want it to read. LinkedIn needs text for every post but a reshare, so it is
        /// required with media, images, an article or a poll too, and optional only with -Reshare. Accepts pipeline input by value (strings; with -Media the
        /// pipeline goes to -Media instead) and by property name (Text or Commentary, e.g. Import-Csv rows).
        /// </summary>
        /// <remarks>
        /// Why the Text set takes nothing by property name: once any parameter of the default set binds
        /// from a pipeline object, PowerShell's binder latches onto the default set, so a CSV row with Text
        /// and Media columns would become a text post and its media would be silently dropped. Here the
        /// row's properties bind through the content sets instead: a row with Media (or ArticleUrl, Poll,
        /// Image, Reshare) selects that set, and a row with only Text, Author, Visibility or FirstComment,
        /// which every set has, still resolves to the default Text set.
        /// </remarks>
        [Parameter(ParameterSetName = TextSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = MediaSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = MultiImageSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ArticleSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = PollSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ReshareSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Commentary")]
        public string Text { get; set; } = string.Empty;

        /// <summary>
        /// One image (JPEG, PNG, GIF), video (MP4) or document (PDF, PPT, PPTX, DOC, DOCX): a media object
        /// from Add-LinkedInMedia (also from the pipeline), a file path (relative to the current location;
        /// wildcards must match one file), a FileInfo, or the URN of media uploaded before. A file is
        /// uploaded for the author before the post is created; its kind comes from its content, not its name.
        /// </summary>
        [Parameter(ParameterSetName = MediaSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [MediaInputTransformation]
        [ValidateNotNull]
        [SupportsWildcards]
        public MediaInput? Media { get; set; }

        /// <summary>
        /// 2 to 20 images shown together (media objects, paths, FileInfos or image URNs, in the order
        /// shown). A path with wildcards adds every file it matches, sorted by path (ordinal: upper case before lower case). Images only: a video
        /// or document here is refused before anything is uploaded.
        /// </summary>
        [Parameter(ParameterSetName = MultiImageSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [MediaInputTransformation]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public MediaInput[] Image { get; set; } = Array.Empty<MediaInput>();

        /// <summary>
        /// Alternative text for readers who cannot see the picture: for -Media one text; for -Image one
        /// per image, in order (an empty one keeps the image object's own); for -ArticleThumbnail the
        /// thumbnail's. Default: the alt text given to Add-LinkedInMedia. Plain text, never escaped.
        /// </summary>
        [Parameter(ParameterSetName = MediaSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = MultiImageSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ArticleSet, ValueFromPipelineByPropertyName = true)]
        public string[]? AltText { get; set; }

        /// <summary>
        /// The title shown with a video or document (-Media). Default: the title given to
        /// Add-LinkedInMedia, and for a document its file name. Plain text, never escaped.
        /// </summary>
        [Parameter(ParameterSetName = MediaSet, ValueFromPipelineByPropertyName = true)]
        public string? Title { get; set; }

        /// <summary>
        /// The address of the article to share (absolute http or https). LinkedIn does not read the page:
        /// the card shows only what -ArticleTitle, -ArticleDescription and -ArticleThumbnail give.
        /// </summary>
        [Parameter(ParameterSetName = ArticleSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public Uri? ArticleUrl { get; set; }

        /// <summary>The title on the article card (required). Plain text, sent exactly as written.</summary>
        [Parameter(ParameterSetName = ArticleSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string? ArticleTitle { get; set; }

        /// <summary>The description on the article card. Plain text, sent exactly as written.</summary>
        [Parameter(ParameterSetName = ArticleSet, ValueFromPipelineByPropertyName = true)]
        public string? ArticleDescription { get; set; }

        /// <summary>
        /// The picture on the article card: an image object from Add-LinkedInMedia, an image path
        /// (uploaded first), a FileInfo, or an image URN. Its alt text is -AltText.
        /// </summary>
        [Parameter(ParameterSetName = ArticleSet, ValueFromPipelineByPropertyName = true)]
        [MediaInputTransformation]
        [ValidateNotNull]
        [SupportsWildcards]
        public MediaInput? ArticleThumbnail { get; set; }

        /// <summary>The poll's question (at most 140 characters). Plain text, never escaped. A poll cannot be changed once posted.</summary>
        [Parameter(ParameterSetName = PollSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PollQuestion")]
        public string? Poll { get; set; }

        /// <summary>The poll's 2 to 4 options (each at most 30 characters, all different).</summary>
        [Parameter(ParameterSetName = PollSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string[] PollOption { get; set; } = Array.Empty<string>();

        /// <summary>How long the poll stays open: OneDay, ThreeDays, SevenDays (the default) or FourteenDays.</summary>
        [Parameter(ParameterSetName = PollSet, ValueFromPipelineByPropertyName = true)]
        public PollDuration PollDuration { get; set; } = PollDuration.SevenDays;

        /// <summary>
        /// The URN of the post to reshare (urn:li:share:… or urn:li:ugcPost:…). -Text is optional then:
        /// without it the post is reshared as it is.
        /// </summary>
        [Parameter(ParameterSetName = ReshareSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Reshare { get; set; }

        /// <summary>
        /// A comment the author adds right after the post is published (through LinkedIn's comments API;
        /// plain text, never escaped). If the post is published but the comment fails, the post is still
        /// output and the error (LinkedInFirstCommentFailed) says so: do not post again.
        /// </summary>
        [Parameter(ParameterSetName = TextSet)]
        [Parameter(ParameterSetName = MediaSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = MultiImageSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ArticleSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = PollSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ReshareSet, ValueFromPipelineByPropertyName = true)]
        public string? FirstComment { get; set; }

        /// <summary>
        /// Who posts: the connection's member (urn:li:person:…, the default) or one of the pages the
        /// connection can post as (urn:li:organization:…; see Get-LinkedInConnection's Organizations). Without it,
        /// media uploaded before for a page (Add-LinkedInMedia -Author) makes the post that page's.
        /// When the connection knows its pages (it was made with -Organization), an author it cannot post
        /// as is refused before anything is sent (LinkedInAuthorNotAllowed). Files are uploaded for this
        /// author, and media objects must have been uploaded for it.
        /// </summary>
        [Parameter(ParameterSetName = TextSet)]
        [Parameter(ParameterSetName = MediaSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = MultiImageSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ArticleSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = PollSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ReshareSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Author { get; set; }

        /// <summary>Who can see the post: Public (the default), Connections or LoggedIn.</summary>
        [Parameter(ParameterSetName = TextSet)]
        [Parameter(ParameterSetName = MediaSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = MultiImageSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ArticleSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = PollSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ReshareSet, ValueFromPipelineByPropertyName = true)]
        [EnumNameTransformation(typeof(PostVisibility))]
        [ValidateSet(nameof(PostVisibility.Public), nameof(PostVisibility.Connections), nameof(PostVisibility.LoggedIn))]
        public PostVisibility Visibility { get; set; } = PostVisibility.Public;

        /// <summary>Stops others from resharing the post. Also by property name: a CSV row's DisableReshare column (True/False, Yes/No, 1/0; empty is off), as Register-LinkedInScheduledPost reads it (by property name in the content sets only, as -Visibility: see -Text).</summary>
        [Parameter(ParameterSetName = TextSet)]
        [Parameter(ParameterSetName = MediaSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = MultiImageSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ArticleSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = PollSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ReshareSet, ValueFromPipelineByPropertyName = true)]
        [FlagTransformation(nameof(DisableReshare))]
        public SwitchParameter DisableReshare { get; set; }

        /// <summary>
        /// Sends -Text as-is, as LinkedIn little text: you do the escaping, and any unescaped reserved
        /// character may make LinkedIn cut the post short. (Titles, alt texts, article and poll texts and
        /// comments are plain text and never escaped either way.) Also by property name: a CSV row's Raw column (True/False,
        /// Yes/No, 1/0; empty is off), as Register-LinkedInScheduledPost reads it.
        /// </summary>
        [Parameter(ParameterSetName = TextSet)]
        [Parameter(ParameterSetName = MediaSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = MultiImageSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ArticleSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = PollSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ReshareSet, ValueFromPipelineByPropertyName = true)]
        [FlagTransformation(nameof(Raw))]
        public SwitchParameter Raw { get; set; }

        /// <summary>
        /// The connection to post with (see Connect-LinkedIn -Name and Get-LinkedInConnection). Default:
        /// 'default'. A connection not made in this session is read from the token store, so a scheduled
        /// task needs no Connect-LinkedIn of its own.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <summary>
        /// Without -Author, the page that media uploaded before belongs to (Add-LinkedInMedia -Author): LinkedIn lets
        /// only the media's owner post it, so a page's picture piped in makes a post of that page. Null when no
        /// uploaded media is given, its owners differ, or the connection cannot post as its owner (the post is then
        /// refused with the mismatch named).
        /// </summary>
        private string? PageOfUploadedMedia(LinkedInSession session)
        {
            var owners = new[] { Media, ArticleThumbnail }.Concat(Image)
                .Where(input => input?.Uploaded != null)
                .Select(input => input!.Uploaded!.Owner)
                .GroupBy(owner => owner.ToString(), StringComparer.Ordinal)
                .Select(group => group.First())
                .ToList();
            return owners.Count == 1 && session.WhyCannotPostAs(owners[0]) == null ? owners[0].ToString() : null;
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var session = GetSession(Connection);
            var authorText = Author ?? PageOfUploadedMedia(session) ?? session.Member;
            var author = ParseAuthorUrnOrWriteError(nameof(Author), authorText);
            if (author == null)
            {
                return;
            }
            var notAllowed = session.WhyCannotPostAs(author);
            if (notAllowed != null)
            {
                WriteError(LinkedInErrorRecords.AuthorNotAllowed(authorText, notAllowed));
                return;
            }

            PostDraft draft;
            try
            {
                // The same builder as Register-LinkedInScheduledPost's rows: one set of rules for both.
                draft = PostDraftBuilder.Build(Fields(), author);
            }
            catch (MediaPathException exception) when (string.IsNullOrWhiteSpace(exception.Path))
            {
                // Usually a CSV row whose Media cell is blank: the column binds -Media all the same. Named by the post's text.
                WriteError(new ErrorRecord(
                    new ItemNotFoundException("No media file was given: -Media is empty (from a CSV, the row's Media cell is blank). Leave -Media out for a text post; " +
                        "for a CSV where only some rows have media, Register-LinkedInScheduledPost takes a blank cell as no media.", exception),
                    ErrorIds.MediaFileNotFound, ErrorCategory.ObjectNotFound, Target));
                return;
            }
            catch (MediaPathException exception)
            {
                WriteError(LinkedInErrorRecords.MediaFileNotFound(exception));
                return;
            }
            catch (LinkedInException exception)
            {
                WriteLinkedInError(exception, Target, session);
                return;
            }

            PostPreview preview;
            IReadOnlyList<MediaFile> uploads;
            try
            {
                CheckFirstComment();
                preview = LinkedInClient.PreviewCreate(draft);
                uploads = preview.PendingUploads.Select(MediaFile.Inspect).ToList();
            }
            catch (LinkedInException exception)
            {
                WriteLinkedInError(exception, Target, session);
                return;
            }
            if (!ShouldProcess(Describe(draft, preview, uploads, session), $"Publish this post as {author}?" + Environment.NewLine + preview.LittleText, "New-LinkedInPost"))
            {
                return;
            }

            LinkedInPost post;
            using (var progress = new UploadProgressReporter(this, _nextActivityId))
            {
                try
                {
                    post = Run(cancellationToken => session.Client.CreatePostAsync(draft, null, progress, cancellationToken));
                }
                catch (LinkedInException exception)
                {
                    WriteLinkedInError(exception, Target, session);
                    return;
                }
                finally
                {
                    _nextActivityId = progress.NextActivityId;
                }
            }
            WriteObject(session.Carrying(post));

            if (!string.IsNullOrEmpty(FirstComment))
            {
                AddFirstComment(session, post, author);
            }
        }

        /// <summary>What an error is about: the text, or for a post without text the content's main input.</summary>
        private object Target =>
            !string.IsNullOrEmpty(Text) ? Text
            : (object?)Media ?? (Image.Length > 0 ? Image : null) ?? (object?)ArticleUrl ?? Poll ?? (object?)Reshare ?? string.Empty;

        /// <summary>
        /// The parameters of the chosen set as the user's fields, with paths resolved against the current
        /// PowerShell location. <see cref="PostDraftBuilder"/> checks them; Core checks counts, kinds it
        /// already knows and texts as the content is created.
        /// </summary>
        private PostFields Fields()
        {
            var media = new List<MediaInput>();
            var references = new List<MediaReference>();
            switch (ParameterSetName)
            {
                case MediaSet:
                    media.Add(Media!);
                    references.Add(Media!.Resolve(SessionState, nameof(Media), single: true)[0]);
                    break;
                case MultiImageSet:
                    media.AddRange(Image);
                    references.AddRange(Image.SelectMany(input => input.Resolve(SessionState, nameof(Image), single: false)));
                    break;
            }
            var thumbnail = ArticleThumbnail?.Resolve(SessionState, nameof(ArticleThumbnail), single: true)[0];
            if (ArticleThumbnail != null)
            {
                media.Add(ArticleThumbnail);
            }
            return new PostFields
            {
                ChosenKind = KindOf(ParameterSetName),
                Text = Text,
                Media = references,
                Uploaded = media.Where(m => m.Uploaded != null).Select(m => m.Uploaded!).ToList(),
                AltText = AltText ?? Array.Empty<string>(),
                Title = Title,
                ArticleUrl = ArticleUrl?.OriginalString,
                ArticleTitle = ArticleTitle,
                ArticleDescription = ArticleDescription,
                ArticleThumbnail = thumbnail,
                Poll = Poll,
                PollOption = PollOption,
                PollDuration = ParameterSetName == PollSet ? PollDuration.ToString() : null,
                Reshare = Reshare,
                Visibility = Visibility.ToString(),
                DisableReshare = DisableReshare.IsPresent,
                Raw = Raw.IsPresent,
            };
        }

        /// <summary>The kind each parameter set stands for: the set, not what is filled in, decides it here.</summary>
        private static PostKind KindOf(string parameterSet) => parameterSet switch
        {
            MediaSet => PostKind.Media,
            MultiImageSet => PostKind.MultiImage,
            ArticleSet => PostKind.Article,
            PollSet => PostKind.Poll,
            ReshareSet => PostKind.Reshare,
            _ => PostKind.Text,
        };

        private string Describe(PostDraft draft, PostPreview preview, IReadOnlyList<MediaFile> uploads, LinkedInSession session)
        {
            var lines = new List<string>
            {
                $"Create a LinkedIn post as {draft.Author} with connection '{session.Name}' ({session.Stored.ApiBase}).",
            };
            for (var i = 0; i < uploads.Count; i++)
            {
                lines.Add($"{i + 1}. " + UploadPlan.Describe(uploads[i], draft.Author));
            }
            lines.Add((uploads.Count > 0 ? $"{uploads.Count + 1}. Then create the post. " : string.Empty) + "Commentary as sent (little text):");
            lines.Add(preview.LittleText);
            lines.Add("JSON body" + (uploads.Count > 0 ? " (each \"(upload: path)\" becomes the URN LinkedIn gives that file)" : string.Empty) + ":");
            lines.Add(preview.JsonBody);
            if (!string.IsNullOrEmpty(FirstComment))
            {
                lines.Add($"Then comment on the post as {draft.Author} (plain text, not escaped):");
                lines.Add(FirstComment!);
            }
            return string.Join(Environment.NewLine, lines);
        }

        /// <summary>
        /// The first comment is sent only after the post is up, so what LinkedIn would refuse in it is
        /// caught here, by Core's own rule, before anything is uploaded or posted.
        /// </summary>
        private void CheckFirstComment()
        {
            if (!string.IsNullOrEmpty(FirstComment))
            {
                LinkedInClient.ValidateComment(FirstComment!);
            }
        }

        private void AddFirstComment(LinkedInSession session, LinkedInPost post, LinkedInUrn author)
        {
            try
            {
                var urn = LinkedInUrn.Parse(post.Urn);
                Run(cancellationToken => session.Client.CreateCommentAsync(urn, author, FirstComment!, cancellationToken));
            }
            catch (LinkedInException exception)
            {
                // Written, never terminating: the post is up, and a script that catches a stop might post it again.
                WriteError(LinkedInErrorRecords.FirstCommentFailed(exception, post));
            }
        }
    }
}
