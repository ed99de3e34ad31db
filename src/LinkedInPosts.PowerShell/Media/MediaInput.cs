using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Media
{
    /// <summary>
    /// What -Media, -Image and -ArticleThumbnail take: a media object from Add-LinkedInMedia, a file
    /// (a path, possibly with wildcards, or a FileInfo from Get-ChildItem), or the URN of media uploaded
    /// before (urn:li:image:…, urn:li:video:…, urn:li:document:…). PowerShell turns those into this type
    /// through <see cref="MediaInputTransformationAttribute"/>; paths are kept as written and resolved
    /// against the current PowerShell location only when the cmdlet runs.
    /// </summary>
    public sealed class MediaInput
    {
        private MediaInput(string? path, bool isLiteralPath, string? urn, UploadedMedia? uploaded)
        {
            Path = path;
            IsLiteralPath = isLiteralPath;
            Urn = urn;
            Uploaded = uploaded;
        }

        /// <summary>
        /// A path or, when it starts with urn:li:, a media URN. Lets PowerShell convert a string to this type
        /// wherever no transformation runs (a cast, a proxy command of the cmdlet).
        /// </summary>
        public MediaInput(string pathOrUrn)
        {
            if (pathOrUrn == null)
            {
                throw new ArgumentNullException(nameof(pathOrUrn));
            }
            if (LooksLikeUrn(pathOrUrn))
            {
                Urn = pathOrUrn.Trim();
            }
            else
            {
                Path = pathOrUrn;
            }
        }

        /// <summary>The file as the user gave it (relative paths and wildcards unresolved), or null.</summary>
        public string? Path { get; }

        /// <summary>True when <see cref="Path"/> is taken literally (it came from a FileInfo), without wildcards.</summary>
        public bool IsLiteralPath { get; }

        /// <summary>The media URN given as text, or null.</summary>
        public string? Urn { get; }

        /// <summary>The media object from Add-LinkedInMedia, or null.</summary>
        public UploadedMedia? Uploaded { get; }

        /// <summary>A file path, resolved later against the PowerShell location; wildcards allowed unless <paramref name="literal"/>.</summary>
        public static MediaInput FromPath(string path, bool literal = false) => new MediaInput(path ?? throw new ArgumentNullException(nameof(path)), literal, null, null);

        /// <summary>Media uploaded before, by URN.</summary>
        public static MediaInput FromUrn(string urn) => new MediaInput(null, false, urn ?? throw new ArgumentNullException(nameof(urn)), null);

        /// <summary>Media from Add-LinkedInMedia.</summary>
        public static MediaInput FromUploaded(UploadedMedia media) => new MediaInput(null, false, null, media ?? throw new ArgumentNullException(nameof(media)));

        /// <summary>
        /// Reads what PowerShell bound: a MediaInput, an UploadedMedia, a FileInfo, or a string (a URN when it
        /// starts with urn:li:, else a path). Null for anything else.
        /// </summary>
        public static MediaInput? From(object? value)
        {
            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case MediaInput input:
                    return input;
                case UploadedMedia media:
                    return FromUploaded(media);
                case FileInfo file:
                    return FromPath(file.FullName, literal: true);
                case string text:
                    return new MediaInput(text);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The media references this input stands for, for Core: files resolved against the PowerShell
        /// location (a pattern may name several), URNs parsed, media objects as they are.
        /// </summary>
        /// <exception cref="MediaPathException">A path names no file, or several where one is wanted.</exception>
        /// <exception cref="Core.Errors.LinkedInValidationException">A URN that is not media.</exception>
        internal IReadOnlyList<MediaReference> Resolve(SessionState sessionState, string parameterName, bool single)
        {
            if (Uploaded != null)
            {
                return new[] { MediaReference.FromUpload(Uploaded) };
            }
            if (Urn != null)
            {
                return new[] { MediaReference.FromUrn(Urn) };
            }
            if (single)
            {
                return new[] { MediaReference.FromFile(MediaPaths.ResolveOne(sessionState, Path!, IsLiteralPath, parameterName)) };
            }
            return MediaPaths.Resolve(sessionState, Path!, IsLiteralPath).Select(MediaReference.FromFile).ToList();
        }

        /// <inheritdoc />
        public override string ToString() => Uploaded?.ToString() ?? Urn ?? Path ?? string.Empty;

        private static bool LooksLikeUrn(string text)
        {
            var trimmed = text.TrimStart();
            return trimmed.StartsWith("urn:li:", StringComparison.OrdinalIgnoreCase)
                || trimmed.StartsWith("urn%3Ali%3A", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// Turns what a user passes to a media parameter into <see cref="MediaInput"/> (one, or an array for
    /// -Image). Anything it does not know (an Import-Csv row, a number) is passed on unchanged, so
    /// PowerShell's binder refuses it there: a whole CSV row never binds to -Media by value.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class MediaInputTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value == null || value is string)
            {
                return MediaInput.From(value) ?? inputData;
            }
            if (value is System.Collections.IEnumerable many)
            {
                var items = new List<object?>();
                foreach (var item in many)
                {
                    items.Add(MediaInput.From(item) ?? item);
                }
                return items.All(i => i is MediaInput) ? items.Cast<MediaInput>().ToArray() : (object)items.ToArray();
            }
            return MediaInput.From(value) ?? inputData;
        }
    }
}
