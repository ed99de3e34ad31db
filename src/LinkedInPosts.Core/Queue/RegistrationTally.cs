using System.Collections.Generic;
using System.Linq;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// What one import (one Register-LinkedInScheduledPost pipeline) did with its rows: the outcome of each
    /// registered row, the rows with errors and, under -WhatIf, the rows that would be registered; and the
    /// summary and warning it ends with.
    /// </summary>
    public sealed class RegistrationTally
    {
        private readonly Dictionary<RegistrationOutcome, int> _counts = new Dictionary<RegistrationOutcome, int>();
        private readonly SortedDictionary<QueueState, int> _done = new SortedDictionary<QueueState, int>();
        private bool _accepted;

        /// <summary>Rows that wrote an error.</summary>
        public int Failed { get; private set; }

        /// <summary>Rows that passed every check but were not registered (ShouldProcess said no: -WhatIf).</summary>
        public int WouldRegister { get; private set; }

        /// <summary>Rows ShouldProcess declined whose key is already in the queue: a real import would find them AlreadyExists.</summary>
        public int WouldExist { get; private set; }

        /// <summary>Rows ShouldProcess declined under -Force whose key a Pending or Held post has: a real import would update it.</summary>
        public int WouldUpdate { get; private set; }

        /// <summary>Rows ShouldProcess declined under -Force whose key a post past Pending and Held has: a real import would find it NotUpdatable.</summary>
        public int WouldNotUpdate { get; private set; }

        /// <summary>Rows not registered because their State says the post is done or needs a person (a re-imported export's Published, Cancelled, ...).</summary>
        public int SkippedAsDone => _done.Values.Sum();

        /// <summary>Rows the store added or updated.</summary>
        public int Registered => Count(RegistrationOutcome.Added) + Count(RegistrationOutcome.Updated);

        /// <summary>How many rows had <paramref name="outcome"/>.</summary>
        public int Count(RegistrationOutcome outcome) => _counts.TryGetValue(outcome, out var n) ? n : 0;

        /// <summary>A row wrote an error.</summary>
        public void RowFailed() => Failed++;

        /// <summary>A row passed every check and ShouldProcess declined it.</summary>
        public void RowWouldRegister() => WouldRegister++;

        /// <summary>ShouldProcess declined a row whose key the queue already has (without -Force: it would be left as it is).</summary>
        public void RowWouldExist() => WouldExist++;

        /// <summary>ShouldProcess declined a -Force row whose key a Pending or Held post has (it would be updated).</summary>
        public void RowWouldUpdate() => WouldUpdate++;

        /// <summary>ShouldProcess declined a -Force row whose key a post past Pending and Held has (it would be left as it is).</summary>
        public void RowWouldNotUpdate() => WouldNotUpdate++;

        /// <summary>A row passed every check and ShouldProcess accepted it: it goes to the queue.</summary>
        public void RowAccepted() => _accepted = true;

        /// <summary>A row was skipped: its State says the post is <paramref name="state"/>, past Pending and Held.</summary>
        public void RowSkippedAsDone(QueueState state) => _done[state] = (_done.TryGetValue(state, out var n) ? n : 0) + 1;

        /// <summary>
        /// The warning for the rows skipped by their State, with how many of each (null when none was): a re-import of
        /// an export registers only its Pending and Held posts.
        /// </summary>
        public string? SkippedAsDoneWarning()
        {
            if (_done.Count == 0)
            {
                return null;
            }
            var each = string.Join(", ", _done.Select(d => d.Key + " " + d.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var rows = SkippedAsDone == 1 ? "1 row was not registered because its State says" : SkippedAsDone.ToString(System.Globalization.CultureInfo.InvariantCulture) + " rows were not registered because their State says";
            return $"{rows} the post is done or needs a person ({each}). Clear a row's State cell to schedule that post anew.";
        }

        /// <summary>The store registered a row with <paramref name="outcome"/>.</summary>
        public void Record(RegistrationOutcome outcome) => _counts[outcome] = Count(outcome) + 1;

        /// <summary>
        /// The closing line: under -WhatIf (rows were checked but none accepted) what would be registered,
        /// else what the queue at <paramref name="queuePath"/> now holds from this import.
        /// </summary>
        public string Summary(bool force, string queuePath)
        {
            if (!_accepted && (WouldRegister > 0 || WouldExist > 0 || WouldUpdate > 0 || WouldNotUpdate > 0))
            {
                return $"{WouldRegister} would be registered" + (WouldExist > 0 ? $", {WouldExist} already there" : string.Empty) +
                    (force ? $", {WouldUpdate} would be updated, {WouldNotUpdate} not updatable (past Pending and Held)" : string.Empty) +
                    $", {Failed} with errors" + Skipped() + " (nothing was written).";
            }
            return $"{Count(RegistrationOutcome.Added)} registered, {Count(RegistrationOutcome.AlreadyExists)} already there" +
                (force ? $", {Count(RegistrationOutcome.Updated)} updated, {Count(RegistrationOutcome.NotUpdatable)} not updatable (past Pending and Held)" : string.Empty) +
                $", {Failed} with errors" + Skipped() + $", in {queuePath}.";
        }

        private string Skipped() => SkippedAsDone > 0 ? $", {SkippedAsDone} skipped (their State says done)" : string.Empty;

        /// <summary>A warning when every registered row was already in the queue (a re-import), else null.</summary>
        public string? NothingNewWarning(bool force)
        {
            var seen = _counts.Values.Sum();
            if (seen == 0 || Count(RegistrationOutcome.AlreadyExists) != seen)
            {
                return null;
            }
            return $"Nothing new was registered: all {seen} posts were already in the queue (matched by key)." +
                (force ? string.Empty : " Use -Force to update the pending ones with these rows.");
        }
    }
}
