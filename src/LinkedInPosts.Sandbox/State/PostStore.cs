namespace LinkedInPosts.Sandbox.State;

/// <summary>Posts by URN, deleted ones included. Call only under <see cref="SandboxState.Sync"/>.</summary>
internal sealed class PostStore
{
    private readonly Dictionary<string, PostRecord> _byUrn = new(StringComparer.Ordinal);
    private long _sequence;

    public IEnumerable<PostRecord> All => _byUrn.Values.OrderBy(p => p.Sequence);

    public long NextSequence() => ++_sequence;

    public string NewShareUrn(DateTimeOffset createdAt)
    {
        string urn;
        do
        {
            urn = "urn:li:share:" + RandomIds.ActivityId(createdAt).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (_byUrn.ContainsKey(urn));
        return urn;
    }

    public void Add(PostRecord post) => _byUrn.Add(post.Urn, post);

    public PostRecord? Find(string urn) => _byUrn.GetValueOrDefault(urn);

    /// <summary>The newest earlier post by the same author with the same sent commentary, inside the window.</summary>
    public PostRecord? FindDuplicate(string author, string sentCommentary, DateTimeOffset now, TimeSpan window) =>
        _byUrn.Values
            .Where(p => p.Author == author && p.SentCommentary == sentCommentary && now - p.CreatedAt < window)
            .OrderByDescending(p => p.Sequence)
            .FirstOrDefault();

    public void Clear()
    {
        _byUrn.Clear();
        _sequence = 0;
    }
}
