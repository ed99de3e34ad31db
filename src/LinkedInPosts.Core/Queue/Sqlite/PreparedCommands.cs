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
        private readonly Dictionary<string, string> _returning = new Dictionary<string, string>(StringComparer.Ordinal);

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

        /// <summary>
        /// <see cref="For"/> for <paramref name="update"/> (one UPDATE, with or without its closing ';') with
        /// <paramref name="returning"/> appended, e.g. " RETURNING state, attempts;". The combined text is built once
        /// per statement, not on every call: the runner makes two such changes per post.
        /// </summary>
        public SqliteCommand ForReturning(SqliteTransaction? transaction, string update, string returning)
        {
            if (!_returning.TryGetValue(update, out var sql))
            {
                var trimmed = update.TrimEnd();
                if (trimmed.EndsWith(";", StringComparison.Ordinal))
                {
                    trimmed = trimmed.Substring(0, trimmed.Length - 1);
                }
                sql = trimmed + returning;
                _returning.Add(update, sql);
            }
            return For(transaction, sql);
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }
            _commands.Clear();
            _returning.Clear();
        }
    }
}
