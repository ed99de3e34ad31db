using System.Globalization;
using System.Text.Json.Nodes;

namespace LinkedInPosts.Sandbox.State;

/// <summary>A stored comment. Immutable once created.</summary>
internal sealed class CommentRecord
{
    public required string Id { get; init; }
    public required string PostUrn { get; init; }
    public required string Actor { get; init; }
    public required string Agent { get; init; }
    public required string Text { get; init; }
    public required JsonArray Attributes { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required long Sequence { get; init; }

    /// <summary>LinkedIn's comment URN form, <c>urn:li:comment:(&lt;object&gt;,&lt;id&gt;)</c>.</summary>
    public string Urn => $"urn:li:comment:({PostUrn},{Id})";

    public SandboxStoredComment ToPublic() => new()
    {
        Id = Id,
        Urn = Urn,
        PostUrn = PostUrn,
        Actor = Actor,
        Agent = Agent,
        Text = Text,
        CreatedAt = CreatedAt,
    };
}

/// <summary>Comments by post. Call only under <see cref="SandboxState.Sync"/>.</summary>
internal sealed class CommentStore
{
    private readonly Dictionary<string, CommentRecord> _byId = new(StringComparer.Ordinal);
    private long _sequence;

    public CommentRecord Add(string postUrn, string actor, string agent, string text, JsonArray attributes, DateTimeOffset now)
    {
        string id;
        do
        {
            id = RandomIds.ActivityId(now).ToString(CultureInfo.InvariantCulture);
        }
        while (_byId.ContainsKey(id));
        var comment = new CommentRecord
        {
            Id = id,
            PostUrn = postUrn,
            Actor = actor,
            Agent = agent,
            Text = text,
            Attributes = attributes,
            CreatedAt = now,
            Sequence = ++_sequence,
        };
        _byId.Add(id, comment);
        return comment;
    }

    public IEnumerable<CommentRecord> OnPost(string postUrn) =>
        _byId.Values.Where(c => c.PostUrn == postUrn).OrderBy(c => c.Sequence);

    public void Clear()
    {
        _byId.Clear();
        _sequence = 0;
    }
}
