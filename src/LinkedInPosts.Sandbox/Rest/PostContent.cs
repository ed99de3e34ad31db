using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// The post's <c>content</c> union and <c>reshareContext</c> (linkedin-api.md 1.2), checked in two steps like the
/// rest of a create: <see cref="CheckSchema"/> reports shape problems with the other schema violations (422);
/// <see cref="CheckRules"/> runs under the lock after the permission check and reports what the shape cannot
/// say (400): counts, lengths, whether media exist, are AVAILABLE and belong to the author, whether the
/// reshared post exists. Article and poll texts are plain strings: never unescaped, never cut.
/// </summary>
internal static class PostContent
{
    public static readonly string[] Variants = ["media", "multiImage", "article", "poll"];

    public static readonly string[] PollDurations = ["ONE_DAY", "THREE_DAYS", "SEVEN_DAYS", "FOURTEEN_DAYS"];

    public static readonly string[] VoteSelectionTypes = ["SINGLE_VOTE", "MULTIPLE_VOTE"];

    public const int MinImages = 2;
    public const int MaxImages = 20;
    public const int MinPollOptions = 2;
    public const int MaxPollOptions = 4;

    /// <summary>From a third-party API's docs, not LinkedIn's (UNCONFIRMED); counted in UTF-16 code units.</summary>
    public const int MaxPollQuestion = 140;

    /// <summary>As <see cref="MaxPollQuestion"/>.</summary>
    public const int MaxPollOption = 30;

    // --- Step 1: shape (422) ---

    public static void CheckSchema(SchemaCheck check, JsonObject content)
    {
        var present = 0;
        foreach (var (name, value) in content)
        {
            if (Variants.Contains(name, StringComparer.Ordinal))
            {
                // A null member is no variant at all; without this it would pass as one and skip every check.
                if (value is null)
                {
                    check.Add("content." + name, "null cannot be coerced to record", "INVALID_FIELD_TYPE");
                }
                present++;
            }
            else
            {
                check.Add("content." + name, name switch
                {
                    "carousel" => "carousel content is for sponsored posts only, which the sandbox does not create",
                    "celebration" => "celebration content is not emulated by the sandbox",
                    _ => "unrecognized field found but not allowed",
                }, "UNRECOGNIZED_FIELD");
            }
        }
        if (present != 1)
        {
            check.Add("content", $"content must hold exactly one of {string.Join(", ", Variants)}; it holds {present}", "INVALID_UNION");
        }

        if (check.Object(content, "media", "content.media", required: false) is { } media)
        {
            check.OnlyKnown(media, "content.media", "id", "title", "altText");
            var id = check.String(media, "id", "content.media.id", required: true);
            check.String(media, "title", "content.media.title", required: false);
            check.String(media, "altText", "content.media.altText", required: false);
            if (id is not null && !Urns.IsMedia(id))
            {
                check.Add("content.media.id", $"\"{id}\" is not an image, video or document URN", "INVALID_URN");
            }
            // Whether LinkedIn requires a document's title is UNCONFIRMED; the sandbox takes the strict reading.
            else if (id is not null && Urns.MediaKindOf(id) == SandboxMediaKind.Document && !media.ContainsKey("title"))
            {
                check.Add("content.media.title", "field is required for a document (urn:li:document:…)", "MISSING_REQUIRED_FIELD");
            }
        }

        if (check.Object(content, "multiImage", "content.multiImage", required: false) is { } multiImage)
        {
            check.OnlyKnown(multiImage, "content.multiImage", "images");
            if (check.Array(multiImage, "images", "content.multiImage.images", required: true) is { } images)
            {
                for (var i = 0; i < images.Count; i++)
                {
                    var path = $"content.multiImage.images.{i}";
                    if (images[i] is not JsonObject image)
                    {
                        check.Add(path, $"{images[i]?.ToJsonString() ?? "null"} cannot be coerced to record", "INVALID_FIELD_TYPE");
                        continue;
                    }
                    check.OnlyKnown(image, path, "id", "altText");
                    check.String(image, "altText", path + ".altText", required: false);
                    if (check.String(image, "id", path + ".id", required: true) is { } id && !Urns.IsMedia(id, SandboxMediaKind.Image))
                    {
                        check.Add(path + ".id", $"\"{id}\" is not an image URN (urn:li:image:…)", "INVALID_URN");
                    }
                }
            }
        }

        if (check.Object(content, "article", "content.article", required: false) is { } article)
        {
            check.OnlyKnown(article, "content.article", "source", "title", "description", "thumbnail", "thumbnailAltText");
            var source = check.String(article, "source", "content.article.source", required: true);
            check.String(article, "title", "content.article.title", required: true);
            check.String(article, "description", "content.article.description", required: false);
            check.String(article, "thumbnailAltText", "content.article.thumbnailAltText", required: false);
            if (source is not null && !(Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
            {
                check.Add("content.article.source", $"\"{source}\" is not an absolute http or https URL", "INVALID_URL");
            }
            if (check.String(article, "thumbnail", "content.article.thumbnail", required: false) is { } thumbnail
                && !Urns.IsMedia(thumbnail, SandboxMediaKind.Image))
            {
                check.Add("content.article.thumbnail", $"\"{thumbnail}\" is not an image URN (urn:li:image:…)", "INVALID_URN");
            }
        }

        if (check.Object(content, "poll", "content.poll", required: false) is { } poll)
        {
            check.OnlyKnown(poll, "content.poll", "question", "options", "settings");
            check.String(poll, "question", "content.poll.question", required: true);
            if (check.Array(poll, "options", "content.poll.options", required: true) is { } options)
            {
                for (var i = 0; i < options.Count; i++)
                {
                    var path = $"content.poll.options.{i}";
                    if (options[i] is not JsonObject option)
                    {
                        check.Add(path, $"{options[i]?.ToJsonString() ?? "null"} cannot be coerced to record", "INVALID_FIELD_TYPE");
                        continue;
                    }
                    check.OnlyKnown(option, path, "text");
                    check.String(option, "text", path + ".text", required: true);
                }
            }
            if (check.Object(poll, "settings", "content.poll.settings", required: true) is { } settings)
            {
                check.OnlyKnown(settings, "content.poll.settings", "duration", "voteSelectionType", "isVoterVisibleToAuthor");
                check.Enum(settings, "duration", "content.poll.settings.duration", required: true, PollDurations);
                check.Enum(settings, "voteSelectionType", "content.poll.settings.voteSelectionType", required: false, VoteSelectionTypes);
                check.Boolean(settings, "isVoterVisibleToAuthor", "content.poll.settings.isVoterVisibleToAuthor", required: false);
            }
        }
    }

    /// <summary><c>reshareContext</c>: <c>parent</c> (a post URN) is required; <c>root</c> is LinkedIn's to fill in.</summary>
    public static void CheckReshareSchema(SchemaCheck check, JsonObject reshare, string path)
    {
        foreach (var (name, _) in reshare)
        {
            if (name == "root")
            {
                check.ReadOnly(path + ".root", "create or update");
            }
            else if (name != "parent")
            {
                check.Unrecognized(path + "." + name);
            }
        }
        if (check.String(reshare, "parent", path + ".parent", required: true) is { } parent && !Urns.IsPost(parent))
        {
            check.Add(path + ".parent", $"\"{parent}\" is not a post URN (urn:li:share:… or urn:li:ugcPost:…)", "INVALID_URN");
        }
    }

    // --- Step 2: rules (400), under the state lock ---

    /// <summary>
    /// Problems with content whose shape is valid. <paramref name="sponsored"/> posts (with adContext, or
    /// feedDistribution NONE) cannot carry the organic-only variants.
    /// </summary>
    public static List<(string, string, string)> CheckRules(JsonObject content, string author, bool sponsored, SandboxState state)
    {
        var problems = new List<(string, string, string)>();
        var now = state.Clock.GetUtcNow();
        if (content["media"] is JsonObject media)
        {
            CheckMedia(problems, "content.media.id", (string)media["id"]!, author, state, now);
        }
        if (content["multiImage"] is JsonObject multiImage)
        {
            var images = multiImage["images"]!.AsArray();
            if (sponsored)
            {
                problems.Add(("content.multiImage", "multiImage content is for organic posts only (no adContext, feedDistribution MAIN_FEED)", "ORGANIC_ONLY"));
            }
            if (images.Count < MinImages)
            {
                problems.Add(("content.multiImage.images", $"a multiImage post needs at least {MinImages} images; it has {images.Count}", "FIELD_ARRAY_SIZE_TOO_LOW"));
            }
            else if (images.Count > MaxImages)
            {
                problems.Add(("content.multiImage.images", $"a multiImage post takes at most {MaxImages} images; it has {images.Count}", "FIELD_ARRAY_SIZE_TOO_HIGH"));
            }
            for (var i = 0; i < images.Count; i++)
            {
                CheckMedia(problems, $"content.multiImage.images.{i}.id", (string)images[i]!["id"]!, author, state, now);
            }
        }
        if (content["article"] is JsonObject article)
        {
            if (((string)article["title"]!).Trim().Length == 0)
            {
                problems.Add(("content.article.title", "an article needs a title; LinkedIn does not fetch one from the source", "INVALID_VALUE"));
            }
            if (article["thumbnail"] is JsonValue thumbnail)
            {
                CheckMedia(problems, "content.article.thumbnail", (string)thumbnail!, author, state, now);
            }
        }
        if (content["poll"] is JsonObject poll)
        {
            CheckPoll(problems, poll, sponsored);
        }
        return problems;
    }

    /// <summary>
    /// The reshared post must exist (not deleted, published) and allow reshares, and a reshare carries no
    /// content of its own. Returns the problems and the stored form <c>{parent, root}</c>.
    /// </summary>
    public static (List<(string, string, string)> Problems, JsonObject? Stored) CheckReshareRules(
        JsonObject reshare, string path, bool hasContent, string? ownUrn, PostStore posts)
    {
        var problems = new List<(string, string, string)>();
        var parentUrn = (string)reshare["parent"]!;
        var parent = posts.Find(parentUrn);
        if (hasContent)
        {
            problems.Add((path, "a reshare cannot carry content of its own", "INVALID_VALUE"));
        }
        if (parent is null || parent.Deleted || parent.LifecycleState != "PUBLISHED")
        {
            problems.Add((path + ".parent", $"the post to reshare, {parentUrn}, does not exist", "RESHARE_PARENT_NOT_FOUND"));
            return (problems, null);
        }
        if (parent.IsReshareDisabledByAuthor)
        {
            problems.Add((path + ".parent", $"the author of {parentUrn} disabled resharing it (isReshareDisabledByAuthor)", "RESHARE_DISABLED"));
        }
        var root = parent.Optional.TryGetValue("reshareContext", out var parentContext) && parentContext["root"] is JsonValue parentRoot
            ? (string)parentRoot!
            : parentUrn;
        if (ownUrn is not null && (parentUrn == ownUrn || root == ownUrn))
        {
            problems.Add((path + ".parent", $"a post cannot reshare itself, directly or through a reshare of it ({parentUrn})", "INVALID_VALUE"));
        }
        return (problems, new JsonObject { ["parent"] = parentUrn, ["root"] = root });
    }

    private static void CheckMedia(List<(string, string, string)> problems, string path, string urn, string author, SandboxState state, DateTimeOffset now)
    {
        var media = state.Media.Find(urn);
        if (media is null)
        {
            problems.Add((path, $"{urn} does not exist; upload it with initializeUpload first", "MEDIA_NOT_FOUND"));
            return;
        }
        if (media.Owner != author)
        {
            problems.Add((path, $"{urn} is owned by {media.Owner}, not by the post's author {author}", "MEDIA_OWNER_MISMATCH"));
            return;
        }
        var status = media.Status(now);
        if (status != MediaRecord.Available)
        {
            problems.Add((path, $"{urn} is {status}; a post can use it only once it is AVAILABLE", "MEDIA_NOT_AVAILABLE"));
        }
    }

    private static void CheckPoll(List<(string, string, string)> problems, JsonObject poll, bool sponsored)
    {
        if (sponsored)
        {
            problems.Add(("content.poll", "poll content is for organic posts only (no adContext, feedDistribution MAIN_FEED)", "ORGANIC_ONLY"));
        }
        CheckPollText(problems, "content.poll.question", (string)poll["question"]!, MaxPollQuestion);
        var options = poll["options"]!.AsArray();
        if (options.Count < MinPollOptions)
        {
            problems.Add(("content.poll.options", $"a poll needs at least {MinPollOptions} options; it has {options.Count}", "FIELD_ARRAY_SIZE_TOO_LOW"));
        }
        else if (options.Count > MaxPollOptions)
        {
            problems.Add(("content.poll.options", $"a poll takes at most {MaxPollOptions} options; it has {options.Count}", "FIELD_ARRAY_SIZE_TOO_HIGH"));
        }
        for (var i = 0; i < options.Count; i++)
        {
            CheckPollText(problems, $"content.poll.options.{i}.text", (string)options[i]!["text"]!, MaxPollOption);
        }
        var settings = poll["settings"]!.AsObject();
        if (settings["voteSelectionType"] is JsonValue vote && (string)vote! != "SINGLE_VOTE")
        {
            problems.Add(("content.poll.settings.voteSelectionType", "only SINGLE_VOTE is supported", "INVALID_VALUE"));
        }
        if (settings["isVoterVisibleToAuthor"] is JsonValue visible && !(bool)visible!)
        {
            problems.Add(("content.poll.settings.isVoterVisibleToAuthor", "only true is supported", "INVALID_VALUE"));
        }
    }

    private static void CheckPollText(List<(string, string, string)> problems, string path, string text, int maximum)
    {
        if (text.Trim().Length == 0)
        {
            problems.Add((path, "cannot be empty", "INVALID_VALUE"));
        }
        else if (text.Length > maximum)
        {
            problems.Add((path, $"is {text.Length} characters; at most {maximum} are allowed", "FIELD_LENGTH_TOO_LONG"));
        }
    }
}
