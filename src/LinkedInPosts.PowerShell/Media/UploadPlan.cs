using System;
using System.Globalization;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.PowerShell.Media
{
    /// <summary>
    /// What uploading one file will do, in words, for -WhatIf and -Confirm: the file, the kind its
    /// content shows, its size, the calls (for a video, how many parts), and who it is for.
    /// </summary>
    internal static class UploadPlan
    {
        /// <summary>LinkedIn's video part size: initializeUpload hands out one URL per 4 MiB (linkedin-api.md 3.3).</summary>
        public const long VideoPartBytes = 4L * 1024 * 1024;

        /// <summary>How many parts a video of <paramref name="sizeBytes"/> goes up in.</summary>
        public static long VideoParts(long sizeBytes) => Math.Max(1, (sizeBytes + VideoPartBytes - 1) / VideoPartBytes);

        public static string Describe(MediaFile file, LinkedInUrn owner)
        {
            var culture = CultureInfo.InvariantCulture;
            var what = file.Format.ToString().ToUpperInvariant() + " " + file.Kind.ToString().ToLowerInvariant();
            if (file.Width.HasValue && file.Height.HasValue)
            {
                what += string.Format(culture, ", {0} x {1} pixels", file.Width, file.Height);
            }
            what += ", " + UploadProgressReporter.Bytes(file.SizeBytes) + " (" + file.SizeBytes.ToString("N0", culture) + " bytes)";
            string steps;
            switch (file.Kind)
            {
                case MediaKind.Video:
                    var parts = VideoParts(file.SizeBytes);
                    steps = string.Format(culture,
                        "initializeUpload on the Videos API, {0} PUT{1} of parts of up to 4 MiB, finalizeUpload with the parts' ETags",
                        parts, parts == 1 ? string.Empty : "s");
                    break;
                case MediaKind.Document:
                    steps = "initializeUpload on the Documents API, one PUT of the file";
                    break;
                default:
                    steps = "initializeUpload on the Images API, one PUT of the file";
                    break;
            }
            return $"Upload {file.FileName} ({what}) from {file.Path} for {owner}: {steps}, then wait until LinkedIn reports it AVAILABLE.";
        }
    }
}
