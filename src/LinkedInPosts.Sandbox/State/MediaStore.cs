using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// Images, documents and videos with their upload URLs, processing times and forced failures.
/// Call only under <see cref="SandboxState.Sync"/>; the bytes themselves live in <see cref="MediaFiles"/>.
/// </summary>
internal sealed class MediaStore
{
    /// <summary>LinkedIn's video part size: one upload instruction per 4 MiB, the last one shorter (linkedin-api.md 3.3).</summary>
    public const long PartSize = 4_194_304;

    /// <summary>The largest video the sandbox takes: CData's 5 GiB, the most any source reports (linkedin-api.md 3.3).</summary>
    public const long MaxVideoBytes = 5L * 1024 * 1024 * 1024;

    /// <summary>How long upload URLs work, by the sandbox clock. LinkedIn does not document it (see the README).</summary>
    public static readonly TimeSpan UploadUrlLifetime = TimeSpan.FromHours(24);

    /// <summary>How long a download URL from the status call works, by the sandbox clock.</summary>
    public static readonly TimeSpan DownloadUrlLifetime = TimeSpan.FromHours(1);

    public static TimeSpan DefaultProcessingTime(SandboxMediaKind kind) =>
        kind == SandboxMediaKind.Video ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, MediaRecord> _byUrn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadSlot> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MediaRecord> _byDownloadId = new(StringComparer.Ordinal);
    private readonly Dictionary<SandboxMediaKind, TimeSpan> _processingTimes = new();
    private readonly Dictionary<SandboxMediaKind, int> _failNext = new();
    private readonly byte[] _downloadKey = RandomNumberGenerator.GetBytes(32);
    private long _sequence;

    public MediaStore() => Clear();

    public IEnumerable<MediaRecord> All => _byUrn.Values.OrderBy(m => m.Sequence);

    public MediaRecord? Find(string urn) => _byUrn.GetValueOrDefault(urn);

    public UploadSlot? FindSlot(string id) => _slots.GetValueOrDefault(id);

    public MediaRecord? FindByDownloadId(string id) => _byDownloadId.GetValueOrDefault(id);

    /// <summary>A new media with its upload URLs: one for an image or document, one per 4 MiB part for a video.</summary>
    public MediaRecord Create(SandboxMediaKind kind, string owner, DateTimeOffset now, long? videoSize)
    {
        string urn;
        do
        {
            urn = UrnPrefix(kind) + RandomIds.MediaId(kind);
        }
        while (_byUrn.ContainsKey(urn));

        var media = new MediaRecord
        {
            Urn = urn,
            Kind = kind,
            Owner = owner,
            Sequence = ++_sequence,
            CreatedAt = now,
            UploadUrlsExpireAt = now + UploadUrlLifetime,
            DeclaredSize = videoSize,
            DownloadId = NewKey(_byDownloadId.ContainsKey),
        };
        if (kind == SandboxMediaKind.Video)
        {
            var size = videoSize ?? throw new ArgumentNullException(nameof(videoSize));
            for (long first = 0, index = 0; first < size; first += PartSize, index++)
            {
                AddSlot(media, (int)index, first, Math.Min(first + PartSize, size) - 1);
            }
        }
        else
        {
            AddSlot(media, 0, null, null);
        }
        _byUrn.Add(urn, media);
        _byDownloadId.Add(media.DownloadId, media);
        return media;
    }

    /// <summary>
    /// The upload is complete (image, document) or finalized (video): processing starts now and takes the
    /// processing time configured now. It fails if the admin API marked this media, if the bytes are not the
    /// kind's format, or if a "fail the next N" count for the kind is left (each completed upload uses one).
    /// </summary>
    public void StartProcessing(MediaRecord media, DateTimeOffset now, string? formatProblem)
    {
        var forcedByCount = _failNext[media.Kind] > 0;
        if (forcedByCount)
        {
            _failNext[media.Kind]--;
        }
        media.FailureReason ??= formatProblem
            ?? (forcedByCount ? "processing failure requested through POST /sandbox/media/fail-processing (next uploads)" : null);
        media.ProcessingEndsAt = now + _processingTimes[media.Kind];
    }

    public TimeSpan ProcessingTime(SandboxMediaKind kind) => _processingTimes[kind];

    public void SetProcessingTime(SandboxMediaKind kind, TimeSpan time) => _processingTimes[kind] = time;

    public void FailNext(SandboxMediaKind kind, int count) => _failNext[kind] += count;

    /// <summary>The download URL's signature over its id and expiry, so a URL cannot outlive its expiry.</summary>
    public string SignDownload(string downloadId, long expiresAtMilliseconds)
    {
        var data = Encoding.UTF8.GetBytes(downloadId + ":" + expiresAtMilliseconds.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(HMACSHA256.HashData(_downloadKey, data));
    }

    /// <summary>
    /// The ETag of a video part: opaque, the same for the same bytes sent to the same part again, and
    /// different for every part even when two parts hold the same bytes, so misordered ETags always show.
    /// </summary>
    public static string PartETag(UploadSlot slot, string sha256) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(slot.Id + ":" + sha256)))[..40];

    public static string UrnPrefix(SandboxMediaKind kind) => kind switch
    {
        SandboxMediaKind.Image => "urn:li:image:",
        SandboxMediaKind.Document => "urn:li:document:",
        _ => "urn:li:video:",
    };

    public void Clear()
    {
        _byUrn.Clear();
        _slots.Clear();
        _byDownloadId.Clear();
        foreach (var kind in Enum.GetValues<SandboxMediaKind>())
        {
            _processingTimes[kind] = DefaultProcessingTime(kind);
            _failNext[kind] = 0;
        }
        _sequence = 0;
    }

    private void AddSlot(MediaRecord media, int index, long? first, long? last)
    {
        var slot = new UploadSlot { Id = NewKey(_slots.ContainsKey), Media = media, Index = index, FirstByte = first, LastByte = last };
        media.Slots.Add(slot);
        _slots.Add(slot.Id, slot);
    }

    private static string NewKey(Func<string, bool> taken)
    {
        string key;
        do
        {
            key = RandomIds.UploadKey();
        }
        while (taken(key));
        return key;
    }
}
