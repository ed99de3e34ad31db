using System;
using System.Collections.Generic;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// What one run shares between its parts (evidence resolution, publishing, media): the store, the
    /// options, the connections and throttled authors met so far, and the results in the order they finished.
    /// </summary>
    internal sealed class QueueRun
    {
        private readonly IProgress<QueuePostResult>? _progress;
        private readonly List<QueuePostResult> _results = new List<QueuePostResult>();
        private readonly Dictionary<long, ScheduledPost> _heldClaims = new Dictionary<long, ScheduledPost>();
        private readonly HashSet<long> _heldReported = new HashSet<long>();

        public QueueRun(IQueueStore store, IQueueConnections connections, QueueRunOptions options, IProgress<QueuePostResult>? progress)
        {
            Store = store;
            Options = options;
            Connections = new RunConnections(connections);
            Schedule = new RetrySchedule(options.RetryBaseDelay, options.RetryMaxDelay, options.Random);
            Media = new StoredMediaResolver(this);
            _progress = progress;
        }

        public IQueueStore Store { get; }

        public QueueRunOptions Options { get; }

        public RunConnections Connections { get; }

        public MemberBudget Budget { get; } = new MemberBudget();

        public RetrySchedule Schedule { get; }

        public StoredMediaResolver Media { get; }

        public IReadOnlyList<QueuePostResult> Results => _results;

        public DateTimeOffset Now => Options.Clock.GetUtcNow();

        /// <summary>Records a finished post and tells the caller at once (the cmdlet writes it to the pipeline).</summary>
        public void Report(QueuePostResult result)
        {
            _results.Add(result);
            _progress?.Report(result);
        }

        /// <summary>
        /// Keeps a claimed post of an unusable connection claimed until the run ends, then releases it
        /// unchanged (<see cref="ReleaseHeld"/>). Released at once it would be due again and claimed again by
        /// the next batch of the same run, over and over.
        /// </summary>
        public void HoldUntilRunEnds(ScheduledPost post)
        {
            Connections.CountHeld(post.Connection, post.Id);
            _heldClaims[post.Id] = post;
        }

        /// <summary>Reports a post held by its connection now (it is not kept claimed: it is Sending, or already back to Pending).</summary>
        public void ReportHeld(ScheduledPost post, QueueState state, QueueConnectionProblem problem, int attempts)
        {
            Connections.CountHeld(post.Connection, post.Id);
            if (_heldReported.Add(post.Id))
            {
                Report(Held(post, state, problem, attempts));
            }
        }

        /// <summary>Releases the posts kept claimed for an unusable connection and reports them Held.</summary>
        public void ReleaseHeld()
        {
            foreach (var post in _heldClaims.Values)
            {
                var released = Store.Release(post.Claim!, Now);
                var problem = Connections.ProblemOf(post.Connection);
                if (_heldReported.Add(post.Id) && problem != null)
                {
                    Report(Held(post, released.State ?? QueueState.Pending, problem, released.Attempts));
                }
            }
            _heldClaims.Clear();
        }

        /// <summary>Defers the Pending posts not due yet of every connection whose member LinkedIn throttled in this run.</summary>
        public void DeferThrottledConnections()
        {
            foreach (var pair in Budget.ThrottledConnections)
            {
                Store.DeferPending(pair.Key, pair.Value, Now);
            }
        }

        /// <summary>A result for <paramref name="post"/> with its identity filled in.</summary>
        public static QueuePostResult ResultFor(ScheduledPost post, QueuePostOutcome outcome, QueueState state, int attempts) => new QueuePostResult
        {
            Id = post.Id,
            Key = post.Key,
            Connection = post.Connection,
            Author = post.Author,
            ScheduledAtUtc = post.ScheduledAtUtc,
            Outcome = outcome,
            State = state,
            Attempts = attempts,
        };

        /// <summary>Fills in the error of a result from a LinkedIn exception (its message never holds a token).</summary>
        public static QueuePostResult WithError(QueuePostResult result, LinkedInException error, string? message = null)
        {
            result.ErrorId = error.ErrorId;
            result.HttpStatus = error.HttpStatus;
            result.Message = QueueMessages.Clean(message ?? error.Message, null);
            return result;
        }

        /// <summary>Fills in the URN and address of a published post.</summary>
        public static QueuePostResult WithPost(QueuePostResult result, string urn)
        {
            result.PostUrn = urn;
            result.Url = LinkedInUrn.TryParse(urn, out var parsed) ? parsed!.Permalink.ToString() : null;
            return result;
        }

        /// <summary>What the attempt row records about a failure.</summary>
        public AttemptReport AttemptOf(LinkedInException error, string? message = null) => new AttemptReport
        {
            At = Now,
            HttpStatus = error.HttpStatus,
            ErrorKind = FailureClassifier.KindName(error),
            ErrorId = error.ErrorId,
            Message = message ?? error.Message,
        };

        private static QueuePostResult Held(ScheduledPost post, QueueState state, QueueConnectionProblem problem, int attempts)
        {
            var result = ResultFor(post, QueuePostOutcome.Held, state, attempts);
            return WithError(result, problem.Error, "Held: the connection '" + post.Connection + "' cannot be used this run. " + problem.Error.Message);
        }
    }
}
