using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;

// Usage:
//   claim QUEUE RUNNER BATCH GO_FILE
//     Opens the queue, prints "ready", waits until GO_FILE exists (so every probe starts claiming at the
//     same moment), then claims BATCH
//     due posts at a time until none is left, and publishes each one as a runner would: MarkSending, a
//     2 ms pause for the create call, then MarkPublished with a made-up URN. Prints "claimed <id>" per post and "done <count>" at the end.
// A queue error prints "error: <ErrorId>" and the message, and exits 3.
try
{
    switch (args.FirstOrDefault())
    {
        case "claim":
            return Claim(args[1], args[2], int.Parse(args[3]), args[4]);
        default:
            Console.Error.WriteLine("usage: claim QUEUE RUNNER BATCH GO_FILE");
            return 2;
    }
}
catch (LinkedInQueueException e)
{
    Console.WriteLine("error: " + e.ErrorId);
    Console.WriteLine(e.Message);
    return 3;
}

static int Claim(string queue, string runner, int batch, string goFile)
{
    using var store = QueueStoreFactory.Open(new QueueStoreOptions { Path = queue });
    // Warm the claim path up (it claims nothing this far in the past) so no probe starts cold.
    store.ClaimDue(DateTimeOffset.UnixEpoch, runner, TimeSpan.FromMinutes(1), batch);
    Console.WriteLine("ready");
    Console.Out.Flush();
    var deadline = DateTime.UtcNow.AddSeconds(30);
    while (!File.Exists(goFile))
    {
        if (DateTime.UtcNow > deadline)
        {
            Console.Error.WriteLine("no go signal");
            return 4;
        }
        Thread.Sleep(1);
    }
    var lease = TimeSpan.FromMinutes(5);
    var count = 0;
    while (true)
    {
        var claimed = store.ClaimDue(DateTimeOffset.UtcNow, runner, lease, batch);
        if (claimed.Count == 0)
        {
            break;
        }
        foreach (var post in claimed)
        {
            Console.WriteLine("claimed " + post.Id);
            var claim = post.Claim!;
            if (!store.MarkSending(claim, DateTimeOffset.UtcNow, lease).Applied)
            {
                Console.WriteLine("lost " + post.Id);
                continue;
            }
            Thread.Sleep(2); // stands in for the create call's round trip to LinkedIn
            if (!store.MarkPublished(claim, "urn:li:share:" + post.Id, DateTimeOffset.UtcNow, 201).Applied)
            {
                Console.WriteLine("refused " + post.Id);
                continue;
            }
            count++;
        }
    }
    Console.WriteLine("done " + count);
    return 0;
}
