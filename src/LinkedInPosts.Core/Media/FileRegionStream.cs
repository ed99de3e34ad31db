using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace LinkedInPosts.Core.Media
{
    /// <summary>
    /// Bytes [start, start + length) of a file, read straight from disk into the caller's buffer (no
    /// buffer of its own), so an upload holds only the HTTP stack's copy buffer whatever the size.
    /// With a hash, bytes read in order from the start are hashed on the way; a seek elsewhere marks the
    /// hash incomplete. A file that ends early (changed since it was checked) is an IOException.
    /// </summary>
    internal sealed class FileRegionStream : Stream
    {
        private readonly FileStream _file;
        private readonly string _path;
        private readonly long _start;
        private readonly long _length;
        private readonly IncrementalHash? _hash;
        private long _position;
        private long _hashed;

        public FileRegionStream(string path, long start, long length, IncrementalHash? hash = null)
        {
            _path = path;
            _start = start;
            _length = length;
            _hash = hash;
            // bufferSize 1: no FileStream buffer; reads go directly into the HTTP stack's buffer.
            _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            _file.Position = start;
        }

        /// <summary>True when every byte of the region went through the hash, in order.</summary>
        public bool HashComplete => _hash != null && _hashed == _length;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _length;

        public override long Position
        {
            get => _position;
            set => Seek(value, SeekOrigin.Begin);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var wanted = Wanted(count);
            if (wanted == 0)
            {
                return 0;
            }
            return Advance(buffer, offset, _file.Read(buffer, offset, wanted));
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var wanted = Wanted(count);
            if (wanted == 0)
            {
                return 0;
            }
            return Advance(buffer, offset, await _file.ReadAsync(buffer, offset, wanted, cancellationToken).ConfigureAwait(false));
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            var target = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => _length + offset,
            };
            if (target < 0 || target > _length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "Outside the file region.");
            }
            if (target != _hashed)
            {
                _hashed = -1; // the hash no longer follows the bytes in order
            }
            _file.Position = _start + target;
            _position = target;
            return _position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _file.Dispose();
            }
            base.Dispose(disposing);
        }

        private int Wanted(int count) => (int)Math.Min(count, _length - _position);

        private int Advance(byte[] buffer, int offset, int read)
        {
            if (read == 0)
            {
                throw new IOException(
                    $"'{_path}' ended at byte {_start + _position:N0}, before the {_start + _length:N0} bytes being uploaded: the file changed after it was checked. Upload it again once it no longer changes.");
            }
            if (_hash != null && _hashed == _position)
            {
                _hash.AppendData(buffer, offset, read);
                _hashed += read;
            }
            _position += read;
            return read;
        }
    }
}
