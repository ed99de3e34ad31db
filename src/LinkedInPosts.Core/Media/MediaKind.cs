namespace LinkedInPosts.Core.Media
{
    /// <summary>LinkedIn's three media APIs; each has its own upload and status calls.</summary>
    public enum MediaKind
    {
        /// <summary>JPEG, PNG or GIF, through the Images API (<c>urn:li:image:…</c>).</summary>
        Image,
        /// <summary>PDF, PPT, PPTX, DOC or DOCX, through the Documents API (<c>urn:li:document:…</c>).</summary>
        Document,
        /// <summary>MP4, through the Videos API in 4 MiB parts (<c>urn:li:video:…</c>).</summary>
        Video,
    }

    /// <summary>A file format LinkedIn accepts, as recognised from the file's content.</summary>
    public enum MediaFormat
    {
        /// <summary>JPEG image.</summary>
        Jpeg,
        /// <summary>PNG image.</summary>
        Png,
        /// <summary>GIF image, possibly animated.</summary>
        Gif,
        /// <summary>PDF document.</summary>
        Pdf,
        /// <summary>Word 97-2003 document (an OLE compound file).</summary>
        Doc,
        /// <summary>PowerPoint 97-2003 presentation (an OLE compound file).</summary>
        Ppt,
        /// <summary>Word document (Office Open XML).</summary>
        Docx,
        /// <summary>PowerPoint presentation (Office Open XML).</summary>
        Pptx,
        /// <summary>MP4 video (an ISO media file with an <c>ftyp</c> box).</summary>
        Mp4,
    }
}
