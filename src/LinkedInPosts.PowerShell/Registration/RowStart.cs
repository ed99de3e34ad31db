using System;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>
    /// Register-LinkedInScheduledPost's State column (or -State): the state a new post starts in, Pending or Held; or,
    /// for a row of an export whose post is past that (Published, Cancelled, ...), that state, so the row is skipped.
    /// </summary>
    internal static class RowStart
    {
        /// <summary>The state the cell names (empty: Pending); text that names no state is the row's error.</summary>
        /// <exception cref="LinkedInValidationException">The cell names no queue state (LinkedInInvalidState).</exception>
        public static QueueState Read(string? cell, string column)
        {
            if (string.IsNullOrWhiteSpace(cell))
            {
                return QueueState.Pending;
            }
            var text = cell!.Trim();
            // Names only: Enum.TryParse would also take "3" or "Pending, Held".
            foreach (QueueState state in Enum.GetValues(typeof(QueueState)))
            {
                if (string.Equals(state.ToString(), text, StringComparison.OrdinalIgnoreCase))
                {
                    return state;
                }
            }
            throw new LinkedInValidationException("State",
                $"'{text}' is not a state a post can be registered in. Use Pending or Held, or leave it empty (Pending); " +
                "if this column means something else, rename it, since Register-LinkedInScheduledPost reads a column named State.",
                column);
        }

        /// <summary>True for a state past Pending and Held: the post was handled (or is being), and is not registered again.</summary>
        public static bool IsDone(QueueState state) => !state.IsWaiting();
    }
}
