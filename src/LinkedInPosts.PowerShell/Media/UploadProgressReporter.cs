using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using LinkedInPosts.Core.Media;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Media
{
    /// <summary>
    /// Core's upload progress as PowerShell progress bars, one bar per file. Core reports from thread-pool
    /// threads (several at once for a video's parallel parts); each report becomes a
    /// <see cref="ProgressRecord"/> queued on the cmdlet, which writes it on the pipeline thread. A bar
    /// is completed when its upload reports <see cref="UploadStage.Completed"/>, and <see cref="Dispose"/>
    /// (on the pipeline thread) completes any bar left open by a failure or Ctrl+C.
    /// </summary>
    internal sealed class UploadProgressReporter : IProgress<UploadProgress>, IDisposable
    {
        private readonly LinkedInCmdlet _cmdlet;
        private readonly object _gate = new object();
        private readonly Dictionary<string, ProgressRecord> _open = new Dictionary<string, ProgressRecord>(StringComparer.Ordinal);
        private readonly HashSet<string> _completed = new HashSet<string>(StringComparer.Ordinal);
        private int _nextActivityId;

        private readonly int _parentActivityId;

        /// <param name="cmdlet">The cmdlet whose pipeline thread writes the bars.</param>
        /// <param name="firstActivityId">The id of the first bar; each further file gets the next one.</param>
        /// <param name="parentActivityId">The bar the upload bars belong under (a queue run's), or -1 for none.</param>
        public UploadProgressReporter(LinkedInCmdlet cmdlet, int firstActivityId = 1, int parentActivityId = -1)
        {
            _cmdlet = cmdlet;
            _nextActivityId = firstActivityId;
            _parentActivityId = parentActivityId;
        }

        /// <summary>The id the next new bar gets; a cmdlet that reports several uploads continues from here.</summary>
        public int NextActivityId
        {
            get
            {
                lock (_gate)
                {
                    return _nextActivityId;
                }
            }
        }

        /// <summary>Turns one report into its bar's state and queues it (any thread).</summary>
        public void Report(UploadProgress value)
        {
            if (value == null)
            {
                return;
            }
            ProgressRecord record;
            lock (_gate)
            {
                if (!_open.TryGetValue(value.FileName, out var current))
                {
                    // A report from a part's thread can arrive after the file's last one: it does not reopen
                    // the bar. Only a new upload (of another file of the same name) starts with Initializing.
                    if (value.Stage == UploadStage.Completed || (value.Stage != UploadStage.Initializing && _completed.Contains(value.FileName)))
                    {
                        return;
                    }
                    _completed.Remove(value.FileName);
                    current = new ProgressRecord(_nextActivityId++, Activity(value.FileName), "Starting");
                    _open.Add(value.FileName, current);
                }
                record = new ProgressRecord(current.ActivityId, current.Activity, Status(value))
                {
                    ParentActivityId = _parentActivityId,
                    PercentComplete = value.Stage == UploadStage.Uploading ? value.PercentComplete
                        : value.Stage == UploadStage.Initializing ? 0
                        : 100,
                    CurrentOperation = Operation(value),
                };
                if (value.Stage == UploadStage.Completed)
                {
                    record.RecordType = ProgressRecordType.Completed;
                    _open.Remove(value.FileName);
                    _completed.Add(value.FileName);
                }
            }
            _cmdlet.QueueProgress(record);
        }

        /// <summary>Completes the bars still open (an upload failed or was stopped). Pipeline thread only.</summary>
        public void Dispose()
        {
            List<ProgressRecord> open;
            lock (_gate)
            {
                open = new List<ProgressRecord>(_open.Values);
                _open.Clear();
            }
            foreach (var bar in open)
            {
                try
                {
                    _cmdlet.WriteProgress(new ProgressRecord(bar.ActivityId, bar.Activity, "Stopped") { ParentActivityId = _parentActivityId, RecordType = ProgressRecordType.Completed });
                }
                catch (PipelineStoppedException)
                {
                    // Ctrl+C: PowerShell clears the bars of a stopped pipeline itself.
                    return;
                }
            }
        }

        private static string Activity(string fileName) => "Uploading " + fileName + " to LinkedIn";

        private static string Status(UploadProgress value)
        {
            switch (value.Stage)
            {
                case UploadStage.Initializing:
                    return "Asking LinkedIn where to upload";
                case UploadStage.Uploading:
                    return Bytes(value.BytesSent) + " of " + Bytes(value.TotalBytes) + " sent" +
                        (value.TotalParts > 1 ? $", {value.PartsDone} of {value.TotalParts} parts done" : string.Empty);
                case UploadStage.Finalizing:
                    return $"All {value.TotalParts} parts sent ({Bytes(value.TotalBytes)}); LinkedIn is putting the video together";
                case UploadStage.Processing:
                    return Bytes(value.TotalBytes) + " sent; LinkedIn is processing it";
                default:
                    return "Available on LinkedIn";
            }
        }

        private static string Operation(UploadProgress value) =>
            value.Stage == UploadStage.Processing ? "Waiting until LinkedIn reports it AVAILABLE (videos can take minutes)" : value.Stage.ToString();

        /// <summary>A size as people read it: bytes, KB or MB (powers of 1000, as file managers mostly show).</summary>
        internal static string Bytes(long bytes)
        {
            var culture = CultureInfo.InvariantCulture;
            if (bytes >= 1_000_000)
            {
                return (bytes / 1_000_000.0).ToString("0.0", culture) + " MB";
            }
            if (bytes >= 1000)
            {
                return (bytes / 1000.0).ToString("0.0", culture) + " KB";
            }
            return bytes.ToString(culture) + " bytes";
        }
    }
}
