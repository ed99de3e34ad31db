using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Tests.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>A real queue file in a fresh temporary data folder, with a fake clock for its stamps.</summary>
internal sealed class TestQueue : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDataFolder _folder = new();
    private IQueueStore? _store;

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The data folder (queue.db and media/ are created inside it).</summary>
    public string DataFolder => _folder.Path;

    public string QueuePath => Path.Combine(_folder.Path, "queue.db");

    public QueueStoreOptions Options => new() { DataFolder = _folder.Path, TimeProvider = Clock, Environment = _ => null };

    /// <summary>The store, opened on first use.</summary>
    public IQueueStore Store => _store ??= QueueStoreFactory.Open(Options);

    /// <summary>Closes the store and opens the file again, as a later process would.</summary>
    public IQueueStore Reopen()
    {
        _store?.Dispose();
        _store = null;
        return Store;
    }

    public void Close()
    {
        _store?.Dispose();
        _store = null;
    }

    /// <summary>A connection of the test's own to the same file, to look at (or tamper with) what the store wrote.</summary>
    public SqliteConnection Raw() => RawConnection(QueuePath);

    public static SqliteConnection RawConnection(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A registration for a text post by urn:li:person:abc.</summary>
    public static NewScheduledPost Post(string? key, DateTimeOffset at, string text = "Hello queue", IReadOnlyList<string>? media = null, string connection = "work", string author = "urn:li:person:abc") =>
        NewScheduledPost.FromDraft(new PostDraft(LinkedInUrn.Parse(author), text), connection, at, "Europe/Berlin", media, key);

    /// <summary>Registers <paramref name="count"/> posts keyed k0000.., due from <paramref name="from"/> a minute apart.</summary>
    public IReadOnlyList<RegistrationResult> RegisterMany(int count, DateTimeOffset from, string prefix = "k")
    {
        var posts = Enumerable.Range(0, count).Select(i => Post(prefix + i.ToString("D6"), from.AddMinutes(i), "Post number " + i)).ToList();
        return Store.RegisterBatch(posts);
    }

    public void Dispose()
    {
        Close();
        _folder.Dispose();
    }
}
