using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Identity.Client.Extensions.Msal;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// The protected store: the connection document kept by Microsoft.Identity.Client.Extensions.Msal's
    /// <see cref="Storage"/>. On Windows a DPAPI-encrypted file (current user) in the data folder; on macOS a
    /// Keychain item; on Linux a Secret Service item through libsecret, with attributes that include the data
    /// folder so two data folders never share one secret. Persistence is verified when the store is opened
    /// (<see cref="Storage.VerifyPersistence"/>), so a store that cannot keep a secret fails at once rather
    /// than at the first save. Open it through <see cref="ConnectionStoreFactory"/>.
    /// </summary>
    public sealed class MsalConnectionStore : LockedConnectionStore
    {
        /// <summary>
        /// The file MSAL keeps in the data folder: the DPAPI-encrypted document on Windows; on macOS and
        /// Linux only a marker MSAL touches on each write (the secret is in the Keychain or keyring).
        /// </summary>
        public const string FileName = "connections.protected";

        /// <summary>The Secret Service schema of the item (Linux).</summary>
        public const string KeyringSchema = "com.linkedinposts.tokens";

        /// <summary>The label the item shows in Seahorse and <c>secret-tool</c> (Linux).</summary>
        public const string KeyringLabel = "LinkedInPosts connections";

        /// <summary>The Keychain service name (macOS).</summary>
        public const string KeychainService = "LinkedInPosts";

        private readonly Storage _storage;
        private readonly string _keychainAccount;

        private MsalConnectionStore(string dataFolder, TimeSpan lockTimeout, Storage storage, string keychainAccount)
            : base(dataFolder, lockTimeout)
        {
            _storage = storage;
            _keychainAccount = keychainAccount;
            FilePath = Path.Combine(dataFolder, FileName);
        }

        /// <summary>The file MSAL keeps in the data folder (see <see cref="FileName"/>).</summary>
        public string FilePath { get; }

        /// <inheritdoc />
        public override string Description => DescriptionOf(Platform);

        private static string DescriptionOf(StorePlatform platform) => platform switch
        {
            StorePlatform.Windows => "DPAPI (Windows Data Protection, current user)",
            StorePlatform.MacOS => "macOS Keychain",
            _ => "libsecret (Secret Service)",
        };

        /// <inheritdoc />
        public override bool IsProtected => true;

        /// <inheritdoc />
        public override string Location => Platform switch
        {
            StorePlatform.Windows => FilePath,
            StorePlatform.MacOS => "Keychain item service '" + KeychainService + "', account '" + _keychainAccount + "'",
            _ => "keyring item '" + KeyringLabel + "' (LinkedInPosts=connections, DataFolder=" + DataFolder + ")",
        };

        /// <inheritdoc />
        /// <remarks>
        /// Set while a plain-text file from an earlier opt-in is left in the data folder. It is never read
        /// or migrated by this store (see <see cref="ConnectionStoreFactory"/>): the warning says so, and how
        /// to remove it.
        /// </remarks>
        public override string? Warning
        {
            get
            {
                var plain = Path.Combine(DataFolder, PlainFileConnectionStore.FileName);
                if (!File.Exists(plain))
                {
                    return null;
                }
                return "A plain-text token file from an earlier opt-in is still on disk (" + plain + ") and is NOT used while " +
                    Description + " works; its tokens are not protected. Connect again with Connect-LinkedIn if a connection " +
                    "is missing here, then delete that file (a task that still runs without a protected store and with " +
                    ConnectionStoreOptions.AllowPlainTextVariable + "=1 keeps using it).";
            }
        }

        private protected override string ManualReset => Platform switch
        {
            StorePlatform.Windows => "delete the file " + FilePath,
            StorePlatform.MacOS => "run: security delete-generic-password -s " + KeychainService + " -a '" + _keychainAccount + "' and delete the file " + FilePath,
            _ => "run: secret-tool clear LinkedInPosts connections DataFolder '" + DataFolder + "' and delete the file " + FilePath,
        };

        private static StorePlatform Platform =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StorePlatform.Windows
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? StorePlatform.MacOS
            : StorePlatform.Linux;

        /// <summary>
        /// How long opening waits for the protected store to keep a test secret. Long enough for a person to type a
        /// keyring password into the unlock dialog; short enough that a scheduled run facing a locked keyring fails
        /// (Unavailable, saying so) before the next run starts.
        /// </summary>
        internal static readonly TimeSpan VerifyTimeout = TimeSpan.FromSeconds(60);

        /// <summary>
        /// Opens the protected store on <paramref name="dataFolder"/> and proves it can keep a secret. Null,
        /// with <paramref name="failure"/> saying in plain words what is missing, when it cannot.
        /// </summary>
        internal static MsalConnectionStore? TryOpen(string dataFolder, TimeSpan lockTimeout, out string? failure)
        {
            var keychainAccount = "connections:" + dataFolder;
            try
            {
                var properties = new StorageCreationPropertiesBuilder(FileName, dataFolder)
                    .WithLinuxKeyring(
                        KeyringSchema,
                        MsalCacheHelper.LinuxKeyRingDefaultCollection,
                        KeyringLabel,
                        new KeyValuePair<string, string>("LinkedInPosts", "connections"),
                        new KeyValuePair<string, string>("DataFolder", dataFolder))
                    .WithMacKeyChain(KeychainService, keychainAccount)
                    .Build();
                var storage = Storage.Create(properties);
                // Bounded: on a locked keyring libsecret waits for the desktop's unlock dialog, however long that takes.
                BoundedCall.Run(storage.VerifyPersistence, VerifyTimeout, "the " + DescriptionOf(Platform) + " (asked to keep a test secret)");
                failure = null;
                return new MsalConnectionStore(dataFolder, lockTimeout, storage, keychainAccount);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                failure = Explain(e);
                return null;
            }
        }

        private protected override byte[]? ReadPayload()
        {
            byte[] data;
            try
            {
                data = _storage.ReadData();
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                throw Unreadable(ReadFailure(e), e);
            }
            if (data != null && data.Length > 0)
            {
                return data;
            }
            if (File.Exists(FilePath))
            {
                // MSAL writes (Windows) or touches (macOS, Linux) this file on every write and deletes it on clear,
                // so it exists exactly when a payload was written and not reset. Its payload coming back empty is
                // not an empty store: MSAL's libsecret read returns nothing, without an error, from a keyring that
                // was locked after the store was opened, or whose item another program removed.
                throw Unreadable(Platform == StorePlatform.Windows
                    ? "the file is empty"
                    : "the " + Description + " gave nothing back although connections were saved here (" + FilePath +
                      " records the last save): the keyring is locked, or another program removed the item");
            }
            return null;
        }

        private protected override void WritePayload(byte[] payload) => _storage.WriteData(payload);

        /// <summary>
        /// Overwrites the item with an empty document, then removes it. MSAL's clear reports no libsecret error
        /// (a locked keyring keeps the item), while its write does: writing first makes a reset that cannot
        /// reach the secret fail loudly instead of leaving it to come back once the keyring is unlocked.
        /// </summary>
        private protected override void DeletePayload()
        {
            _storage.WriteData(EmptyPayload());
            _storage.Clear(ignoreExceptions: false);
        }

        private string ReadFailure(Exception e)
        {
            if (Platform == StorePlatform.Windows && e is System.Security.Cryptography.CryptographicException)
            {
                return "DPAPI could not decrypt it: it was written by another Windows account or on another machine, or it is damaged";
            }
            if (e is FormatException)
            {
                // MSAL keeps the payload base64-encoded in the Keychain and the keyring; anything else was not written by it.
                return "its content is damaged (it is not what LinkedInPosts writes there)";
            }
            return "reading it failed: " + Innermost(e);
        }

        /// <summary>Why verification failed, in words that point at the fix.</summary>
        private static string Explain(Exception e)
        {
            for (var inner = e; inner != null; inner = inner.InnerException)
            {
                if (inner is DllNotFoundException || inner is EntryPointNotFoundException)
                {
                    return Platform == StorePlatform.Linux
                        ? "libsecret is not installed (libsecret-1.so.0; on Debian/Ubuntu: apt-get install libsecret-1-0)"
                        : "a system library the protected store needs is missing (" + FirstLine(inner.Message) + ")";
                }
            }
            var message = Innermost(e);
            if (e is TimeoutException)
            {
                return message + ": it is probably locked and waiting for its password in an unlock dialog, which a scheduled run cannot answer; unlock it, or have it unlocked at login";
            }
            if (Platform == StorePlatform.Linux)
            {
                var bus = Environment.GetEnvironmentVariable(SessionBus.Variable);
                var reason = string.IsNullOrEmpty(bus)
                    ? "no Secret Service on the session bus (libsecret): this process has no session bus (DBUS_SESSION_BUS_ADDRESS is not set, as under cron or a service)"
                    : "no usable Secret Service on the session bus (libsecret): nothing answers at DBUS_SESSION_BUS_ADDRESS, no keyring daemon runs there, or its default keyring is locked";
                return reason + "; libsecret said: " + message;
            }
            if (Platform == StorePlatform.MacOS)
            {
                return "the macOS Keychain could not keep a secret (is the login keychain unlocked in this session?): " + message;
            }
            return "DPAPI could not protect a test secret for this account (a profile that is not loaded, as with some service accounts?): " + message;
        }

        /// <summary>
        /// The innermost error's own words: MSAL wraps libsecret's GError message (for example "Cannot
        /// autolaunch D-Bus without X11 $DISPLAY") as <c>message:'...'</c> two exceptions down.
        /// </summary>
        private static string Innermost(Exception e)
        {
            var inner = e;
            while (inner.InnerException != null)
            {
                inner = inner.InnerException;
            }
            var text = inner.Message;
            var match = System.Text.RegularExpressions.Regex.Match(text, "message:'(?<m>[^']*)'");
            return FirstLine(match.Success ? match.Groups["m"].Value : text).TrimEnd('.', ' ');
        }

        private static string FirstLine(string text)
        {
            var line = text.Split('\n')[0].Trim();
            return line.Length > 300 ? line.Substring(0, 300) + "..." : line;
        }

        private enum StorePlatform
        {
            Windows,
            MacOS,
            Linux,
        }
    }
}
