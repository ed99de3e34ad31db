using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Errors;
using Microsoft.Identity.Client.Extensions.Msal;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// The store's lock: MSAL's <see cref="CrossPlatLock"/> on a lock file next to the store (an exclusive
    /// file lock, so it holds across processes and is not tied to a thread, which lets
    /// <see cref="IConnectionStore.UpdateAsync"/> keep it across an await), behind an in-process gate per
    /// lock file so threads of one process queue up without polling the file. The wait is bounded; past
    /// it the caller gets <see cref="TokenStoreFailure.Locked"/>. Re-entrant within one async flow, so an
    /// update delegate may read the store it is updating.
    /// </summary>
    internal sealed class StoreLock
    {
        private const int RetryDelayMilliseconds = 50;

        private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates =
            new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.Ordinal);

        private static readonly AsyncLocal<string?> HeldInThisFlow = new AsyncLocal<string?>();

        private readonly string _path;
        private readonly TimeSpan _timeout;
        private readonly SemaphoreSlim _gate;

        public StoreLock(string lockFilePath, TimeSpan timeout)
        {
            _path = Path.GetFullPath(lockFilePath);
            _timeout = timeout <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(RetryDelayMilliseconds) : timeout;
            _gate = Gates.GetOrAdd(_path, _ => new SemaphoreSlim(1, 1));
        }

        public string LockFilePath => _path;

        public IDisposable Acquire()
        {
            if (HeldInThisFlow.Value == _path)
            {
                return NoRelease.Instance;
            }
            var started = DateTime.UtcNow;
            if (!_gate.Wait(_timeout))
            {
                throw TimedOut(null);
            }
            var release = TakeFileLock(started);
            HeldInThisFlow.Value = _path;
            return release;
        }

        /// <summary>
        /// Takes the lock without blocking a thread on the in-process gate. An async method cannot pass an
        /// <see cref="AsyncLocal{T}"/> change back to its caller, so the caller calls
        /// <see cref="ClaimForThisFlow"/> after the await to make nested reads re-entrant.
        /// </summary>
        public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
        {
            if (HeldInThisFlow.Value == _path)
            {
                return NoRelease.Instance;
            }
            var started = DateTime.UtcNow;
            if (!await _gate.WaitAsync(_timeout, cancellationToken).ConfigureAwait(false))
            {
                throw TimedOut(null);
            }
            return TakeFileLock(started);
        }

        private IDisposable TakeFileLock(DateTime started)
        {
            CrossPlatLock fileLock;
            try
            {
                var left = _timeout - (DateTime.UtcNow - started);
                var tries = Math.Max(1, (int)Math.Ceiling(left.TotalMilliseconds / RetryDelayMilliseconds));
                fileLock = new CrossPlatLock(_path, RetryDelayMilliseconds, tries);
            }
            catch (InvalidOperationException e)
            {
                _gate.Release();
                throw TimedOut(e);
            }
            catch
            {
                _gate.Release();
                throw;
            }
            return new Release(this, fileLock);
        }

        /// <summary>Marks the lock as held by the calling async flow (see <see cref="AcquireAsync"/>).</summary>
        public void ClaimForThisFlow() => HeldInThisFlow.Value = _path;

        private LinkedInTokenStoreException TimedOut(Exception? inner) =>
            new LinkedInTokenStoreException(
                TokenStoreFailure.Locked,
                "The token store is busy: another LinkedInPosts process (or another command in this one) held its lock " + _path +
                " for more than " + Math.Round(_timeout.TotalSeconds, 1) + " seconds, for example while refreshing a token. " +
                "Try again when it has finished. The lock goes with the process that holds it, even if that process crashes, so " +
                "there is nothing to delete; a stale file without a process is not a held lock.",
                inner);

        private sealed class Release : IDisposable
        {
            private StoreLock? _owner;
            private readonly CrossPlatLock _fileLock;

            public Release(StoreLock owner, CrossPlatLock fileLock)
            {
                _owner = owner;
                _fileLock = fileLock;
            }

            public void Dispose()
            {
                var owner = Interlocked.Exchange(ref _owner, null);
                if (owner == null)
                {
                    return;
                }
                HeldInThisFlow.Value = null;
                try
                {
                    _fileLock.Dispose();
                }
                finally
                {
                    owner._gate.Release();
                }
            }
        }

        private sealed class NoRelease : IDisposable
        {
            public static readonly NoRelease Instance = new NoRelease();

            public void Dispose()
            {
            }
        }
    }
}
