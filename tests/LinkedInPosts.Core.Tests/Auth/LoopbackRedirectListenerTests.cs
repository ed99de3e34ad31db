using System.Net;
using System.Net.Sockets;
using System.Text;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Tests.Api;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>The loopback listener on its own, spoken to over real sockets like a browser would.</summary>
public sealed class LoopbackRedirectListenerTests
{
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task It_binds_127_0_0_1_only_and_answers_the_one_redirect_with_a_page()
    {
        var port = OAuthSandbox.FreePort();
        var log = new RecordingLog();
        using var listener = LoopbackRedirectListener.Start(new Uri($"http://127.0.0.1:{port}/signin/done"), log);
        Assert.Equal(IPAddress.Loopback, listener.LocalEndpoint.Address);
        var waiting = listener.WaitAsync(TimeSpan.FromSeconds(10));

        using (var favicon = await Http.GetAsync($"http://127.0.0.1:{port}/favicon.ico"))
        {
            Assert.Equal(HttpStatusCode.NotFound, favicon.StatusCode);
        }
        using (var post = await Http.PostAsync($"http://127.0.0.1:{port}/signin/done?code=x&state=y", new StringContent("")))
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        }
        using (var bare = await Http.GetAsync($"http://127.0.0.1:{port}/signin/done?hello=1"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        }
        Assert.False(waiting.IsCompleted);
        using (var answer = await Http.GetAsync($"http://127.0.0.1:{port}/signin/done?code=AQT%2Bcode&state=s%20t"))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("text/html", answer.Content.Headers.ContentType!.MediaType);
            Assert.Contains("You can close this window", await answer.Content.ReadAsStringAsync());
        }

        var response = await waiting;
        Assert.Equal("AQT+code", response.Code);
        Assert.Equal("s t", response.State);
        Assert.Null(response.Error);
        Assert.DoesNotContain("AQT", response.ToString());
        Assert.Contains(log.Lines, line => line == "VERBOSE: Ignored GET /favicon.ico on the sign-in listener (404).");
    }

    [Fact]
    public async Task An_error_answer_is_shown_to_the_browser_encoded_and_returned()
    {
        var port = OAuthSandbox.FreePort();
        using var listener = LoopbackRedirectListener.Start(new Uri($"http://127.0.0.1:{port}/callback"));
        var waiting = listener.WaitAsync(TimeSpan.FromSeconds(10));

        using var page = await Http.GetAsync($"http://127.0.0.1:{port}/callback?error=user_cancelled_login&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=abc");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("user_cancelled_login", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        var response = await waiting;
        Assert.Equal("user_cancelled_login", response.Error);
        Assert.Equal("<script>alert(1)</script>", response.ErrorDescription);
        Assert.Equal("abc", response.State);
        Assert.Null(response.Code);
    }

    [Fact]
    public async Task Localhost_registrations_listen_on_127_0_0_1()
    {
        var port = OAuthSandbox.FreePort();
        using var listener = LoopbackRedirectListener.Start(new Uri($"http://localhost:{port}/callback"));

        Assert.Equal(IPAddress.Loopback, listener.LocalEndpoint.Address);
        Assert.Equal(port, listener.LocalEndpoint.Port);
        var waiting = listener.WaitAsync(TimeSpan.FromSeconds(10));
        using (await Http.GetAsync($"http://127.0.0.1:{port}/callback?code=c&state=s"))
        {
        }
        Assert.Equal("c", (await waiting).Code);
    }

    [Fact]
    public async Task An_idle_connection_does_not_hold_up_the_real_request()
    {
        var port = OAuthSandbox.FreePort();
        using var listener = LoopbackRedirectListener.Start(new Uri($"http://127.0.0.1:{port}/callback"));
        var waiting = listener.WaitAsync(TimeSpan.FromSeconds(10));
        using var idle = new TcpClient();
        await idle.ConnectAsync(IPAddress.Loopback, port); // a browser's speculative connection that sends nothing
        using var half = new TcpClient();
        await half.ConnectAsync(IPAddress.Loopback, port);
        await half.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /callback?co")); // and one that stalls

        using (await Http.GetAsync($"http://127.0.0.1:{port}/callback?code=c&state=s"))
        {
        }

        Assert.Equal("c", (await waiting).Code);
    }

    [Fact]
    public async Task Stopping_frees_the_port_and_ends_the_wait()
    {
        var port = OAuthSandbox.FreePort();
        var listener = LoopbackRedirectListener.Start(new Uri($"http://127.0.0.1:{port}/callback"));
        var waiting = listener.WaitAsync(TimeSpan.FromMinutes(5));

        listener.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        var again = new TcpListener(IPAddress.Loopback, port);
        again.Start();
        again.Stop();
    }

    [Theory]
    [InlineData("GET /callback?code=a&state=b HTTP/1.1\r\nHost: x\r\n\r\n", "GET", "/callback", "a")]
    [InlineData("GET http://127.0.0.1:8400/callback?code=a%20b HTTP/1.1\r\n\r\n", "GET", "/callback", "a b")]
    [InlineData("GET /call%62ack?code=a+b&code=second#frag HTTP/1.0\n\n", "GET", "/callback", "a b")]
    public void The_request_line_is_read_strictly_enough(string head, string method, string path, string code)
    {
        var request = RedirectRequest.Parse(head);

        Assert.NotNull(request);
        Assert.Equal(method, request!.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal(code, request["code"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GET\r\n\r\n")]
    [InlineData("GET /callback\r\n\r\n")]
    [InlineData("GET /callback SPDY/3\r\n\r\n")]
    [InlineData("GET  /callback HTTP/1.1\r\n\r\n")]
    public void What_is_not_a_request_line_is_refused(string head)
    {
        Assert.Null(RedirectRequest.Parse(head));
    }
}
