using System.Runtime.Versioning;
using System.Security.Cryptography;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>The queue's content-addressed copies of media files.</summary>
public sealed class MediaStoreTests : IDisposable
{
    private readonly TestQueue _queue = new();

    public void Dispose() => _queue.Dispose();

    private MediaStore Media => _queue.Store.Media;

    private string UserFile(string name, byte[] content)
    {
        var folder = Path.Combine(_queue.DataFolder, "..", "user-files");
        Directory.CreateDirectory(folder);
        var path = Path.GetFullPath(Path.Combine(folder, name));
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] Bytes(int length, int seed) => Enumerable.Range(0, length).Select(i => (byte)((i * 31) + seed)).ToArray();

    [Fact]
    public void A_file_is_copied_in_under_the_SHA256_of_its_content()
    {
        var content = Bytes(200_000, 1);
        var source = UserFile("chart.png", content);

        var stored = Media.Add(source);

        var expected = Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
        Assert.Equal(expected, stored.Sha256);
        Assert.Equal(200_000, stored.Length);
        Assert.Equal(Path.Combine(_queue.DataFolder, "media", expected), stored.Path);
        Assert.Equal(content, File.ReadAllBytes(stored.Path));
        Assert.Equal(MediaCheck.Intact, Media.Check(expected));
        Assert.Empty(Directory.GetFiles(Media.Folder, ".incoming-*"));
    }

    [Fact]
    public void A_file_gone_between_its_check_and_its_copy_is_the_rows_media_error_not_a_raw_IO_error()
    {
        var path = UserFile("gone.png", Bytes(64, 3));
        var hash = MediaStore.HashOf(path);
        File.Delete(path);

        // Register turns a LinkedInException into one row's error; a raw IOException would stop the whole import.
        var copying = Assert.Throws<LinkedInValidationException>(() => Media.Add(path));
        var hashing = Assert.Throws<LinkedInValidationException>(() => MediaStore.HashOf(path));

        Assert.Equal(("LinkedInInvalidMedia", "LinkedInInvalidMedia"), (copying.ErrorId, hashing.ErrorId));
        Assert.Contains("'" + path + "' does not exist", copying.Message);
        Assert.IsType<FileNotFoundException>(copying.InnerException);
        Assert.False(Media.Contains(hash));
    }

    [Fact]
    public void The_same_content_is_stored_once_whatever_its_name()
    {
        var a = Media.Add(UserFile("a.png", Bytes(1000, 2)));
        var b = Media.Add(UserFile("copy of a.png", Bytes(1000, 2)));
        var c = Media.Add(UserFile("c.png", Bytes(1000, 3)));

        Assert.Equal(a.Sha256, b.Sha256);
        Assert.NotEqual(a.Sha256, c.Sha256);
        Assert.Equal(2, Directory.GetFiles(Media.Folder).Length);
    }

    [Fact]
    public void Moving_or_editing_the_original_changes_nothing_for_the_scheduled_post()
    {
        var source = UserFile("report.pdf", Bytes(5000, 4));
        var stored = Media.Add(source);
        _queue.Store.RegisterBatch(new[] { TestQueue.Post("with-report", TestQueue.Start, media: new[] { stored.Sha256 }) });

        File.WriteAllBytes(source, Bytes(5000, 5));
        File.Move(source, source + ".moved");

        var post = _queue.Store.GetByKey("with-report")!;
        var verified = Media.Verify(Assert.Single(post.MediaHashes));
        Assert.Equal(Bytes(5000, 4), File.ReadAllBytes(verified.Path));
        using var stream = Media.OpenVerified(post.MediaHashes[0]);
        Assert.Equal(5000, stream.Length);
    }

    [Fact]
    public void An_edited_stored_file_is_detected_and_never_handed_out()
    {
        var stored = Media.Add(UserFile("photo.jpg", Bytes(3000, 6)));
        var tampered = File.ReadAllBytes(stored.Path);
        tampered[1500] ^= 0xFF;
        File.WriteAllBytes(stored.Path, tampered);

        Assert.Equal(MediaCheck.Corrupted, Media.Check(stored.Sha256));
        var e = Assert.Throws<LinkedInQueueException>(() => Media.OpenVerified(stored.Sha256));
        Assert.Equal("LinkedInQueueMediaCorrupted", e.ErrorId);
        Assert.Equal(stored.Path, e.Path);
        Assert.Contains("changed after it was registered", e.Message);

        // Adding the original again repairs the stored copy.
        Media.Add(UserFile("photo-again.jpg", Bytes(3000, 6)));
        Assert.Equal(MediaCheck.Intact, Media.Check(stored.Sha256));
    }

    [Fact]
    public void A_deleted_stored_file_is_reported_missing()
    {
        var stored = Media.Add(new MemoryStream(Bytes(10, 7)));
        File.Delete(stored.Path);

        Assert.Equal(MediaCheck.Missing, Media.Check(stored.Sha256));
        Assert.False(Media.Contains(stored.Sha256));
        Assert.Equal("LinkedInQueueMediaMissing", Assert.Throws<LinkedInQueueException>(() => Media.Verify(stored.Sha256)).ErrorId);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Stored_files_are_private_to_the_account()
    {
        var stored = Media.Add(new MemoryStream(Bytes(10, 8)));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Media.Folder));
    }

    [Fact]
    public void Only_lowercase_SHA256_names_are_accepted()
    {
        Assert.Throws<ArgumentException>(() => Media.PathOf("../../etc/passwd"));
        Assert.Throws<ArgumentException>(() => Media.PathOf(new string('A', 64)));
        Assert.False(Media.Contains("../queue.db"));
    }
}
