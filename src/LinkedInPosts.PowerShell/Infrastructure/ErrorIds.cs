namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// ErrorIds raised by the cmdlet layer itself. Errors from LinkedIn or from Core's rules keep Core's
    /// own stable <see cref="Core.Errors.LinkedInException.ErrorId"/>. Users match on these in scripts
    /// (<c>$_.FullyQualifiedErrorId -like 'LinkedInNotConnected,*'</c>), so they never change.
    /// </summary>
    public static class ErrorIds
    {
        /// <summary>No connection with the requested name exists in this session or in the OS account's token store.</summary>
        public const string NotConnected = "LinkedInNotConnected";

        /// <summary>Connect-LinkedIn found no token: no -AccessToken and no environment variable.</summary>
        public const string NoAccessToken = "LinkedInNoAccessToken";

        /// <summary>A value that should be a LinkedIn URN (post or author) is not one.</summary>
        public const string InvalidUrn = "LinkedInInvalidUrn";

        /// <summary>-ApiVersion (or LINKEDINPOSTS_API_VERSION) is not of the form YYYYMM.</summary>
        public const string InvalidApiVersion = "LinkedInInvalidApiVersion";

        /// <summary>-ApiBaseUri is not an absolute http(s) address.</summary>
        public const string InvalidApiBaseUri = "LinkedInInvalidApiBaseUri";

        /// <summary>Connect-LinkedIn -ClientSecret (or -Credential's password or user name) is empty.</summary>
        public const string NoClientSecret = "LinkedInNoClientSecret";

        /// <summary>Connect-LinkedIn -Timeout is zero or negative.</summary>
        public const string InvalidTimeout = "LinkedInInvalidTimeout";

        /// <summary>Connect-LinkedIn -Scope names no scope.</summary>
        public const string InvalidScope = "LinkedInInvalidScope";

        /// <summary>-Author is neither the connection's member nor a page the connection can post as.</summary>
        public const string AuthorNotAllowed = "LinkedInAuthorNotAllowed";

        /// <summary>A media path (-Path, -LiteralPath, -Media, -Image, -ArticleThumbnail) names no file.</summary>
        public const string MediaFileNotFound = "LinkedInMediaFileNotFound";

        /// <summary>
        /// New-LinkedInPost published the post, but its -FirstComment failed. The post is output too; it must
        /// not be posted again.
        /// </summary>
        public const string FirstCommentFailed = "LinkedInFirstCommentFailed";

        /// <summary>No scheduled post with that id (or key) is in the queue.</summary>
        public const string ScheduledPostNotFound = "LinkedInScheduledPostNotFound";

        /// <summary>A runner holds the scheduled post (Claimed or Sending): it cannot be changed or cancelled now.</summary>
        public const string ScheduledPostBusy = "LinkedInScheduledPostBusy";

        /// <summary>The scheduled post's state does not allow the change (e.g. editing a Published post, resuming one not Held).</summary>
        public const string ScheduledPostWrongState = "LinkedInScheduledPostWrongState";

        /// <summary>
        /// A change of what a Pending or Held post posts was refused: a run's earlier create call may have reached LinkedIn,
        /// and the changed post would slip past LinkedIn's duplicate check (Register -Force; Set after such a call raced in).
        /// </summary>
        public const string ScheduledPostMayBePosted = "LinkedInScheduledPostMayBePosted";

        /// <summary>Two rows of one Register-LinkedInScheduledPost pipeline have the same key (the Key column, or identical posts).</summary>
        public const string ScheduledPostDuplicateKey = "LinkedInScheduledPostDuplicateKey";

        /// <summary>Register-LinkedInScheduledPost was piped a scheduled post (Get-LinkedInScheduledPost's output), which holds no media, poll or article: not a row.</summary>
        public const string ScheduledPostNotARow = "LinkedInScheduledPostNotARow";

        /// <summary>The queue refused a registration its own checks found invalid (the message says why).</summary>
        public const string ScheduledPostInvalid = "LinkedInScheduledPostInvalid";

        /// <summary>Export-LinkedInScheduledPost -NoClobber found the file already there (without it the file is overwritten).</summary>
        public const string ExportFileExists = "LinkedInExportFileExists";

        /// <summary>Export-LinkedInScheduledPost -Path names a SQLite database (a queue, most likely): it is never overwritten.</summary>
        public const string ExportWouldReplaceDatabase = "LinkedInExportWouldReplaceDatabase";

        /// <summary>Export-LinkedInScheduledPost cannot tell CSV or JSON from the path and no -Format was given.</summary>
        public const string ExportFormatUnknown = "LinkedInExportFormatUnknown";

        /// <summary>Export-LinkedInScheduledPost could not write the file (nothing half-written is left).</summary>
        public const string ExportWriteFailed = "LinkedInExportWriteFailed";

        /// <summary>Export-LinkedInScheduledPost was piped posts from more than one queue file.</summary>
        public const string ExportMixedQueues = "LinkedInExportMixedQueues";

        /// <summary>Register-LinkedInPostQueueTask: a task (or crontab line) of that name exists and -Force was not given.</summary>
        public const string QueueTaskExists = "LinkedInQueueTaskExists";

        /// <summary>Invoke- or Test-LinkedInPostQueue -Debug: PowerShell would ask before each warning and error of a run that must never ask.</summary>
        public const string DebugWouldPrompt = "LinkedInDebugWouldPrompt";

        /// <summary>Unregister-LinkedInPostQueueTask: no task (or crontab line) of that name.</summary>
        public const string QueueTaskNotFound = "LinkedInQueueTaskNotFound";

        /// <summary>schtasks.exe or crontab is missing, or failed; the message quotes what it said.</summary>
        public const string QueueTaskSchedulerFailed = "LinkedInQueueTaskSchedulerFailed";

        /// <summary>A path a queue task needs is not one a scheduler can run (a quote or line break in it).</summary>
        public const string InvalidQueueTaskPath = "LinkedInInvalidQueueTaskPath";

        /// <summary>The PowerShell executable for a queue task was not found: this host is not PowerShell and $PSHOME has none.</summary>
        public const string PowerShellExecutableNotFound = "LinkedInPowerShellExecutableNotFound";

        /// <summary>The module's manifest (LinkedInPosts.psd1) is not next to the loaded module, so a scheduled run could not import it.</summary>
        public const string ModuleManifestNotFound = "LinkedInModuleManifestNotFound";

        /// <summary>Invoke-LinkedInPostQueue, Test-LinkedInPostQueue: the queue file does not exist (a wrong -Path, LINKEDINPOSTS_QUEUE or LINKEDINPOSTS_HOME, or nothing registered yet); no empty queue is created.</summary>
        public const string QueueNotFound = "LinkedInQueueNotFound";

        /// <summary>Test-LinkedInPostQueue found at least one Error finding: some post will not go out unless someone acts.</summary>
        public const string QueuePreflightFailed = "LinkedInQueuePreflightFailed";

        /// <summary>Invoke-LinkedInPostQueue: a scheduled post failed for good (LinkedIn refused it, or its retries ran out). It was not published.</summary>
        public const string ScheduledPostFailed = "LinkedInScheduledPostFailed";

        /// <summary>Invoke-LinkedInPostQueue: a scheduled post was overdue by more than -MaxLateness and was marked Missed instead of posted late.</summary>
        public const string ScheduledPostMissed = "LinkedInScheduledPostMissed";

        /// <summary>Invoke-LinkedInPostQueue: whether a scheduled post was published is unknown and the evidence did not settle it; a person must look.</summary>
        public const string ScheduledPostUnconfirmed = "LinkedInScheduledPostUnconfirmed";

        /// <summary>
        /// Invoke-LinkedInPostQueue, every run: the queue still holds Unconfirmed posts (from this run or earlier ones)
        /// that wait for a person, so the run is not successful until they are confirmed, re-sent or cancelled.
        /// </summary>
        public const string QueueNeedsAttention = "LinkedInQueueNeedsAttention";

        /// <summary>PowerShell 7: another module loaded an older copy of one of the module's dependencies first, so the queue or the token store cannot be opened.</summary>
        public const string DependencyConflict = "LinkedInDependencyConflict";
    }
}
