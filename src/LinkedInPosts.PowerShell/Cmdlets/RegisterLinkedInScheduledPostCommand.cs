using System;
using System.Management.Automation;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Media;
using LinkedInPosts.PowerShell.Queue;
using LinkedInPosts.PowerShell.Registration;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Puts posts in the schedule queue, for Invoke-LinkedInPostQueue to publish at their time. Takes what
    /// New-LinkedInPost takes plus -ScheduledAt, and binds Import-Csv rows by column name (Text, Body,
    /// Content or Message; ScheduledAt, When or PublishAt, or Date and Time; Media, Image, Images, File, Files or
    /// Path, with several files separated by ';'; and AltText, Title, ArticleUrl, Poll, PollOption, Reshare,
    /// Visibility, Author, Connection, TimeZone, FirstComment, Key).
    /// <para>Each row is checked with New-LinkedInPost's rules, the connection's pages and the time (a local time
    /// that does not exist on a DST change day, or a new post's time in the past, is an error); a bad row writes one
    /// error naming its row number, the column and the fix, and the good rows are registered. Media files are copied
    /// into the queue, so later changes to the originals change nothing.</para>
    /// <para>Each post has a key (the Key column, or a hash of author, text, time and media), so importing the same
    /// CSV again registers nothing new, also after its posts went out (a post already queued is AlreadyExists whatever
    /// its time); -Force updates the Pending or Held posts whose key matches.</para>
    /// <para>Rows are committed 500 per transaction, and the accepted rows are committed whenever the import stops
    /// early too (Ctrl+C, a terminating error, -ErrorAction Stop on a bad row, a Select-Object -First downstream):
    /// re-running it completes it.</para>
    /// </summary>
    /// <remarks>
    /// This file is the cmdlet's parameters; the pipeline (Begin/Process/End) is in
    /// RegisterLinkedInScheduledPostCommand.Pipeline.cs, and what it delegates to in ../Registration.
    /// The kind of post is decided per row from the columns that are filled in (a poll, an article, a
    /// reshare, one media file, several images, or text), not by parameter sets: Import-Csv gives every
    /// row every column, empty ones as "", and a binder that picks a parameter set from the columns present
    /// would treat every row of a CSV with a Media column as a media post.
    /// </remarks>
    /// <example>
    /// <code>Import-Csv ./posts.csv | Register-LinkedInScheduledPost -BasePath ./ -TimeZone Europe/Berlin</code>
    /// </example>
    /// <example>
    /// <code>Register-LinkedInScheduledPost -Text 'Patch night went fine #ops' -ScheduledAt '2026-12-24 09:30' -TimeZone 'W. Europe Standard Time'</code>
    /// </example>
    /// <example>
    /// <code>Register-LinkedInScheduledPost -Text 'Before and after' -Media ./before.png, ./after.png -AltText 'Old rack', 'New rack' -ScheduledAt (Get-Date).AddDays(1)</code>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./posts.csv | Register-LinkedInScheduledPost -WhatIf    # checks every row, registers nothing</code>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./posts.csv | Register-LinkedInScheduledPost -Force     # updates the Pending or Held posts whose key matches</code>
    /// </example>
    /// <seealso cref="NewLinkedInPostCommand"/>
    /// <seealso cref="InvokeLinkedInPostQueueCommand"/>
    /// <seealso cref="TestLinkedInPostQueueCommand"/>
    [Cmdlet(VerbsLifecycle.Register, "LinkedInScheduledPost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PostSet)]
    [OutputType(typeof(LinkedInScheduledPost))]
    public sealed partial class RegisterLinkedInScheduledPostCommand : LinkedInCmdlet, IDisposable
    {
        /// <summary>The one parameter set: the kind of post is decided per row, from what is filled in.</summary>
        public const string PostSet = "Post";

        /// <summary>The progress bar is updated every this many rows.</summary>
        public const int ProgressInterval = 100;

        /// <summary>
        /// The post's text as you want it to read (escaped for LinkedIn unless -Raw). CSV columns Text, Body,
        /// Content, Message or Commentary. LinkedIn needs text for every post but a reshare, so it is required
        /// for media, article and poll posts too; a reshare may have none.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Commentary", "Body", "Content", "Message")]
        public string? Text { get; set; }

        /// <summary>
        /// When to publish: a DateTime, a DateTimeOffset or text such as 2026-12-24 09:30 or
        /// 2026-12-24T09:30+01:00. A value with an offset, or a DateTime from Get-Date (kind Local), is that instant; otherwise it is wall time in
        /// -TimeZone (or this machine's zone). Forms where day and month could be swapped (01/02/2026) are
        /// refused. CSV columns ScheduledAt, When or PublishAt, or separate Date and Time columns.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("When", "PublishAt")]
        public object? ScheduledAt { get; set; }

        /// <summary>The day to publish (2026-12-24), with -Time; for CSVs that keep date and time in two columns.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Date { get; set; }

        /// <summary>The time of day to publish (09:30, optionally with an offset), with -Date.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Time { get; set; }

        /// <summary>
        /// The time zone of a time without an offset: a Windows id (W. Europe Standard Time) or an IANA id
        /// (Europe/Berlin). Default: this machine's zone. It is stored with the post. Given on the command line it applies to
        /// every row, as any parameter does (PowerShell then binds no TimeZone column): a row whose own zone differs gets a warning.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? TimeZone { get; set; }

        /// <summary>
        /// The post's media: one image, video or document, or several images shown together. Paths (relative
        /// to -BasePath, else the current location; wildcards allowed), FileInfos, media objects from
        /// Add-LinkedInMedia, or media URNs. In a CSV cell several files are separated by ';'
        /// (a.png;b.png); on the command line each value is one file, as for New-LinkedInPost (-Media a.png, b.png).
        /// CSV columns Media, Image, Images, File, Files or Path (a Path column is always media: the queue file is
        /// -Path on the command line only). Files are copied into the queue.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Image", "Images", "File", "Files")]
        [MediaInputTransformation]
        [SupportsWildcards]
        public MediaInput[]? Media { get; set; }

        /// <summary>
        /// Alternative text: one for a single picture or the article thumbnail, or one per image in order
        /// (in a CSV cell separated by ';'; an empty one: the Add-LinkedInMedia object's own, else none).
        /// On the command line each value is one alt text, as for New-LinkedInPost: -AltText 'Revenue; 2024'.
        /// Plain text, never escaped.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[]? AltText { get; set; }

        /// <summary>The title shown with a video or document (a document defaults to its file name); with -ArticleUrl, the article title when -ArticleTitle is empty.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Title { get; set; }

        /// <summary>The address of an article to share as a card (absolute http or https).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Link", "Url")]
        public string? ArticleUrl { get; set; }

        /// <summary>The title on the article card (required with -ArticleUrl, or give -Title).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ArticleTitle { get; set; }

        /// <summary>The description on the article card.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ArticleDescription { get; set; }

        /// <summary>The picture on the article card: an image path, FileInfo, media object or image URN.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [MediaInputTransformation]
        [SupportsWildcards]
        public MediaInput? ArticleThumbnail { get; set; }

        /// <summary>A poll's question (at most 140 characters).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PollQuestion")]
        public string? Poll { get; set; }

        /// <summary>The poll's 2 to 4 options (in a CSV cell separated by ';'; on the command line one option per value, as for New-LinkedInPost).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PollOptions")]
        public string[]? PollOption { get; set; }

        /// <summary>How long the poll stays open: OneDay, ThreeDays, SevenDays (the default) or FourteenDays.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PollDurationNameCompleter))]
        public string? PollDuration { get; set; }

        /// <summary>The URN of a post to reshare (urn:li:share:… or urn:li:ugcPost:…).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Reshare { get; set; }

        /// <summary>A comment the author adds right after the post is published (plain text).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FirstComment { get; set; }

        /// <summary>
        /// Who posts: the connection's member (the default) or a page it can post as (urn:li:organization:…).
        /// When the connection knows its pages, an author it cannot post as is refused at registration.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Author { get; set; }

        /// <summary>Who can see the post: Public (the default), Connections or LoggedIn.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(VisibilityNameCompleter))]
        public string? Visibility { get; set; }

        /// <summary>
        /// The connection that publishes the post (default: 'default'). It must exist in this session or the
        /// OS account's token store (Connect-LinkedIn) when the post is registered; the runner uses it later.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <summary>
        /// The post's unique key (at most 200 characters). Default: derived from author, text, time and
        /// media, so re-importing the same rows finds the posts registered before.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Key { get; set; }

        /// <summary>
        /// Pending (the default, also when empty) or Held: a Held post is kept but not published until
        /// Set-LinkedInScheduledPost -Resume. Export-LinkedInScheduledPost writes each post's State, so a re-import
        /// keeps paused posts paused; a row whose State says the post is done or needs a person (Published,
        /// Cancelled, Failed, Missed, Unconfirmed, Claimed, Sending) is not registered again, and the summary says
        /// how many were skipped. Clear the cell to schedule such a post anew. Applies to new posts; -Force keeps
        /// an updated post's state.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? State { get; set; }

        /// <summary>
        /// The row being registered (an Import-Csv row or any object): named in errors as their TargetObject,
        /// and read for the Path, DisableReshare and Raw columns (those parameters do not bind from the pipeline). A string piped in
        /// is the post's text; a file (Get-Item) or an Add-LinkedInMedia object piped in is its media, when -Media is not given.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Stops others from resharing the post (in a CSV: a DisableReshare column of True/False).</summary>
        [Parameter]
        public SwitchParameter DisableReshare { get; set; }

        /// <summary>Sends the text as-is, as LinkedIn little text: you do the escaping (in a CSV: a Raw column of True/False).</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <summary>Accepts times in the past for new posts (the next queue run publishes them, unless they are older than its -MaxLateness). A post whose key is already in the queue needs none, unless -Force moves a Pending or Held post to a new time in the past.</summary>
        [Parameter]
        public SwitchParameter AllowPast { get; set; }

        /// <summary>The folder relative media paths start from, usually the CSV's (a file path means its folder). Default: the current location.</summary>
        [Parameter]
        public string? BasePath { get; set; }

        /// <summary>
        /// Updates posts whose key is already in the queue while they are still Pending or Held (otherwise they are left
        /// alone). A post a run's create call may have reached already keeps its content (an error says what to check).
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The queue file. Default: LINKEDINPOSTS_QUEUE, else queue.db in the data folder (LINKEDINPOSTS_HOME or the per-user folder).</summary>
        [Parameter]
        [Alias("QueuePath")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }
    }
}
