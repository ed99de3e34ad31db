using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    /// <summary>
    /// The statements the runner executes for every post, each prepared once per store and reused. Preparing an
    /// UPDATE on the posts table (six indexes, a RETURNING clause) costs SQLite more than running it, and a new
    /// <see cref="SqliteCommand"/> prepares again every time; publishing 1,000 posts runs about 6,000 of them.
    /// Used only under the store's lock, like the connection it belongs to.
    /// </summary>
    internal sealed class PreparedCommands : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);

        public PreparedCommands(SqliteConnection connection)
        {
            _connection = connection;
        }

        /// <summary>
        /// The command for <paramref name="sql"/>, enlisted in <paramref name="transaction"/>, with no parameters
        /// bound. The caller binds its parameters and executes it, and must NOT dispose it (the store does).
        /// </summary>
        public SqliteCommand For(SqliteTransaction? transaction, string sql)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                _commands.Add(sql, command);
            }
            command.Transaction = transaction;
            command.Parameters.Clear();
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }
            _commands.Clear();
        }
    }
}
