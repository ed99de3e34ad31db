using System;
using System.Collections.Generic;
using System.Management.Automation;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Gets posts by URN, or an author's posts, newest first (by when they were made, not edited). Listing by author stops asking
    /// LinkedIn for more pages as soon as -First posts have been read. When more than one page is needed (-All, or -First over
    /// 50), every page is read before the first post is written: LinkedIn pages by position, so a post that a command further
    /// down the pipeline removes (Remove-LinkedInPost) would shift the next page, which then skipped posts and took others.
    /// Each post carries the connection it was read with (Connection), so Set- and Remove-LinkedInPost downstream use it.
    /// Reading needs r_member_social (person authors) or r_organization_social (organizations).
    /// </summary>
    /// <example>
    /// <code>Get-LinkedInPost -Author (Get-LinkedInConnection default).Member</code>
    /// <para>Your ten newest posts, read with the default connection (it needs the r_member_social scope: see Connect-LinkedIn -Scope).</para>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInPost -Author urn:li:organization:2414183 -All -Connection work | Where-Object CreatedAt -gt (Get-Date).AddDays(-30)</code>
    /// <para>Every post of a page you administer, filtered to the last 30 days (needs r_organization_social).</para>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInScheduledPost -State Published | Get-LinkedInPost</code>
    /// <para>Reads back, as LinkedIn holds them now, the posts the queue published (they bind by their PostUrn; reading needs r_member_social).</para>
    /// </example>
    /// <seealso cref="NewLinkedInPostCommand"/>
    [Cmdlet(VerbsCommon.Get, "LinkedInPost", DefaultParameterSetName = ByUrnSet)]
    [OutputType(typeof(LinkedInPost))]
    public sealed class GetLinkedInPostCommand : LinkedInCmdlet
    {
        /// <summary>Posts by URN.</summary>
        public const string ByUrnSet = "ByUrn";

        /// <summary>The first posts of an author.</summary>
        public const string ByAuthorSet = "ByAuthor";

        /// <summary>All posts of an author.</summary>
        public const string ByAuthorAllSet = "ByAuthorAll";

        /// <summary>The page size used when every post is wanted, and the largest page asked for.</summary>
        public const int MaximumPageSize = 50;

        /// <summary>How many posts -Author returns without -First or -All.</summary>
        public const int DefaultFirst = 10;

        private const int ProgressId = 0x4C50; // "LP"

        /// <summary>
        /// The URNs of the posts (urn:li:share:… or urn:li:ugcPost:…). Accepts pipeline input by value
        /// and by property name (Urn), so post objects and URN strings can be piped in.
        /// </summary>
        [Parameter(ParameterSetName = ByUrnSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PostUrn")]
        [ValidateNotNullOrEmpty]
        public string[] Urn { get; set; } = Array.Empty<string>();

        /// <summary>The person or organization URN whose posts to list.</summary>
        [Parameter(ParameterSetName = ByAuthorSet, Mandatory = true)]
        [Parameter(ParameterSetName = ByAuthorAllSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Author { get; set; } = string.Empty;

        /// <summary>How many of the author's posts to return, newest first (default 10).</summary>
        [Parameter(ParameterSetName = ByAuthorSet)]
        [ValidateRange(1, int.MaxValue)]
        public int First { get; set; } = DefaultFirst;

        /// <summary>Returns every post of the author, page by page.</summary>
        [Parameter(ParameterSetName = ByAuthorAllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        /// <summary>
        /// The connection to read with (see Get-LinkedInConnection). Default: 'default'. Read from the token store when
        /// not made in this session. Also by property name, so scheduled posts piped in are read with their own connection.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var session = GetSession(Connection);
            if (ParameterSetName == ByUrnSet)
            {
                foreach (var value in Urn)
                {
                    GetOne(session, value);
                }
            }
            else
            {
                ListByAuthor(session);
            }
        }

        private void GetOne(LinkedInSession session, string value)
        {
            var urn = ParsePostUrnOrWriteError(nameof(Urn), value);
            if (urn == null)
            {
                return;
            }
            try
            {
                WriteObject(session.Carrying(Run(cancellationToken => session.Client.GetPostAsync(urn, cancellationToken))));
            }
            catch (LinkedInException exception)
            {
                WriteLinkedInError(exception, value, session);
            }
        }

        private void ListByAuthor(LinkedInSession session)
        {
            var author = ParseAuthorUrnOrWriteError(nameof(Author), Author);
            if (author == null)
            {
                return;
            }
            var wanted = All.IsPresent ? int.MaxValue : First;
            var pageSize = Math.Min(wanted, MaximumPageSize);
            var readAhead = wanted > pageSize;
            var held = new List<PSObject>();
            var posts = session.Client.GetPostsByAuthorAsync(author, pageSize, PostOrder.Created, StopProcessingToken).GetAsyncEnumerator(StopProcessingToken);
            try
            {
                var read = 0;
                while (read < wanted && Run(cancellationToken => posts.MoveNextAsync().AsTask()))
                {
                    read++;
                    var post = session.Carrying(posts.Current);
                    if (!readAhead)
                    {
                        WriteObject(post);
                        continue;
                    }
                    held.Add(post);
                    if (read % pageSize == 0)
                    {
                        WriteProgress(new ProgressRecord(ProgressId, "Reading LinkedIn posts", $"{read} posts of {Author} read"));
                    }
                }
            }
            catch (LinkedInException exception)
            {
                // What was read before the failure still goes out, then the error.
                WriteObject(held, enumerateCollection: true);
                held.Clear();
                WriteLinkedInError(exception, Author, session);
            }
            finally
            {
                posts.DisposeAsync().AsTask().GetAwaiter().GetResult();
                if (readAhead)
                {
                    WriteProgress(new ProgressRecord(ProgressId, "Reading LinkedIn posts", "Done") { RecordType = ProgressRecordType.Completed });
                }
            }
            WriteObject(held, enumerateCollection: true);
        }
    }
}
