using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>The bound on the protected store's test write, which libsecret lets wait for an unlock dialog forever.</summary>
public sealed class BoundedCallTests
{
    [Fact]
    public void A_call_that_does_not_return_in_time_is_given_up_with_a_message_naming_what_did_not_answer()
    {
        using var release = new ManualResetEventSlim();
        var finished = new ManualResetEventSlim();
        try
        {
            var e = Assert.Throws<TimeoutException>(() => BoundedCall.Run(() => { release.Wait(); finished.Set(); }, TimeSpan.FromMilliseconds(200), "the keyring"));

            Assert.Equal("the keyring did not answer within 0.2 seconds", e.Message);
            Assert.False(finished.IsSet);
        }
        finally
        {
            release.Set();
        }
        Assert.True(finished.Wait(TimeSpan.FromSeconds(10)), "the abandoned call still ends once it can");
    }

    [Fact]
    public void A_call_that_fails_in_time_fails_with_its_own_exception_and_one_that_returns_is_quiet()
    {
        var ran = false;

        var e = Assert.Throws<InvalidOperationException>(() => BoundedCall.Run(() => throw new InvalidOperationException("no Secret Service"), TimeSpan.FromSeconds(10), "the keyring"));
        BoundedCall.Run(() => ran = true, TimeSpan.FromSeconds(10), "the keyring");

        Assert.Equal("no Secret Service", e.Message);
        Assert.True(ran);
    }
}
