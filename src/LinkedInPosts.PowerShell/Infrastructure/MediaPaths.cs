using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// Turns the paths a user gives (-Path, -LiteralPath, -Media, -Image, -ArticleThumbnail) into full
    /// file-system paths, resolved against the current PowerShell location (Set-Location), never the
    /// process's working directory, which PowerShell does not move. Core only ever sees full paths.
    /// </summary>
    internal static class MediaPaths
    {
        private const string FileSystemProvider = "FileSystem";

        /// <summary>
        /// The files <paramref name="path"/> names. A literal path is taken as written. Otherwise a path
        /// that names an existing file as written is taken as it is (so a name with [ ] that came from
        /// Get-ChildItem's FullName still works), and anything else is a wildcard pattern expanded by the
        /// FileSystem provider. Folders that a pattern matches are left out. Throws
        /// <see cref="MediaPathException"/> when nothing usable is found.
        /// </summary>
        public static IReadOnlyList<string> Resolve(SessionState sessionState, string path, bool literal)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new MediaPathException(path, "No file was given.");
            }
            var asWritten = Unresolved(sessionState, path);
            if (literal || File.Exists(asWritten) || !WildcardPattern.ContainsWildcardCharacters(path))
            {
                if (Directory.Exists(asWritten))
                {
                    throw new MediaPathException(path, $"'{path}' is a folder ({asWritten}), not a file. Name the media file itself" +
                        (literal ? "." : ", or a pattern such as '" + System.IO.Path.Combine(path, "*.png") + "'."));
                }
                if (!File.Exists(asWritten))
                {
                    throw new MediaPathException(path, $"The file '{path}' does not exist (looked for {asWritten}, relative to the current location {sessionState.Path.CurrentFileSystemLocation.ProviderPath}).");
                }
                return new[] { asWritten };
            }

            IReadOnlyList<string> matches;
            ProviderInfo provider;
            try
            {
                matches = sessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException)
            {
                throw new MediaPathException(path, $"No file matches '{path}' (relative to the current location {sessionState.Path.CurrentFileSystemLocation.ProviderPath}).");
            }
            catch (SessionStateException exception)
            {
                // No such drive or provider.
                throw new MediaPathException(path, $"'{path}' names no file: {exception.Message}", exception);
            }
            RequireFileSystem(path, provider);
            var files = matches.Where(File.Exists).OrderBy(p => p, StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                throw new MediaPathException(path, matches.Count == 0
                    ? $"No file matches '{path}' (relative to the current location {sessionState.Path.CurrentFileSystemLocation.ProviderPath})."
                    : $"'{path}' matches only folders, no file.");
            }
            return files;
        }

        /// <summary>
        /// The one file <paramref name="path"/> names, for parameters that take a single file (-Media,
        /// -ArticleThumbnail); a pattern that matches several files is an error naming them.
        /// </summary>
        public static string ResolveOne(SessionState sessionState, string path, bool literal, string parameterName)
        {
            var files = Resolve(sessionState, path, literal);
            if (files.Count > 1)
            {
                throw new MediaPathException(path, $"-{parameterName} takes one file, but '{path}' matches {files.Count}: {string.Join(", ", files.Select(System.IO.Path.GetFileName))}." +
                    (parameterName == "Media" ? " For several images in one post use -Image." : string.Empty));
            }
            return files[0];
        }

        private static string Unresolved(SessionState sessionState, string path)
        {
            ProviderInfo provider;
            string full;
            try
            {
                full = sessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception exception) when (exception is SessionStateException || exception is NotSupportedException || exception is ArgumentException)
            {
                throw new MediaPathException(path, $"'{path}' names no file: {exception.Message}", exception);
            }
            RequireFileSystem(path, provider);
            return full;
        }

        private static void RequireFileSystem(string path, ProviderInfo provider)
        {
            if (!string.Equals(provider.Name, FileSystemProvider, StringComparison.OrdinalIgnoreCase))
            {
                throw new MediaPathException(path, $"'{path}' is a path of the {provider.Name} provider; media must be files (FileSystem provider).");
            }
        }
    }

    /// <summary>A path that names no usable file; <see cref="Path"/> is the path as the user gave it.</summary>
    internal sealed class MediaPathException : Exception
    {
        public MediaPathException(string? path, string message, Exception? inner = null)
            : base(message, inner)
        {
            Path = path;
        }

        public string? Path { get; }
    }
}
