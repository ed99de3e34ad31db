using System;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>Where the queue is and how the store behaves. Every property is optional.</summary>
    public sealed class QueueStoreOptions
    {
        /// <summary>The environment variable that names the queue file when <see cref="Path"/> is not given.</summary>
        public const string QueueVariable = "LINKEDINPOSTS_QUEUE";

        /// <summary>The queue file's name in the data folder.</summary>
        public const string DefaultFileName = "queue.db";

        /// <summary>The media folder's name, next to the queue file.</summary>
        public const string MediaFolderName = "media";

        /// <summary>
        /// The queue file. When null: <c>LINKEDINPOSTS_QUEUE</c>, else <c>queue.db</c> in
        /// <see cref="DataFolder"/> (itself defaulting to the module's data folder). Media are kept in a
        /// <c>media</c> folder next to the file, so a queue and its media travel together.
        /// </summary>
        public string? Path { get; set; }

        /// <summary>The data folder to use instead of <see cref="Auth.DataFolder.Resolve()"/> (tests set it).</summary>
        public string? DataFolder { get; set; }

        /// <summary>How long a call waits for another process's write to finish before failing (default 30 s).</summary>
        public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The clock for the created/updated stamps (tests pass a fake one).</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>Where the environment is read from (tests replace it).</summary>
        public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;
    }
}
