using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Api
{
    /// <summary>
    /// LinkedIn's Posts API and member identity for one connection. Holds one HttpClient for the
    /// connection's lifetime; dispose it with the connection. Thread-safe.
    /// </summary>
    public sealed class LinkedInClient : IDisposable
    {
        private const string PostsPath = "rest/posts";
        private const int BatchSize = 50; // keeps ids=List(...) far below LinkedIn's 4000-character query limit
        private const string AclsPath = "rest/organizationAcls";
        private const string OrganizationsPath = "rest/organizations";
        private const int MaxAclPages = 50; // 5000 roles: a guard against a paging answer that never ends

        private readonly LinkedInTransport _transport;
        private readonly RetryPolicy _retry;

        /// <summary>Creates a client; <paramref name="tokens"/> is asked for the token before every call.</summary>
        public LinkedInClient(IAccessTokenSource tokens, LinkedInClientOptions options)
        {
            if (tokens == null)
            {
                throw new ArgumentNullException(nameof(tokens));
            }
            Options = options ?? throw new ArgumentNullException(nameof(options));
            options.Validate();
            _transport = new LinkedInTransport(tokens, options);
            _retry = new RetryPolicy(options);
        }

        /// <summary>The options the client was created with.</summary>
        public LinkedInClientOptions Options { get; }

        /// <summary>Roles asked for per organizationAcls page (LinkedIn's maximum count is 100).</summary>
        internal int OrganizationPageSize { get; set; } = 100;

        /// <summary>How long a create waits before re-sending to learn the outcome of an unanswered first try.</summary>
        internal TimeSpan ResendDelay { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>The transport, for <see cref="MediaUploader"/>: the same token, headers, timeouts and log.</summary>
        internal LinkedInTransport Transport => _transport;

        /// <summary>The retry policy for calls that are safe to repeat.</summary>
        internal RetryPolicy Retry => _retry;

        /// <summary>
        /// What <see cref="CreatePostAsync(PostDraft, CancellationToken)"/> would send, without sending or
        /// uploading anything (for -WhatIf). The whole draft is checked as for a real create, local media
        /// files included, so the same mistakes fail here.
        /// </summary>
        /// <exception cref="LinkedInValidationException">The draft or one of its files breaks a rule.</exception>
        public static PostPreview PreviewCreate(PostDraft draft)
        {
            var prepared = PreparedPost.Prepare(draft, ContentLimits.MaxVideoBytes);
            var body = PostJson.CreateBody(draft, prepared.LittleText, draft.Content, prepared.KindOf);
            return new PostPreview(prepared.LittleText, body, prepared.Files.Select(f => f.Path).ToList());
        }

        /// <summary>The signed-in member, from /v2/userinfo (needs the openid and profile scopes).</summary>
        public Task<LinkedInMember> GetMemberAsync(CancellationToken cancellationToken = default)
        {
            var request = new LinkedInRequest(HttpMethod.Get, "v2/userinfo") { Versioned = false, RequiredScope = "profile" };
            return _retry.ExecuteAsync(request.Display, async ct =>
            {
                var response = await _transport.SendAsync(request, ct).ConfigureAwait(false);
                return Read(request, response, MemberJson.Read);
            }, cancellationToken);
        }

        /// <summary>
        /// The pages (organizations) the member holds an APPROVED role on, from
        /// <c>GET /rest/organizationAcls?q=roleAssignee</c> (all pages of it), each with its name from
        /// <c>GET /rest/organizations/{id}</c>. Listing needs an organization scope; a name LinkedIn does not
        /// give is left empty. A member with several roles on one page gets one entry, with the role that
        /// lets them post when one does.
        /// </summary>
        public async Task<IReadOnlyList<ConnectionOrganization>> GetOrganizationsAsync(CancellationToken cancellationToken = default)
        {
            var found = new List<ConnectionOrganization>();
            var start = 0;
            for (var pages = 0; pages < MaxAclPages; pages++)
            {
                var request = new LinkedInRequest(HttpMethod.Get, $"{AclsPath}?q=roleAssignee&state=APPROVED&start={start}&count={OrganizationPageSize}")
                {
                    RestLiMethod = "FINDER",
                    RequiredScope = LinkedInScopes.OrganizationAdmin,
                };
                var page = await _retry.ExecuteAsync(request.Display, async ct =>
                {
                    var response = await _transport.SendAsync(request, ct).ConfigureAwait(false);
                    return Read(request, response, OrganizationJson.ReadAclPage);
                }, cancellationToken).ConfigureAwait(false);
                foreach (var acl in page.Acls.Where(a => a.State == null || a.State == "APPROVED"))
                {
                    Merge(found, acl);
                }
                if (!page.HasNext || page.Received == 0)
                {
                    break;
                }
                start += page.Received;
            }
            foreach (var organization in found)
            {
                organization.Name = await OrganizationNameAsync(organization.Urn, cancellationToken).ConfigureAwait(false) ?? string.Empty;
            }
            return found;
        }

        /// <summary>
        /// Publishes a post. Never retried blindly: LinkedIn has no idempotency key. When the first try gets
        /// no clear answer (timeout, dropped connection, 5xx), it is sent once more: a 201 means the first
        /// never landed; LinkedIn's 422 DUPLICATE_POST naming a URN means it did, and that post is returned.
        /// Anything else raises <see cref="LinkedInUnknownOutcomeException"/>.
        /// </summary>
        public Task<LinkedInPost> CreatePostAsync(PostDraft draft, CancellationToken cancellationToken = default) =>
            CreatePostAsync(draft, null, null, cancellationToken);

        /// <summary>
        /// Publishes a post, first uploading the local files its content names (for the post's author,
        /// each once). The whole draft and every file are checked before the first upload starts. The
        /// create itself is never retried blindly, as for <see cref="CreatePostAsync(PostDraft, CancellationToken)"/>.
        /// </summary>
        /// <param name="draft">The post.</param>
        /// <param name="uploadOptions">Timeouts and parallelism for the uploads (alt text and titles come from the content).</param>
        /// <param name="progress">Told how each upload goes.</param>
        /// <param name="cancellationToken">Stops uploads and the create.</param>
        public async Task<LinkedInPost> CreatePostAsync(PostDraft draft, MediaUploadOptions? uploadOptions, IProgress<UploadProgress>? progress, CancellationToken cancellationToken = default)
        {
            var prepared = PreparedPost.Prepare(draft, ContentLimits.MaxVideoBytes);
            var content = draft.Content;
            if (prepared.Files.Count > 0)
            {
                var options = (uploadOptions ?? new MediaUploadOptions()).Copy();
                options.AltText = null;
                options.Title = null;
                var uploader = new MediaUploader(this);
                var uploaded = new Dictionary<string, UploadedMedia>(PreparedPost.PathComparer);
                foreach (var file in prepared.Files)
                {
                    uploaded[file.Path] = await uploader.UploadAsync(file, draft.Author, options, progress, cancellationToken).ConfigureAwait(false);
                }
                content = content!.Resolve(media => media.NeedsUpload ? MediaReference.FromUpload(uploaded[media.FilePath!]) : media);
                Options.Log.Verbose($"Uploaded {string.Join(", ", uploaded.Values.Select(m => m.FileName + " as " + m.Urn))}; creating the post.");
            }
            var request = new LinkedInRequest(HttpMethod.Post, PostsPath)
            {
                JsonBody = PostJson.CreateBody(draft, prepared.LittleText, content, prepared.KindOf),
                RequiredScope = draft.Author.EntityType == LinkedInUrn.Organization ? "w_organization_social" : "w_member_social",
            };

            LinkedInResponse response;
            var firstSentAt = Options.Clock.GetUtcNow();
            try
            {
                response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (LinkedInServerException first) when (prepared.LittleText.Length == 0)
            {
                // No text (a bare reshare): LinkedIn's duplicate check does not cover posts without text, so a second
                // create would be a second post if the first was stored. Its outcome stays unknown.
                throw new LinkedInUnknownOutcomeException(
                    $"LinkedIn may or may not have published the post by {draft.Author}: {first.Message} A post without text is not sent again, " +
                    "because LinkedIn's duplicate check does not cover posts without text. Look at the author's recent activity on LinkedIn before posting it again.",
                    first)
                {
                    RetryAt = first.IsRetryAfterFromServer ? first.RetryAt : null,
                    IsRetryAfterFromServer = first.IsRetryAfterFromServer,
                };
            }
            catch (LinkedInServerException first)
            {
                Options.Log.Warning($"Creating the post got no clear answer ({first.Message}). Sending it once more: LinkedIn's duplicate check tells whether the first try was stored.");
                await Task.Delay(ResendDelay, cancellationToken).ConfigureAwait(false);
                try
                {
                    response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (LinkedInDuplicatePostException duplicate) when (duplicate.ExistingUrn != null)
                {
                    if (MadeBefore(duplicate.ExistingUrn!, firstSentAt) is { } madeAt)
                    {
                        // An earlier post with the same text, not this create's first try: that one was not stored.
                        throw new LinkedInDuplicatePostException(
                            $"{duplicate.Message} That post was made at {madeAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC, " +
                            $"more than an hour before this create was first sent (by this machine's clock), so it is an earlier post with the same text and the first try ({first.Message}) " +
                            "was not stored: nothing was posted. If this machine's clock is far ahead, look at the author's recent activity before posting again.",
                            duplicate.ExistingUrn, duplicate);
                    }
                    Options.Log.Verbose($"The first try had been stored as {duplicate.ExistingUrn}; not posting again.");
                    return Created(draft, prepared.LittleText, content, duplicate.ExistingUrn!, createdAt: null);
                }
                catch (LinkedInException second)
                {
                    // LinkedIn's latest Retry-After (a 503's, say) goes with it, so that whoever looks again waits for it.
                    var asked = second.IsRetryAfterFromServer ? second : first.IsRetryAfterFromServer ? first : null;
                    throw new LinkedInUnknownOutcomeException(
                        $"LinkedIn may or may not have published the post by {draft.Author}. The first try: {first.Message} The check: {second.Message} " +
                        "Look at the author's recent activity on LinkedIn before posting it again.",
                        second)
                    {
                        RetryAt = asked?.RetryAt,
                        IsRetryAfterFromServer = asked != null,
                    };
                }
            }
            return Created(draft, prepared.LittleText, content, CreatedUrn(request, response), response.Headers.Date);
        }

        /// <summary>
        /// How much earlier than a send a post named by the duplicate check may be dated and still be taken for that send's:
        /// wide, so that a skewed clock (LinkedIn's or this machine's) never turns a landed post into "someone else's", yet
        /// far below the day or two the check remembers, so last week's post with the same text is told apart.
        /// </summary>
        internal static readonly TimeSpan DuplicateAgeSlack = TimeSpan.FromHours(1);

        /// <summary>
        /// When the post <paramref name="urn"/> was made, if that was clearly before <paramref name="sentAt"/> (by more than
        /// <see cref="DuplicateAgeSlack"/>); null when it may have been made by a call sent then, or its id tells no time.
        /// </summary>
        internal static DateTimeOffset? MadeBefore(string urn, DateTimeOffset sentAt) =>
            LinkedInUrn.TryParse(urn, out var parsed) && parsed!.PostIdTime is { } madeAt && madeAt < sentAt - DuplicateAgeSlack ? madeAt : (DateTimeOffset?)null;

        /// <summary>
        /// Checks comment text as <see cref="CreateCommentAsync"/> will, without sending anything, so a
        /// caller can refuse a bad first comment before the post itself goes out.
        /// </summary>
        /// <exception cref="LinkedInValidationException">The text is empty, over <see cref="ContentLimits.MaxCommentLength"/>, or has characters LinkedIn cannot show (field <c>Comment</c>).</exception>
        public static void ValidateComment(string text) =>
            PlainTextRules.Check(text, CommentField, "The comment", ContentLimits.MaxCommentLength);

        /// <summary>
        /// Comments on a post (for example its first comment) as <paramref name="actor"/>, through
        /// <c>POST /rest/socialActions/{post}/comments</c>, and returns the comment's URN. The text is plain
        /// text, sent exactly as given (comments are not little text).
        /// </summary>
        /// <remarks>
        /// Not retried: like a post, a comment has no idempotency key, and LinkedIn has no duplicate
        /// check for comments to tell a second try from a first. When the call gets no clear answer (a
        /// timeout, a dropped connection, a 5xx) the comment may or may not exist, and that is reported as
        /// <see cref="LinkedInUnknownOutcomeException"/> for the caller to check on the post. A 429 or 4xx
        /// means it was not added.
        /// </remarks>
        /// <exception cref="LinkedInValidationException">The text is empty, over <see cref="ContentLimits.MaxCommentLength"/>, or has characters LinkedIn cannot show (field <c>Comment</c>).</exception>
        /// <exception cref="LinkedInUnknownOutcomeException">The outcome is unknown.</exception>
        public async Task<LinkedInUrn> CreateCommentAsync(LinkedInUrn post, LinkedInUrn actor, string text, CancellationToken cancellationToken = default)
        {
            var urn = RequirePost(post);
            if (actor == null || !actor.IsAuthor)
            {
                throw new ArgumentException($"'{actor}' cannot comment; use a person or organization URN.", nameof(actor));
            }
            ValidateComment(text);
            var request = new LinkedInRequest(HttpMethod.Post, $"rest/socialActions/{urn.Encoded}/comments")
            {
                JsonBody = PostJson.CommentBody(actor, urn, text),
                RequiredScope = actor.EntityType == LinkedInUrn.Organization ? "w_organization_social" : "w_member_social",
                Subject = urn.ToString(),
            };
            LinkedInResponse response;
            try
            {
                response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (LinkedInServerException unknown)
            {
                throw new LinkedInUnknownOutcomeException(
                    $"LinkedIn may or may not have added the comment to {urn}: {unknown.Message} Look at the post's comments before commenting again.",
                    unknown)
                {
                    HttpStatus = unknown.HttpStatus,
                    Request = request.Display,
                };
            }
            return CommentUrn(request, response, urn);
        }

        /// <summary>One post, as its author sees it (viewContext=AUTHOR).</summary>
        public Task<LinkedInPost> GetPostAsync(LinkedInUrn post, CancellationToken cancellationToken = default)
        {
            var urn = RequirePost(post);
            var request = new LinkedInRequest(HttpMethod.Get, $"{PostsPath}/{urn.Encoded}?viewContext=AUTHOR") { Subject = urn.ToString() };
            return _retry.ExecuteAsync(request.Display, async ct =>
            {
                var response = await _transport.SendAsync(request, ct).ConfigureAwait(false);
                return Read(request, response, PostJson.ReadPost);
            }, cancellationToken);
        }

        /// <summary>Several posts in batches; posts that don't exist are left out of the result.</summary>
        public async Task<IReadOnlyDictionary<LinkedInUrn, LinkedInPost>> GetPostsAsync(IEnumerable<LinkedInUrn> posts, CancellationToken cancellationToken = default)
        {
            var found = new Dictionary<LinkedInUrn, LinkedInPost>();
            var wanted = (posts ?? throw new ArgumentNullException(nameof(posts))).Select(RequirePost).Distinct().ToList();
            for (var start = 0; start < wanted.Count; start += BatchSize)
            {
                var batch = wanted.Skip(start).Take(BatchSize).ToList();
                var request = new LinkedInRequest(HttpMethod.Get, $"{PostsPath}?ids={RestLi.List(batch.Select(u => u.Encoded))}") { RestLiMethod = "BATCH_GET" };
                var results = await _retry.ExecuteAsync(request.Display, async ct =>
                {
                    var response = await _transport.SendAsync(request, ct).ConfigureAwait(false);
                    return Read(request, response, ReadBatch);
                }, cancellationToken).ConfigureAwait(false);
                foreach (var pair in results)
                {
                    found[pair.Key] = pair.Value;
                }
            }
            return found;
        }

        /// <summary>
        /// The author's posts, newest first (last changed, or created: <paramref name="order"/>), fetched a page at a time
        /// as the caller enumerates: stop enumerating and no further page is requested. Reading a person's posts needs r_member_social.
        /// </summary>
        public async IAsyncEnumerable<LinkedInPost> GetPostsByAuthorAsync(LinkedInUrn author, int pageSize = 50, PostOrder order = PostOrder.LastModified, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var sortBy = order == PostOrder.Created ? "CREATED" : "LAST_MODIFIED";
            if (author == null || !author.IsAuthor)
            {
                throw new ArgumentException("The author must be a person or organization URN.", nameof(author));
            }
            if (pageSize < 1 || pageSize > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "LinkedIn pages hold 1 to 100 posts.");
            }
            var scope = author.EntityType == LinkedInUrn.Organization ? "r_organization_social" : "r_member_social";
            var start = 0;
            while (true)
            {
                var request = new LinkedInRequest(HttpMethod.Get, $"{PostsPath}?author={author.Encoded}&q=author&count={pageSize}&start={start}&sortBy={sortBy}")
                {
                    RestLiMethod = "FINDER",
                    RequiredScope = scope,
                };
                var page = await _retry.ExecuteAsync(request.Display, async ct =>
                {
                    var response = await _transport.SendAsync(request, ct).ConfigureAwait(false);
                    return Read(request, response, ReadPage);
                }, cancellationToken).ConfigureAwait(false);
                foreach (var post in page.Posts)
                {
                    yield return post;
                }
                if (!page.HasNext || page.Posts.Count == 0)
                {
                    yield break;
                }
                start += page.Posts.Count;
            }
        }

        /// <summary>Replaces a post's commentary (PARTIAL_UPDATE; LinkedIn answers 204).</summary>
        public Task UpdateCommentaryAsync(LinkedInUrn post, string commentary, CommentaryFormat format, CancellationToken cancellationToken = default)
        {
            var urn = RequirePost(post);
            var littleText = CommentaryRules.ToLittleText(commentary ?? throw new ArgumentNullException(nameof(commentary)), format);
            var request = new LinkedInRequest(HttpMethod.Post, $"{PostsPath}/{urn.Encoded}")
            {
                RestLiMethod = "PARTIAL_UPDATE",
                JsonBody = PostJson.UpdateCommentaryBody(littleText),
                Subject = urn.ToString(),
            };
            return _retry.ExecuteAsync(request.Display, ct => _transport.SendAsync(request, ct), cancellationToken);
        }

        /// <summary>Deletes a post. LinkedIn's delete is idempotent: deleting a deleted post succeeds.</summary>
        public Task DeletePostAsync(LinkedInUrn post, CancellationToken cancellationToken = default)
        {
            var urn = RequirePost(post);
            var request = new LinkedInRequest(HttpMethod.Delete, $"{PostsPath}/{urn.Encoded}") { RestLiMethod = "DELETE", Subject = urn.ToString() };
            return _retry.ExecuteAsync(request.Display, ct => _transport.SendAsync(request, ct), cancellationToken);
        }

        /// <inheritdoc />
        public void Dispose() => _transport.Dispose();

        // Best effort: a page's name is for display only, so any LinkedIn error leaves it unknown.
        private async Task<string?> OrganizationNameAsync(string urn, CancellationToken cancellationToken)
        {
            if (!LinkedInUrn.TryParse(urn, out var parsed) || parsed!.EntityType != LinkedInUrn.Organization)
            {
                return null;
            }
            var request = new LinkedInRequest(HttpMethod.Get, $"{OrganizationsPath}/{Uri.EscapeDataString(parsed.Id)}") { Subject = urn };
            try
            {
                return await _retry.ExecuteAsync(request.Display, async ct =>
                {
                    var response = await _transport.SendAsync(request, ct).ConfigureAwait(false);
                    return Read(request, response, OrganizationJson.ReadLocalizedName);
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (LinkedInException ex)
            {
                Options.Log.Verbose($"The name of {urn} is not known: {ex.Message}");
                return null;
            }
        }

        private static void Merge(List<ConnectionOrganization> found, OrganizationJson.Acl acl)
        {
            var existing = found.FirstOrDefault(o => o.Urn == acl.Organization);
            if (existing == null)
            {
                found.Add(new ConnectionOrganization { Urn = acl.Organization, Role = acl.Role });
            }
            else if (RoleRank(acl.Role) < RoleRank(existing.Role))
            {
                existing.Role = acl.Role;
            }
        }

        // Lower is stronger: the roles that may post as the page first.
        private static int RoleRank(string role) => role switch
        {
            "ADMINISTRATOR" => 0,
            "CONTENT_ADMIN" => 1,
            "DIRECT_SPONSORED_CONTENT_POSTER" => 2,
            _ => 3,
        };

        private static LinkedInUrn RequirePost(LinkedInUrn post)
        {
            if (post == null)
            {
                throw new ArgumentNullException(nameof(post));
            }
            if (!post.IsPost)
            {
                throw new ArgumentException($"'{post}' is not a post URN (urn:li:share:… or urn:li:ugcPost:…).", nameof(post));
            }
            return post;
        }

        private const string CommentField = "Comment";

        // The comment's URN: from the body (commentUrn, or Rest.li's $URN), else built from the id LinkedIn named.
        private static LinkedInUrn CommentUrn(LinkedInRequest request, LinkedInResponse response, LinkedInUrn post)
        {
            if (!string.IsNullOrWhiteSpace(response.Body))
            {
                try
                {
                    using var document = JsonDocument.Parse(response.Body);
                    var fromBody = PostJson.String(document.RootElement, "commentUrn") ?? PostJson.String(document.RootElement, "$URN");
                    if (LinkedInUrn.TryParse(fromBody, out var parsed))
                    {
                        return parsed!;
                    }
                }
                catch (JsonException)
                {
                    // An unreadable body: the headers may still name the comment.
                }
            }
            var id = response.Header("x-restli-id") ?? response.Header("x-linkedin-id");
            if (id != null)
            {
                if (LinkedInUrn.TryParse(id, out var urn))
                {
                    return urn!;
                }
                if (LinkedInUrn.TryParse($"urn:li:comment:({post},{Uri.UnescapeDataString(id)})", out var built))
                {
                    return built!;
                }
            }
            throw new LinkedInUnknownOutcomeException(
                $"{request.Display} answered {response.Status} but named no comment. The comment was probably added; look at the post's comments before commenting again.")
            {
                HttpStatus = response.Status,
                Request = request.Display,
            };
        }

        private static LinkedInPost Created(PostDraft draft, string littleText, PostContent? content, string urn, DateTimeOffset? createdAt) => new LinkedInPost
        {
            Content = content,
            Urn = urn,
            Url = LinkedInUrn.TryParse(urn, out var parsed) ? parsed!.Permalink : null,
            Author = draft.Author.ToString(),
            Commentary = draft.Format == CommentaryFormat.Raw ? LittleText.Unescape(littleText) : draft.Commentary,
            RawCommentary = littleText,
            Visibility = draft.Visibility,
            FeedDistribution = draft.FeedDistribution,
            IsReshareDisabledByAuthor = draft.IsReshareDisabledByAuthor,
            LifecycleState = "PUBLISHED",
            CreatedAt = createdAt,
            PublishedAt = createdAt,
            LastModifiedAt = createdAt,
        };

        // LinkedIn's clients read x-restli-id; ebx reads x-linkedin-id. Either may come Rest.li-encoded.
        private static string CreatedUrn(LinkedInRequest request, LinkedInResponse response)
        {
            var id = response.Header("x-restli-id") ?? response.Header("x-linkedin-id");
            if (id != null && LinkedInUrn.TryParse(id, out var urn))
            {
                return urn!.ToString();
            }
            throw new LinkedInUnknownOutcomeException(
                $"{request.Display} answered {response.Status} but named no post id (no x-restli-id or x-linkedin-id header). The post was probably published; look at the author's recent activity before posting again.")
            {
                HttpStatus = response.Status,
                Request = request.Display,
            };
        }

        internal static T Read<T>(LinkedInRequest request, LinkedInResponse response, Func<JsonElement, T> read)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                return read(document.RootElement);
            }
            catch (JsonException ex)
            {
                throw new LinkedInServerException($"{request.Display} answered {response.Status} with a body this module cannot read: {ex.Message}", ex)
                {
                    HttpStatus = response.Status,
                    Request = request.Display,
                };
            }
        }

        private static Dictionary<LinkedInUrn, LinkedInPost> ReadBatch(JsonElement root)
        {
            var found = new Dictionary<LinkedInUrn, LinkedInPost>();
            if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in results.EnumerateObject())
                {
                    // Keys may come encoded (urn%3Ali%3A…) or not; TryParse reads both.
                    if (LinkedInUrn.TryParse(entry.Name, out var key))
                    {
                        var post = PostJson.ReadPost(entry.Value);
                        if (string.IsNullOrEmpty(post.Urn))
                        {
                            post.Urn = key!.ToString();
                            post.Url = key.Permalink;
                        }
                        found[key!] = post;
                    }
                }
            }
            return found;
        }

        private static PostPage ReadPage(JsonElement root)
        {
            var posts = new List<LinkedInPost>();
            if (root.TryGetProperty("elements", out var elements) && elements.ValueKind == JsonValueKind.Array)
            {
                posts.AddRange(elements.EnumerateArray().Select(PostJson.ReadPost));
            }
            var hasNext = RestLiPaging.HasNext(root, posts.Count);
            return new PostPage(posts, hasNext);
        }

        private sealed class PostPage
        {
            public PostPage(List<LinkedInPost> posts, bool hasNext)
            {
                Posts = posts;
                HasNext = hasNext;
            }

            public List<LinkedInPost> Posts { get; }

            public bool HasNext { get; }
        }
    }
}
