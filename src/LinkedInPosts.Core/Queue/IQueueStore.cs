using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// The queue of scheduled posts. <see cref="Sqlite.SqliteQueueStore"/> keeps it in one SQLite file; the
    /// interface is what a server database (PostgreSQL) would implement so several runner machines can share
    /// one queue. Every member is safe to call from several threads and several processes at once.
    /// <para>
    /// Guarantees an implementation must keep: registration of a batch is one transaction; a claim is
    /// atomic, so two runners never hold the same post; every runner change presents its
    /// <see cref="QueueClaim"/> and is refused once the post carries another token; a post is Sending,
    /// durably, before the create call that may publish it; one attempt row per try.
    /// </para>
    /// </summary>
    public interface IQueueStore : IDisposable
    {
        /// <summary>Where the queue is (a file path for SQLite).</summary>
        string Location { get; }

        /// <summary>The engine and where its native library came from, for diagnostics.</summary>
        string Engine { get; }

        /// <summary>The schema version of the queue (after any migration on open).</summary>
        int SchemaVersion { get; }

        /// <summary>The queue's content-addressed media files.</summary>
        MediaStore Media { get; }

        /// <summary>
        /// Registers a batch in one transaction and returns one result per registration, in order. Every
        /// registration is validated first; invalid ones are reported and never reach the database, the
        /// others are written together or not at all. A key already present is left alone
        /// (<see cref="RegistrationMode.AddOnly"/>) or replaced while the post is still Pending or Held
        /// (<see cref="RegistrationMode.UpdatePending"/>). A key repeated within the batch behaves as if the
        /// rows came in separate batches.
        /// </summary>
        IReadOnlyList<RegistrationResult> RegisterBatch(IReadOnlyList<NewScheduledPost> posts, RegistrationMode mode = RegistrationMode.AddOnly);

        /// <summary>The post with this id, or null.</summary>
        ScheduledPost? Get(long id);

        /// <summary>The post with this key, or null.</summary>
        ScheduledPost? GetByKey(string key);

        /// <summary>Posts matching <paramref name="query"/>, by scheduled time then id.</summary>
        IReadOnlyList<ScheduledPost> Query(QueueQuery query);

        /// <summary>How many posts are in each state (states with none are left out).</summary>
        IReadOnlyDictionary<QueueState, int> CountByState();

        /// <summary>
        /// How many posts are in <paramref name="state"/>, and the ids of the first <paramref name="maxIds"/> of them by
        /// scheduled time, from one snapshot. It must cost what the matching posts cost, not the size of the history:
        /// every run asks it for the Unconfirmed posts (SQLite reads only the (state, scheduled_at, id) index).
        /// </summary>
        PostsInState FindInState(QueueState state, int maxIds);

        /// <summary>A post's attempts, first to last.</summary>
        IReadOnlyList<QueueAttempt> GetAttempts(long postId);

        /// <summary>
        /// Atomically claims up to <paramref name="max"/> Pending posts due at <paramref name="now"/> (earliest
        /// first) for <paramref name="runnerId"/>, with a lease of <paramref name="lease"/>, and returns them
        /// Claimed, each with its <see cref="ScheduledPost.Claim"/>. Claims whose lease ran out before anything
        /// was sent go back to Pending first, so they can be taken again.
        /// </summary>
        IReadOnlyList<ScheduledPost> ClaimDue(DateTimeOffset now, string runnerId, TimeSpan lease, int max);

        /// <summary>Extends a live claim's lease to <paramref name="now"/> + <paramref name="lease"/>.</summary>
        TransitionResult RenewLease(QueueClaim claim, DateTimeOffset now, TimeSpan lease);

        /// <summary>
        /// Records, durably, that the create call is about to be made: Claimed (lease not run out) becomes
        /// Sending with a fresh lease, and an attempt row is opened. Also accepted for a Sending post under
        /// the same claim (a resolver sending again to get LinkedIn's duplicate evidence): a dead run's open call
        /// is closed as Unknown (superseded) and a new attempt opened; an open read-back attempt
        /// (<see cref="OpenEvidenceCheck"/>: this resolver's, refused by LinkedIn, or one a dead resolver left; no
        /// create call is ever made under one) is taken over for the resend instead, so that one look costs one
        /// attempt. Either way the open attempt is marked <see cref="QueueAttempt.ResendKind"/> in the same durable
        /// commit. Only when this is applied may the runner call LinkedIn.
        /// </summary>
        TransitionResult MarkSending(QueueClaim claim, DateTimeOffset now, TimeSpan lease);

        /// <summary>
        /// Group commit of <see cref="MarkSending"/> for a window of claimed posts about to be sent one after
        /// another: in ONE durable transaction, each Claimed post (lease not run out, under its claim) becomes
        /// Sending with a fresh lease and an open attempt. Results are in the order of <paramref name="claims"/>;
        /// only for an applied one may the runner call LinkedIn. Only Claimed posts are accepted (a resend of a
        /// Sending post goes through MarkSending). Marking a post Sending that then is not sent over-approximates
        /// "may exist on LinkedIn", which is safe: <see cref="UnmarkSending"/> takes it back, or, after a crash,
        /// evidence resolution settles it.
        /// </summary>
        IReadOnlyList<TransitionResult> MarkSendingWindow(IReadOnlyList<QueueClaim> claims, DateTimeOffset now, TimeSpan lease);

        /// <summary>
        /// For posts of a window (<see cref="MarkSendingWindow"/>) whose create call the runner did not make and
        /// will not make (cancelled, the author throttled, the connection refused): Sending goes back to Claimed
        /// under the same claim, known not created, and the attempt opened for that call is removed (it was not a
        /// try, so it does not count against MaxAttempts). One transaction. Refused (not applied) unless the post
        /// is Sending under this claim with this claim's window call open (not a resolver's read-back or resend: a post
        /// whose earlier call may have landed is never taken back this way).
        /// </summary>
        IReadOnlyList<TransitionResult> UnmarkSending(IReadOnlyList<QueueClaim> claims, DateTimeOffset now);

        /// <summary>
        /// Sending becomes Published with LinkedIn's URN; the open attempt is closed as Published. LinkedIn's
        /// answer is the best evidence there is, so it is accepted from the run whose create call is the open
        /// attempt even if a resolver has taken the post over meanwhile (its lease ran out mid-call), as long
        /// as the post is still Sending; once anything settled the post, a late answer is refused.
        /// With <paramref name="durable"/> false the commit may be lost to a power cut (never to a process
        /// crash), which leaves the post Sending for evidence resolution: fine unless something that must not
        /// happen twice follows the publish. The runner's first comment is such a thing: it is begun in the publish's
        /// own durable commit (<see cref="MarkPublishedAndBeginFirstComment"/>).
        /// </summary>
        TransitionResult MarkPublished(QueueClaim claim, string postUrn, DateTimeOffset publishedAt, int? httpStatus = null, bool durable = true);

        /// <summary>
        /// <see cref="MarkPublished(QueueClaim, string, DateTimeOffset, int?, bool)"/> for several posts in ONE
        /// transaction (the runner records a window's creates together); each is guarded by its own claim, and the
        /// results are in the order of <paramref name="calls"/>.
        /// </summary>
        IReadOnlyList<TransitionResult> MarkPublished(IReadOnlyList<PublishedCall> calls, bool durable = true);

        /// <summary>
        /// <see cref="MarkPublished(QueueClaim, string, DateTimeOffset, int?, bool)"/> for a post with a first comment, and
        /// in the same durable commit its comment begun (first_comment_state 'Adding'): the comment call follows, and
        /// is never made twice. One commit, so a run that dies after the publish can no longer leave a published post
        /// whose comment no run adds and none reports; it is at worst Adding, which says a person looks. Not applied
        /// (nothing changed, no comment call may be made) as MarkPublished is not.
        /// </summary>
        TransitionResult MarkPublishedAndBeginFirstComment(QueueClaim claim, string postUrn, DateTimeOffset publishedAt, int? httpStatus = null);

        /// <summary>
        /// Records how the first comment begun by <see cref="MarkPublishedAndBeginFirstComment"/> ended: added as
        /// <paramref name="commentUrn"/>, or failed with <paramref name="error"/> (exactly one of the two).
        /// </summary>
        bool FinishFirstComment(long postId, string? commentUrn, string? error, DateTimeOffset now);

        /// <summary>
        /// A person's word that a published post's first comment is there (added by hand, or found after an unclear
        /// answer): Failed or Adding becomes Added, with <paramref name="commentUrn"/> when the person gives it.
        /// Refused (not applied) unless the post is Published with its comment Failed or Adding.
        /// </summary>
        TransitionResult SettleFirstComment(long id, string? commentUrn, DateTimeOffset now);

        /// <summary>Claimed or Sending becomes Failed: it was not created and trying again will not help.</summary>
        TransitionResult MarkFailed(QueueClaim claim, AttemptReport report);

        /// <summary>Claimed or Sending goes back to Pending, due at <paramref name="dueAt"/>: it was not created and a later try may work.</summary>
        TransitionResult RetryLater(QueueClaim claim, DateTimeOffset dueAt, AttemptReport report);

        /// <summary>
        /// Sending becomes Unconfirmed: the outcome is unknown and the evidence did not settle it. Also Claimed: a post
        /// due again whose earlier call may have landed too long ago for LinkedIn's duplicate check to tell (a closed
        /// Unknown attempt records that it was not sent).
        /// </summary>
        TransitionResult MarkUnconfirmed(QueueClaim claim, AttemptReport report);

        /// <summary>
        /// A create call (or a check of one) got no clear answer, and a later look may settle it: Sending under
        /// the claim stays Sending, keeps its claim token, and its lease is set to <paramref name="leaseUntil"/>
        /// (the retry backoff), so that when it runs out a resolver (<see cref="FindExpiredSending"/>,
        /// <see cref="TakeOverExpiredSending"/>) settles it by evidence like a dead run's post. The open attempt
        /// is closed as Unknown with <paramref name="report"/>; when none is open (a check failed before any call)
        /// a closed Unknown attempt is recorded, so checks count against MaxAttempts. The post's last error is the
        /// report's message. Refused unless the post is Sending under this claim.
        /// </summary>
        TransitionResult AwaitEvidence(QueueClaim claim, DateTimeOffset leaseUntil, AttemptReport report);

        /// <summary>
        /// Before a resolver looks for evidence of a Sending post it took over: when no attempt is open (the
        /// post was waiting for evidence, <see cref="AwaitEvidence"/>) one is opened for the check, so whatever
        /// settles it (MarkPublished with the URN, RetryLater, MarkUnconfirmed, AwaitEvidence) is recorded in an
        /// attempt row; while open it has ErrorKind <c>ReadBack</c> (a look, no create call). With a dead run's
        /// attempt still open nothing changes. Refused unless the post is Sending under this claim.
        /// </summary>
        TransitionResult OpenEvidenceCheck(QueueClaim claim, DateTimeOffset now);

        /// <summary>Claimed becomes Missed: its time passed too long ago to post it now.</summary>
        TransitionResult MarkMissed(QueueClaim claim, AttemptReport report);

        /// <summary>Claimed goes back to Pending without an attempt (a runner stopping before it sent anything).</summary>
        TransitionResult Release(QueueClaim claim, DateTimeOffset now);

        /// <summary>
        /// Sending posts whose lease ran out by <paramref name="now"/>: their run died during or around the
        /// create call, so they may or may not exist on LinkedIn. They are for the evidence-resolution path.
        /// </summary>
        IReadOnlyList<ScheduledPost> FindExpiredSending(DateTimeOffset now, int max = 100);

        /// <summary>
        /// Takes an expired Sending post (<see cref="FindExpiredSending"/>) over for evidence resolution: a new
        /// claim for <paramref name="runnerId"/>; the dead run's attempt stays open, so the resolver's
        /// MarkPublished / MarkUnconfirmed / RetryLater / MarkFailed records what that create call really did.
        /// Null when the post is no longer Sending under <paramref name="expiredToken"/> with its lease run out
        /// (another resolver took it, or the original run came back and finished).
        /// </summary>
        ScheduledPost? TakeOverExpiredSending(long id, string expiredToken, DateTimeOffset now, string runnerId, TimeSpan lease);

        /// <summary>
        /// The posts <see cref="ClaimDue"/> would take at <paramref name="now"/>, earliest first, without claiming
        /// anything: Pending posts that are due, and Claimed ones whose lease ran out (for a preview, -WhatIf).
        /// </summary>
        IReadOnlyList<ScheduledPost> FindDue(DateTimeOffset now, int max);

        /// <summary>
        /// Claimed goes back to Pending without an attempt, due no earlier than <paramref name="dueAt"/> (a
        /// runner that will not send it now because LinkedIn throttles its connection's member).
        /// </summary>
        TransitionResult ReleaseUntil(QueueClaim claim, DateTimeOffset dueAt, DateTimeOffset now);

        /// <summary>
        /// Makes every Pending post of <paramref name="connection"/> (whoever its author: the member or one of their
        /// pages) that is due before <paramref name="until"/> due at <paramref name="until"/>, in one statement, and
        /// returns how many changed. Posts due later, and posts in any other state, are left alone.
        /// </summary>
        int DeferPending(string connection, DateTimeOffset until, DateTimeOffset now);

        /// <summary>
        /// The most recent upload of the stored file <paramref name="sha256"/> for <paramref name="author"/> on
        /// <paramref name="apiBase"/> (see <see cref="MediaUploadRecord.ApiBaseKey"/>) made at or after
        /// <paramref name="uploadedSince"/>, or null.
        /// </summary>
        MediaUploadRecord? FindUpload(string sha256, string author, string apiBase, DateTimeOffset uploadedSince);

        /// <summary>
        /// Records (or replaces) the finished upload (AVAILABLE on LinkedIn) of a stored file for an author on an API
        /// host, and forgets any upload of the same key that was still processing: this one supersedes it.
        /// </summary>
        void RecordUpload(MediaUploadRecord upload);

        /// <summary>
        /// The upload of the stored file <paramref name="sha256"/> for <paramref name="author"/> on
        /// <paramref name="apiBase"/> whose bytes LinkedIn accepted at or after <paramref name="acceptedSince"/> and
        /// was still processing when last seen, or null. Never an upload to show in a post as it is: its status must
        /// be checked first. <see cref="FindUpload"/> never returns these.
        /// </summary>
        MediaUploadRecord? FindProcessingUpload(string sha256, string author, string apiBase, DateTimeOffset acceptedSince);

        /// <summary>Records (or replaces) an upload whose bytes LinkedIn accepted and is processing (its UploadedAt: when it accepted them).</summary>
        void RecordProcessingUpload(MediaUploadRecord upload);

        /// <summary>
        /// Forgets the processing upload of <paramref name="upload"/>'s key if it is still that media (LinkedIn could not
        /// process it, or no longer knows it); one another run recorded since, under another URN, is kept.
        /// </summary>
        void ForgetProcessingUpload(MediaUploadRecord upload);

        /// <summary>
        /// Forgets the finished upload of <paramref name="upload"/>'s key if it is still that media: LinkedIn refused a post
        /// that showed it (it no longer knows the URN), so the next try uploads the file again. One another run recorded
        /// since, under another URN, is kept.
        /// </summary>
        void ForgetUpload(MediaUploadRecord upload);

        /// <summary>Pending becomes Held: kept, but not claimed until resumed.</summary>
        TransitionResult Hold(long id, DateTimeOffset now);

        /// <summary>Held becomes Pending.</summary>
        TransitionResult Resume(long id, DateTimeOffset now);

        /// <summary>Pending, Held, Failed, Missed or Unconfirmed becomes Cancelled.</summary>
        TransitionResult Cancel(long id, DateTimeOffset now);

        /// <summary>
        /// A person's new time for a post, as <paramref name="kind"/> says: moves a Pending or Held post
        /// (<see cref="RescheduleKind.Move"/>), re-arms a Failed or Missed one (<see cref="RescheduleKind.Retry"/>) or an
        /// Unconfirmed one that a person checked is not on LinkedIn (<see cref="RescheduleKind.Resend"/>); a post in any
        /// other state is left as it is (not applied). Re-arming sets <see cref="ScheduledPost.AttemptsAtRetry"/> to its
        /// attempts, so the runner gives it a fresh MaxAttempts; a move keeps its budget.
        /// </summary>
        TransitionResult Reschedule(long id, DateTimeOffset scheduledAt, string timeZoneId, DateTimeOffset now, RescheduleKind kind);

        /// <summary>
        /// A post a person found on LinkedIn becomes Published: Unconfirmed, Pending, Held, Failed, Missed or Cancelled, or
        /// Sending while it waits for evidence (no attempt open, so no call in flight); a Claimed post, or a Sending one whose
        /// call may be in flight, is left as it is. Its claim is cleared, so a run's later writes for it are refused.
        /// </summary>
        TransitionResult ConfirmPublished(long id, string postUrn, DateTimeOffset publishedAt, DateTimeOffset now);
    }
}
