using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue.Runner;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// An <see cref="IQueueConnections"/> whose connections the test sets up, recording every Open. Names match
/// ignoring case, as in the token store.
/// </summary>
internal sealed class ScriptedConnections : IQueueConnections
{
    private readonly Dictionary<string, Func<QueueConnection>> _open = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _opened = new();

    /// <summary>The names opened, in order (one entry per Open call).</summary>
    public IReadOnlyList<string> Opened
    {
        get
        {
            lock (_opened)
            {
                return _opened.ToList();
            }
        }
    }

    public void Add(string name, Func<QueueConnection> open) => _open[name] = open;

    public void Fail(string name, LinkedInException error) => _open[name] = () => throw error;

    public QueueConnection Open(string connectionName, CancellationToken cancellationToken)
    {
        lock (_opened)
        {
            _opened.Add(connectionName);
        }
        if (!_open.TryGetValue(connectionName, out var open))
        {
            throw new LinkedInAuthException(AuthFailureReason.Missing, $"There is no connection named '{connectionName}'. Connect it with Connect-LinkedIn -Name {connectionName}.");
        }
        return open();
    }
}
