using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace LinkedInPosts.Core.Queue.Sqlite
{
    public sealed partial class SqliteQueueStore
    {
        /// <inheritdoc />
        public ScheduledPost? Get(long id) => Single("WHERE id = @value", id);

        /// <inheritdoc />
        public ScheduledPost? GetByKey(string key) => key == null ? null : Single("WHERE key = @value", key);

        /// <inheritdoc />
        public IReadOnlyList<ScheduledPost> Query(QueueQuery query)
        {
            if (query == null)
            {
                throw new ArgumentNullException(nameof(query));
            }
            return Run("read", connection =>
            {
                using (var command = Command(connection, null, string.Empty))
                {
                    PrepareQuery(command, query);
                    var posts = ReadPosts(command);
                    LoadMedia(null, posts);
                    return (IReadOnlyList<ScheduledPost>)posts;
                }
            });
        }

        /// <summary>
        /// Sets <paramref name="command"/>'s SQL and parameters for <paramref name="query"/>: one place, so that
        /// QueryPlanTests read the plan of exactly what <see cref="Query"/> runs.
        /// </summary>
        internal static void PrepareQuery(SqliteCommand command, QueueQuery query)
        {
            var where = new List<string>();
            if (query.States != null && query.States.Count > 0)
            {
                where.Add("state IN (" + InList(command, "@state", query.States) + ")");
            }
            if (query.FirstCommentStates != null && query.FirstCommentStates.Count > 0)
            {
                where.Add("first_comment_state IN (" + InList(command, "@comment", query.FirstCommentStates) + ")");
            }
            if (query.Connection != null)
            {
                // Ignoring case, as the token store and the runner match connection names (Register keeps the
                // name as typed). The posts_connection_scheduled index cannot serve a NOCASE match, so this
                // reads in time order until a page is found: fine for a person's query.
                where.Add("connection = @connection COLLATE NOCASE");
                command.Parameters.AddWithValue("@connection", query.Connection);
            }
            if (query.Key != null)
            {
                where.Add("key = @key");
                command.Parameters.AddWithValue("@key", query.Key);
            }
            if (query.ScheduledFrom != null)
            {
                where.Add("scheduled_at >= @from");
                command.Parameters.AddWithValue("@from", QueueTime.Format(query.ScheduledFrom.Value));
            }
            if (query.ScheduledBefore != null)
            {
                where.Add("scheduled_at < @before");
                command.Parameters.AddWithValue("@before", QueueTime.Format(query.ScheduledBefore.Value));
            }
            if (query.After != null)
            {
                where.Add("(scheduled_at > @afterAt OR (scheduled_at = @afterAt AND id > @afterId))");
                command.Parameters.AddWithValue("@afterAt", QueueTime.Format(query.After.ScheduledAtUtc));
                command.Parameters.AddWithValue("@afterId", query.After.Id);
            }
            var sql = new StringBuilder("SELECT ").Append(PostColumns).Append(" FROM posts");
            if (where.Count > 0)
            {
                sql.Append(" WHERE ").Append(string.Join(" AND ", where));
            }
            sql.Append(" ORDER BY scheduled_at, id LIMIT @limit;");
            command.Parameters.AddWithValue("@limit", Math.Max(0, query.Limit));
            command.CommandText = sql.ToString();
        }

        /// <summary>One parameter per value (their names, comma-separated), each the enum value's name as stored.</summary>
        private static string InList<T>(SqliteCommand command, string prefix, IEnumerable<T> values)
        {
            var names = new List<string>();
            foreach (var value in values)
            {
                var name = prefix + names.Count.ToString(CultureInfo.InvariantCulture);
                command.Parameters.AddWithValue(name, value!.ToString());
                names.Add(name);
            }
            return string.Join(", ", names);
        }

        /// <inheritdoc />
        public IReadOnlyDictionary<QueueState, int> CountByState() =>
            Run("read", connection =>
            {
                var counts = new Dictionary<QueueState, int>();
                using (var command = Command(connection, null, "SELECT state, count(*) FROM posts GROUP BY state;"))
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        counts[ParseState(reader.GetString(0))] = reader.GetInt32(1);
                    }
                }
                return (IReadOnlyDictionary<QueueState, int>)counts;
            });

        /// <summary>How many posts are in a state: counted in the (state, scheduled_at, id) index alone (QueryPlanTests).</summary>
        internal const string CountInStateSql = "SELECT count(*) FROM posts WHERE state = @state;";

        /// <summary>The first ids in a state, in the index's own order: no table rows read, no sort (QueryPlanTests).</summary>
        internal const string IdsInStateSql = "SELECT id FROM posts WHERE state = @state ORDER BY scheduled_at, id LIMIT @max;";

        /// <inheritdoc />
        public PostsInState FindInState(QueueState state, int maxIds) =>
            Run("read", connection =>
            {
                // One read transaction: the count and the ids come from the same snapshot, even while a run writes.
                using (var transaction = connection.BeginTransaction(deferred: true))
                {
                    int count;
                    using (var command = Command(connection, transaction, CountInStateSql))
                    {
                        command.Parameters.AddWithValue("@state", state.ToString());
                        count = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
                    }
                    var ids = new List<long>();
                    if (count > 0 && maxIds > 0)
                    {
                        using (var command = Command(connection, transaction, IdsInStateSql))
                        {
                            command.Parameters.AddWithValue("@state", state.ToString());
                            command.Parameters.AddWithValue("@max", maxIds);
                            using (var reader = command.ExecuteReader())
                            {
                                while (reader.Read())
                                {
                                    ids.Add(reader.GetInt64(0));
                                }
                            }
                        }
                    }
                    transaction.Commit();
                    return new PostsInState(state, count, ids);
                }
            });

        /// <inheritdoc />
        public IReadOnlyList<QueueAttempt> GetAttempts(long postId) =>
            Run("read", connection => ReadAttempts(connection, null, postId));

        /// <summary>A post's attempts, oldest first; also inside a write transaction (a registration's check of a tried post).</summary>
        private static IReadOnlyList<QueueAttempt> ReadAttempts(SqliteConnection connection, SqliteTransaction? transaction, long postId)
        {
            var attempts = new List<QueueAttempt>();
            using (var command = Command(connection, transaction,
                "SELECT post_id, number, runner, started_at, finished_at, outcome, http_status, error_kind, error_id, message, post_urn " +
                "FROM attempts WHERE post_id = @id ORDER BY number;"))
            {
                command.Parameters.AddWithValue("@id", postId);
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        attempts.Add(new QueueAttempt
                        {
                            PostId = reader.GetInt64(0),
                            Number = reader.GetInt32(1),
                            RunnerId = reader.GetString(2),
                            StartedAt = QueueTime.Parse(reader.GetString(3)),
                            FinishedAt = reader.IsDBNull(4) ? (DateTimeOffset?)null : QueueTime.Parse(reader.GetString(4)),
                            Outcome = (AttemptOutcome)Enum.Parse(typeof(AttemptOutcome), reader.GetString(5), ignoreCase: false),
                            HttpStatus = reader.IsDBNull(6) ? (int?)null : reader.GetInt32(6),
                            ErrorKind = reader.IsDBNull(7) ? null : reader.GetString(7),
                            ErrorId = reader.IsDBNull(8) ? null : reader.GetString(8),
                            Message = reader.IsDBNull(9) ? null : reader.GetString(9),
                            PostUrn = reader.IsDBNull(10) ? null : reader.GetString(10),
                        });
                    }
                }
            }
            return attempts;
        }

        private ScheduledPost? Single(string where, object value) =>
            Run("read", connection =>
            {
                using (var command = Command(connection, null, "SELECT " + PostColumns + " FROM posts " + where + ";"))
                {
                    command.Parameters.AddWithValue("@value", value);
                    var posts = ReadPosts(command);
                    LoadMedia(null, posts);
                    return posts.Count == 0 ? null : posts[0];
                }
            });
    }
}
