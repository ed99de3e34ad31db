using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;

// Usage (the data folder comes from LINKEDINPOSTS_HOME, the opt-in from the flag or the environment):
//   open [--allow-plain]                 prints the store's kind
//   save NAME TOKEN [--allow-plain]      saves a connection whose access token is TOKEN
//   get NAME [--allow-plain]             prints the connection's access token
//   increment NAME COUNT [--allow-plain] COUNT read-modify-writes of the token as a number
//   lock-then-get NAME TOKEN             saves, locks the Secret Service's default collection (as a screen
//                                        lock can), then reads: run it only in a throw-away keyring session
// A store error prints "error: <ErrorId>" and the message on stdout and exits 3.
var allowPlain = args.Contains("--allow-plain");
var words = args.Where(a => a != "--allow-plain").ToArray();
try
{
    var store = ConnectionStoreFactory.Open(new ConnectionStoreOptions { AllowPlainTextFile = allowPlain });
    switch (words.FirstOrDefault())
    {
        case "open":
            Console.WriteLine("store: " + (store.IsProtected ? "protected" : "plain") + " | " + store.Description);
            if (store.Warning != null)
            {
                Console.WriteLine("warning: " + store.Warning);
            }
            return 0;
        case "save":
            store.Save(new StoredConnection { Name = words[1], AccessToken = words[2], MemberName = "probe" });
            return 0;
        case "get":
            Console.WriteLine(store.Find(words[1])?.AccessToken ?? "(none)");
            return 0;
        case "increment":
            for (var i = 0; i < int.Parse(words[2]); i++)
            {
                await store.UpdateAsync(words[1], async (connection, ct) =>
                {
                    var value = int.Parse(connection.AccessToken);
                    await Task.Delay(1, ct); // widen the read-modify-write window a broken lock would lose updates in
                    connection.AccessToken = (value + 1).ToString();
                    return connection;
                }, CancellationToken.None);
            }
            return 0;
        case "lock-then-get":
            store.Save(new StoredConnection { Name = words[1], AccessToken = words[2], MemberName = "probe" });
            using (var locker = System.Diagnostics.Process.Start("dbus-send", new[]
            {
                "--session", "--print-reply", "--dest=org.freedesktop.secrets", "/org/freedesktop/secrets",
                "org.freedesktop.Secret.Service.Lock", "array:objpath:/org/freedesktop/secrets/collection/login",
            })!)
            {
                locker.WaitForExit();
                Console.WriteLine("locked: " + locker.ExitCode);
            }
            Console.WriteLine(store.Find(words[1])?.AccessToken ?? "(none)");
            return 0;
        default:
            Console.Error.WriteLine("usage: open | save NAME TOKEN | get NAME | increment NAME COUNT | lock-then-get NAME TOKEN  [--allow-plain]");
            return 2;
    }
}
catch (LinkedInTokenStoreException e)
{
    Console.WriteLine("error: " + e.ErrorId);
    Console.WriteLine(e.Message);
    return 3;
}
