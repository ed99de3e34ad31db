using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LinkedInPosts.Core.Api
{
    /// <summary>
    /// An upload body that tells the transport about every read (for progress and the stall timeout) and
    /// keeps the exception of a failed read, which HttpClient would otherwise bury in a network error.
    /// </summary>
    internal sealed class ObservedStream : Stream
    {
        private readonly Stream _inner;
        private readonly Action<int> _onRead;

        public ObservedStream(Stream inner, Action<int> onRead)
        {
            _inner = inner;
            _onRead = onRead;
        }

        /// <summary>The exception the body itself threw (the file, not the network), if any.</summary>
        public Exception? ReadFailure { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => _inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => _inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Observe(_inner.Read(buffer, offset, count));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                ReadFailure = ex;
                throw;
            }
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            try
            {
                return Observe(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                ReadFailure = ex;
                throw;
            }
        }

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }
            base.Dispose(disposing);
        }

        private int Observe(int read)
        {
            if (read > 0)
            {
                _onRead(read);
            }
            return read;
        }
    }
}
