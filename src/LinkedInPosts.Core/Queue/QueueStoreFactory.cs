using System;
using System.IO;
using LinkedInPosts.Core.Queue.Sqlite;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>Opens the queue.</summary>
    public static class QueueStoreFactory
    {
        /// <summary>
        /// The queue file <paramref name="options"/> point at: <see cref="QueueStoreOptions.Path"/>, else
        /// <c>LINKEDINPOSTS_QUEUE</c>, else <c>queue.db</c> in the data folder. Nothing is created.
        /// </summary>
        public static string ResolvePath(QueueStoreOptions? options = null)
        {
            options ??= new QueueStoreOptions();
            if (!string.IsNullOrWhiteSpace(options.Path))
            {
                return System.IO.Path.GetFullPath(options.Path!.Trim());
            }
            var fromEnvironment = options.Environment(QueueStoreOptions.QueueVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return System.IO.Path.GetFullPath(fromEnvironment!.Trim());
            }
            var folder = string.IsNullOrWhiteSpace(options.DataFolder)
                ? Auth.DataFolder.Resolve(options.Environment)
                : System.IO.Path.GetFullPath(options.DataFolder!);
            return System.IO.Path.Combine(folder, QueueStoreOptions.DefaultFileName);
        }

        /// <summary>
        /// Opens (creating when needed, migrating when older) the SQLite queue and its media folder. Throws
        /// <see cref="Errors.LinkedInQueueException"/> when the file cannot be used.
        /// </summary>
        public static IQueueStore Open(QueueStoreOptions? options = null)
        {
            options ??= new QueueStoreOptions();
            var path = ResolvePath(options);
            var media = new MediaStore(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, QueueStoreOptions.MediaFolderName));
            return SqliteQueueStore.Open(path, media, options.TimeProvider, options.BusyTimeout);
        }
    }
}
