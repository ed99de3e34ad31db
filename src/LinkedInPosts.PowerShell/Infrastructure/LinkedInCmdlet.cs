using System;
using System.IO;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.PowerShell.Connections;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of every LinkedInPosts cmdlet. It runs Core's async work from the pipeline thread while
    /// pumping Core's log messages to the Verbose and Warning streams on that same thread (PowerShell
    /// rejects Write* calls from other threads), cancels the work on Ctrl+C (StopProcessing), finds the
    /// connection a cmdlet works with, and turns Core's exceptions into ErrorRecords.
    /// </summary>
    public abstract class LinkedInCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly PipelineMessages _messages = new PipelineMessages();
        private readonly HashSet<string> _storeWarned = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _sessionsChecked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        internal CancellationToken StopProcessingToken => _stopping.Token;

        /// <summary>
        /// Stops the cmdlet with <paramref name="errorRecord"/>, as <see cref="Cmdlet.ThrowTerminatingError"/>
        /// does, after <see cref="BeforeTerminatingError"/> (hides the base method, so every terminating error
        /// of a LinkedInCmdlet, including those FindSession and the token store raise, passes the hook).
        /// </summary>
        public new void ThrowTerminatingError(ErrorRecord errorRecord)
        {
            BeforeTerminatingError();
            base.ThrowTerminatingError(errorRecord);
        }

        /// <summary>
        /// Runs just before a terminating error, while the cmdlet can still write output (once it is thrown,
        /// the pipeline is stopped and EndProcessing does not run): a cmdlet that buffers work commits it here.
        /// </summary>
        protected virtual void BeforeTerminatingError()
        {
        }

        /// <inheritdoc />
        protected override void StopProcessing()
        {
            _stopping.Cancel();
            base.StopProcessing();
        }

        /// <summary>Runs Core's work to completion, writing its messages as they arrive.</summary>
        internal T Run<T>(Func<CancellationToken, Task<T>> work)
        {
            var task = Start(work);
            Pump(task);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (StopProcessingToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Queues text for the user's console from any thread (Core's work runs on the thread pool); it is
        /// written on the pipeline thread while <see cref="Run{T}"/> waits.
        /// </summary>
        internal void QueueHostMessage(string text) => _messages.Host(text);

        /// <summary>
        /// Queues a progress bar update from any thread (an upload reports from the thread pool); it is
        /// written on the pipeline thread while <see cref="Run{T}"/> waits. Only the newest update of a bar
        /// is written when several arrive between two writes.
        /// </summary>
        internal void QueueProgress(ProgressRecord record) => _messages.Progress(record);

        /// <summary>
        /// Queues work that writes to the pipeline (WriteObject, WriteError) from any thread; it runs on the
        /// pipeline thread while <see cref="Run{T}"/> waits, in order with the messages queued around it. Once
        /// writing has failed (the pipeline is stopping) queued work is dropped, not run.
        /// </summary>
        internal void QueueOnPipeline(Action work) => _messages.OnPipeline(work);

        /// <summary>Runs Core's work that has no result, writing its messages as they arrive.</summary>
        internal void Run(Func<CancellationToken, Task> work) =>
            Run<bool>(async cancellationToken =>
            {
                await work(cancellationToken).ConfigureAwait(false);
                return true;
            });

        private Task<T> Start<T>(Func<CancellationToken, Task<T>> work)
        {
            // The ambient log flows into the task (and every await inside it) from here, and is reset on
            // the pipeline thread right after, so only this cmdlet's work reports to this cmdlet.
            var previous = AmbientLog.Current;
            AmbientLog.Current = _messages;
            try
            {
                var token = StopProcessingToken;
                return Task.Run(() => work(token), token);
            }
            finally
            {
                AmbientLog.Current = previous;
            }
        }

        private void Pump(Task task)
        {
            // Core's work is always waited for, even when writing a message fails (for instance
            // because the pipeline is stopping): nothing may touch Core's objects while it still runs.
            ExceptionDispatchInfo? writeFailure = null;
            var wakeUps = new[] { _messages.Arrived, ((IAsyncResult)task).AsyncWaitHandle };
            while (true)
            {
                var finished = task.IsCompleted;
                if (writeFailure == null)
                {
                    try
                    {
                        WriteQueuedMessages(write: true);
                    }
                    catch (Exception exception)
                    {
                        writeFailure = ExceptionDispatchInfo.Capture(exception);
                        // The command is ending (a stop, or -ErrorAction Stop on an error written from
                        // here): Core's work is told to stop too, then waited for.
                        _stopping.Cancel();
                    }
                }
                else
                {
                    WriteQueuedMessages(write: false);
                }
                if (finished)
                {
                    break;
                }
                WaitHandle.WaitAny(wakeUps);
            }
            writeFailure?.Throw();
        }

        private void WriteQueuedMessages(bool write)
        {
            while (_messages.TryTake(out var kind, out var text, out var progress))
            {
                var callback = kind == PipelineMessageKind.Callback ? _messages.TakeCallback() : null;
                if (!write)
                {
                    continue;
                }
                if (callback != null)
                {
                    callback();
                    continue;
                }
                if (kind == PipelineMessageKind.Progress)
                {
                    if (progress != null)
                    {
                        WriteProgress(progress);
                    }
                }
                else if (kind == PipelineMessageKind.Warning)
                {
                    WriteWarning(text);
                }
                else if (kind == PipelineMessageKind.Host)
                {
                    // The Information stream, tagged PSHOST as Write-Host does: shown on the console whatever
                    // $InformationPreference says, and there for a host or script that captures the stream.
                    WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST" });
                }
                else
                {
                    WriteVerbose(text);
                }
            }
        }

        /// <summary>
        /// The connection called <paramref name="name"/> (<c>default</c> when null): this runspace's, or
        /// else the one in the OS account's token store (so a scheduled task finds the connection made
        /// interactively, without Connect-LinkedIn). Without one nothing can run, so this is a terminating
        /// error that names the command to run. Warns once per command when the store is not protected.
        /// </summary>
        internal LinkedInSession GetSession(string? name)
        {
            var wanted = ConnectionName(name);
            var session = FindSession(wanted, out var store);
            if (session == null)
            {
                ThrowTerminatingError(LinkedInErrorRecords.NotConnected(wanted, ConnectionRegistry.Current.Names, store!, FromStore(store!, s => s.Load(), wanted)));
            }
            return session!;
        }

        /// <summary>
        /// The connection called <paramref name="name"/> from this runspace or the token store, or null
        /// (with the store that was looked in) when there is none. A store that cannot be used is a
        /// terminating error.
        /// </summary>
        internal LinkedInSession? FindSession(string name, out LockedConnectionStore? store)
        {
            var registry = ConnectionRegistry.Current;
            if (registry.TryGet(name, out var cached))
            {
                store = cached!.Store;
                WarnAboutStore(store);
                return StillStored(registry, cached);
            }

            store = OpenStore();
            WarnAboutStore(store);
            var stored = FromStore(store, s => s.Find(name), name);
            if (stored == null)
            {
                return null;
            }
            var session = LinkedInSession.Open(stored, store, ModuleClock.Current);
            registry.Set(session);
            _sessionsChecked.Add(name); // just read from the store: no second look in this command
            return session;
        }

        /// <summary>
        /// This session's connection as the token store has it now, checked once per command: another window (or a
        /// script) may have connected the name again, as another member, or disconnected it. Before, this session went
        /// on posting as the old member while Get-LinkedInConnection showed the new one, and later mixed the two.
        /// Null when it was disconnected. A store that cannot be read now leaves the session as it is.
        /// </summary>
        private LinkedInSession? StillStored(ConnectionRegistry registry, LinkedInSession cached)
        {
            if (!_sessionsChecked.Add(cached.Name))
            {
                return cached;
            }
            StoredConnection? stored;
            try
            {
                stored = cached.Store.Find(cached.Name);
            }
            catch (LinkedInTokenStoreException exception)
            {
                WriteVerbose($"Connection '{cached.Name}' could not be compared with the token store ({exception.Message}); it is used as this session has it.");
                return cached;
            }
            if (stored == null)
            {
                registry.Remove(cached.Name);
                WriteVerbose($"Connection '{cached.Name}' was disconnected elsewhere (it is no longer in {cached.Store.Description}).");
                return null;
            }
            if (stored.MemberUrn == cached.Stored.MemberUrn && stored.ConnectedAt == cached.Stored.ConnectedAt && stored.ApiBase == cached.Stored.ApiBase)
            {
                return cached;
            }
            var session = LinkedInSession.Open(stored, cached.Store, ModuleClock.Current);
            registry.Set(session);
            WriteVerbose($"Connection '{cached.Name}' was connected again elsewhere (now as {stored.MemberUrn}); this command uses that connection.");
            return session;
        }

        /// <summary>The connection name to use: <paramref name="name"/> trimmed, or <c>default</c>.</summary>
        internal static string ConnectionName(string? name) =>
            string.IsNullOrWhiteSpace(name) ? ConnectionRegistry.DefaultName : name!.Trim();

        /// <summary>
        /// The OS account's token store. None usable (no protected store, no opt-in) is a terminating
        /// error that says how to opt in to the plain-text file.
        /// </summary>
        internal LockedConnectionStore OpenStore(bool allowPlainText = false)
        {
            try
            {
                return OpenStoreOrThrow(allowPlainText);
            }
            catch (LinkedInTokenStoreException exception)
            {
                ThrowTerminatingError(LinkedInErrorRecords.From(exception, null));
                throw;
            }
            catch (FileLoadException exception) when (DependencyConflict.From(exception) is { } conflict)
            {
                ThrowTerminatingError(conflict);
                throw;
            }
        }

        /// <summary><see cref="OpenStore"/> for a caller that reports a failure its own way: a <see cref="LinkedInTokenStoreException"/>.</summary>
        internal static LockedConnectionStore OpenStoreOrThrow(bool allowPlainText = false)
        {
            var registry = ConnectionRegistry.Current;
            registry.PlainTextAllowed |= allowPlainText;
            return ConnectionStoreFactory.Open(new ConnectionStoreOptions { AllowPlainTextFile = registry.PlainTextAllowed });
        }

        /// <summary>Runs a store operation; a store that cannot be read or locked is a terminating error.</summary>
        internal T FromStore<T>(LockedConnectionStore store, Func<LockedConnectionStore, T> operation, object? target)
        {
            try
            {
                return operation(store);
            }
            catch (LinkedInTokenStoreException exception)
            {
                ThrowTerminatingError(LinkedInErrorRecords.From(exception, target));
                throw;
            }
        }

        /// <summary>Writes the store's warning (plain-text file, left-over file), once per command.</summary>
        internal void WarnAboutStore(LockedConnectionStore store)
        {
            var warning = store.Warning;
            if (warning != null && _storeWarned.Add(warning))
            {
                WriteWarning(warning);
            }
        }

        /// <summary>
        /// Reports an error Core raised for one input. Errors about the connection itself (refused
        /// token, retired API version, daily limit) stop the cmdlet, since every further input would
        /// fail the same way; anything else is written and the pipeline goes on with the next input.
        /// An error about the token names the connection and the exact command that makes it again.
        /// </summary>
        internal void WriteLinkedInError(LinkedInException exception, object? target, LinkedInSession? session = null)
        {
            var record = exception is LinkedInAuthException auth && session != null
                ? LinkedInErrorRecords.ForConnection(auth, session, target)
                : LinkedInErrorRecords.From(exception, target);
            if (LinkedInErrorRecords.StopsEverything(exception))
            {
                ThrowTerminatingError(record);
            }
            WriteError(record);
        }

        /// <summary>Parses a post URN; on failure writes an error for this input and returns null.</summary>
        internal LinkedInUrn? ParsePostUrnOrWriteError(string parameterName, string? value)
        {
            try
            {
                return LinkedInUrn.ParsePost(value ?? string.Empty);
            }
            catch (FormatException exception)
            {
                WriteError(LinkedInErrorRecords.InvalidUrn(parameterName, value, exception));
                return null;
            }
        }

        /// <summary>Parses an author URN (person or organization); on failure writes an error and returns null.</summary>
        internal LinkedInUrn? ParseAuthorUrnOrWriteError(string parameterName, string? value)
        {
            try
            {
                return LinkedInUrn.ParseAuthor(value ?? string.Empty);
            }
            catch (FormatException exception)
            {
                WriteError(LinkedInErrorRecords.InvalidUrn(parameterName, value, exception));
                return null;
            }
        }

        /// <summary>Releases the cancellation source; PowerShell calls this when the pipeline ends.</summary>
        public void Dispose()
        {
            _stopping.Dispose();
            _messages.Arrived.Dispose();
        }
    }
}
