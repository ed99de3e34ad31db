using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Tests.Media;

/// <summary>Media kinds come from the files' content, and LinkedIn's limits are checked before any upload.</summary>
public sealed class MediaFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, byte[], MediaFormat, MediaKind> Supported() => new()
    {
        { "photo.png", SampleFiles.Png(1200, 627), MediaFormat.Png, MediaKind.Image },
        { "photo.jpg", SampleFiles.Jpeg(1920, 1080), MediaFormat.Jpeg, MediaKind.Image },
        { "loop.gif", SampleFiles.Gif(320, 240, frames: 3), MediaFormat.Gif, MediaKind.Image },
        { "deck.pdf", SampleFiles.Pdf(), MediaFormat.Pdf, MediaKind.Document },
        { "deck.pptx", SampleFiles.OfficeOpenXml("ppt"), MediaFormat.Pptx, MediaKind.Document },
        { "memo.docx", SampleFiles.OfficeOpenXml("word"), MediaFormat.Docx, MediaKind.Document },
        { "old.ppt", SampleFiles.CompoundFile("PowerPoint Document"), MediaFormat.Ppt, MediaKind.Document },
        { "old.doc", SampleFiles.CompoundFile("WordDocument"), MediaFormat.Doc, MediaKind.Document },
    };

    [Theory]
    [MemberData(nameof(Supported))]
    public void Each_supported_format_is_recognised_from_its_content(string name, byte[] bytes, MediaFormat format, MediaKind kind)
    {
        var file = MediaFile.Inspect(_folder.Write(name, bytes));

        Assert.Equal(format, file.Format);
        Assert.Equal(kind, file.Kind);
        Assert.Equal(name, file.FileName);
        Assert.Equal(bytes.Length, file.SizeBytes);
    }

    [Fact]
    public void An_mp4_is_a_video_from_its_ftyp_box()
    {
        var file = MediaFile.Inspect(_folder.Video("clip.mp4", ContentLimits.MinVideoBytes));

        Assert.Equal(MediaFormat.Mp4, file.Format);
        Assert.Equal(MediaKind.Video, file.Kind);
    }

    [Fact]
    public void Image_dimensions_and_gif_frames_come_from_the_headers()
    {
        var png = MediaFile.Inspect(_folder.Write("a.png", SampleFiles.Png(1200, 627)));
        var jpeg = MediaFile.Inspect(_folder.Write("b.jpg", SampleFiles.Jpeg(4032, 3024)));
        var gif = MediaFile.Inspect(_folder.Write("c.gif", SampleFiles.Gif(500, 400, frames: 7)));

        Assert.Equal((1200, 627), (png.Width, png.Height));
        Assert.Equal((4032, 3024), (jpeg.Width, jpeg.Height));
        Assert.Equal((500, 400, 7), (gif.Width, gif.Height, gif.FrameCount));
    }

    [Fact]
    public void The_content_decides_not_the_name()
    {
        var jpegNamedPng = MediaFile.Inspect(_folder.Write("really-a-jpeg.png", SampleFiles.Jpeg(800, 600)));
        var pdfWithoutExtension = MediaFile.Inspect(_folder.Write("report", SampleFiles.Pdf()));
        var pptxNamedZip = MediaFile.Inspect(_folder.Write("deck.zip", SampleFiles.OfficeOpenXml("ppt")));

        Assert.Equal(MediaFormat.Jpeg, jpegNamedPng.Format);
        Assert.Equal(MediaFormat.Pdf, pdfWithoutExtension.Format);
        Assert.Equal(MediaFormat.Pptx, pptxNamedZip.Format);
    }

    /// <summary>
    /// LinkedIn takes documents of up to 300 pages; a PPTX lists its slides in its zip directory, so a longer deck is refused
    /// here, before it is copied into the queue and uploaded at 3 a.m. (review S14-M3). Notes and layouts are not slides.
    /// </summary>
    [Fact]
    public void A_presentation_of_more_than_300_slides_is_refused_before_any_upload()
    {
        Assert.Equal(MediaFormat.Pptx, MediaFile.Inspect(_folder.Write("all-hands-300.pptx", SampleFiles.Pptx(300))).Format);

        var error = Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(_folder.Write("all-hands.pptx", SampleFiles.Pptx(301))));

        Assert.Equal(MediaFile.Field, error.Field);
        Assert.Contains("has 301 slides", error.Message);
        Assert.Contains("up to 300 pages", error.Message);
    }

    public static TheoryData<string, byte[], string> Unsupported() => new()
    {
        { "notes.txt", "just some text"u8.ToArray(), "not a file type this module recognises" },
        { "photo.webp", [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8], "a WebP image" },
        { "photo.heic", SampleFiles.IsoMedia("heic"), "a HEIC/HEIF image" },
        { "clip.mov", SampleFiles.IsoMedia("qt  "), "a QuickTime (MOV) video" },
        { "sheet.xlsx", SampleFiles.OfficeOpenXml("xl"), "an Excel workbook" },
        { "sheet.xls", SampleFiles.CompoundFile("Workbook"), "an Excel 97-2003 workbook" },
        { "locked.docx", SampleFiles.CompoundFile("EncryptedPackage"), "a password-protected Office file" },
        { "bundle.zip", SampleFiles.Zip("a.txt", "b/c.txt"), "a ZIP archive" },
        { "scan.tiff", [.. "II*\0"u8, 8, 0, 0, 0], "a TIFF image" },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void An_unsupported_file_is_named_with_the_supported_types(string name, byte[] bytes, string what)
    {
        var path = _folder.Write(name, bytes);

        var error = Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(path));

        Assert.Equal("Media", error.Field);
        Assert.Equal("LinkedInInvalidMedia", error.ErrorId);
        Assert.Contains(path, error.Message);
        Assert.Contains(what, error.Message);
        Assert.Contains("Supported: images JPEG, PNG or GIF; documents PDF, PPT, PPTX, DOC or DOCX; videos MP4", error.Message);
    }

    [Fact]
    public void A_file_whose_name_claims_a_supported_type_says_its_content_is_not_that()
    {
        var path = _folder.Write("deck.pdf", "<html>not a pdf</html>"u8.ToArray());

        var error = Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(path));

        Assert.Contains("its name ends in .pdf, but its content is not that format", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(_folder.Path, "gone.png");

        var error = Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(path));

        Assert.Equal("Media", error.Field);
        Assert.Contains($"The media file '{path}' does not exist", error.Message);
    }

    [Fact]
    public void A_missing_folder_a_folder_and_an_empty_file_are_each_told_apart()
    {
        var inMissingFolder = Path.Combine(_folder.Path, "nowhere", "a.png");
        var empty = _folder.Write("empty.png", []);

        Assert.Contains("its folder is not there", Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(inMissingFolder)).Message);
        Assert.Contains("is a folder, not a file", Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(_folder.Path)).Message);
        Assert.Contains("is empty (0 bytes)", Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(empty)).Message);
        Assert.Contains("No media file was given", Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(" ")).Message);
    }

    [Fact]
    public void A_file_the_system_will_not_open_is_unreadable()
    {
        // Tests run as root here, so permissions cannot make a file unreadable; a name longer than the
        // file system allows fails in the open call itself, which is the same path.
        var path = Path.Combine(_folder.Path, new string('x', 300) + ".png");

        var error = Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(path));

        Assert.Equal("Media", error.Field);
        Assert.Contains("cannot be read", error.Message);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
    }

    [Theory]
    [InlineData("big.png", 8000, 6000)]
    [InlineData("big.jpg", 7000, 5165)]
    public void An_image_at_or_over_the_pixel_limit_is_refused_with_a_size_that_fits(string name, int width, int height)
    {
        var bytes = name.EndsWith(".png") ? SampleFiles.Png(width, height) : SampleFiles.Jpeg(width, height);
        var path = _folder.Write(name, bytes);

        var error = Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(path));

        Assert.Equal("Media", error.Field);
        Assert.Contains($"is {width} × {height} = {(long)width * height:N0} pixels", error.Message);
        Assert.Contains("under 36,152,320 pixels", error.Message);
        var suggested = System.Text.RegularExpressions.Regex.Match(error.Message, @"for example to (\d+) × (\d+)");
        Assert.True(long.Parse(suggested.Groups[1].Value) * long.Parse(suggested.Groups[2].Value) < ContentLimits.ImagePixelLimit);
    }

    [Fact]
    public void An_image_just_under_the_pixel_limit_passes()
    {
        // 6016 × 6009 = 36,150,144 pixels.
        var file = MediaFile.Inspect(_folder.Write("edge.png", SampleFiles.Png(6016, 6009)));

        Assert.Equal(MediaKind.Image, file.Kind);
    }

    [Fact]
    public void A_gif_whose_logical_screen_is_over_the_pixel_limit_is_refused()
    {
        var path = _folder.Write("wide.gif", SampleFiles.Gif(65000, 600, frames: 1));

        var error = Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(path));

        Assert.Contains("65000 × 600", error.Message);
    }

    [Fact]
    public void A_gif_of_250_frames_passes_and_one_of_251_is_refused()
    {
        var ok = MediaFile.Inspect(_folder.Write("ok.gif", SampleFiles.Gif(10, 10, frames: 250)));
        var path = _folder.Write("long.gif", SampleFiles.Gif(10, 10, frames: 251));

        var error = Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(path));

        Assert.Equal(250, ok.FrameCount);
        Assert.Equal("Media", error.Field);
        Assert.Contains("more than 250 frames", error.Message);
        Assert.Contains("MP4", error.Message);
    }

    [Fact]
    public void A_damaged_image_header_is_reported_as_damaged()
    {
        var truncatedJpeg = _folder.Write("cut.jpg", SampleFiles.Jpeg(100, 100)[..12]);
        var png = SampleFiles.Png(10, 10);
        png[12] = (byte)'X';
        var badPng = _folder.Write("bad.png", png);

        Assert.Contains("header is damaged", Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(truncatedJpeg)).Message);
        Assert.Contains("the first chunk is not IHDR", Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(badPng)).Message);
    }

    [Fact]
    public void A_document_over_100_MB_is_refused()
    {
        var path = _folder.Sparse("huge.pdf", SampleFiles.Pdf(), ContentLimits.MaxDocumentBytes + 1);
        var atLimit = _folder.Sparse("limit.pdf", SampleFiles.Pdf(), ContentLimits.MaxDocumentBytes);

        var error = Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(path));

        Assert.Equal(MediaKind.Document, MediaFile.Inspect(atLimit).Kind);
        Assert.Equal("Media", error.Field);
        Assert.Contains("LinkedIn accepts documents up to 100 MB", error.Message);
        Assert.Contains("split it", error.Message);
    }

    [Fact]
    public void A_video_outside_LinkedIns_size_range_is_refused()
    {
        var tiny = _folder.Video("tiny.mp4", ContentLimits.MinVideoBytes - 1);
        var huge = _folder.Sparse("huge.mp4", SampleFiles.IsoMedia("isom"), ContentLimits.MaxVideoBytes + 1);
        var largest = _folder.Sparse("largest.mp4", SampleFiles.IsoMedia("isom"), ContentLimits.MaxVideoBytes);

        var small = Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(tiny));
        var large = Assert.Throws<LinkedInValidationException>(() => MediaFile.Inspect(huge));

        Assert.Equal(MediaKind.Video, MediaFile.Inspect(largest).Kind);
        Assert.Contains("LinkedIn accepts videos from 76.8 KB (76,800 bytes) to 500 MB", small.Message);
        Assert.Contains("complete video", small.Message);
        Assert.Contains("500 MB", large.Message);
        Assert.Contains("lower bit rate", large.Message);
    }
}
