using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>How many posts of a queue are in one state, and the ids of the first of them (<see cref="IQueueStore.FindInState"/>).</summary>
    public sealed class PostsInState
    {
        /// <summary>Creates the answer for <paramref name="state"/>.</summary>
        public PostsInState(QueueState state, int count, IReadOnlyList<long> firstIds)
        {
            State = state;
            Count = count;
            FirstIds = firstIds ?? Array.Empty<long>();
        }

        /// <summary>The state asked about.</summary>
        public QueueState State { get; }

        /// <summary>How many posts are in it.</summary>
        public int Count { get; }

        /// <summary>The ids of the first of them by scheduled time (at most the number asked for; all of them when Count is no more).</summary>
        public IReadOnlyList<long> FirstIds { get; }
    }
}
