using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>Environment variables are process-wide, so these tests run while nothing else does.</summary>
[CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
}

[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class LoopbackOnlyTests
{
    [Fact]
    public async Task Kestrel_endpoints_from_environment_variables_cannot_add_a_second_binding()
    {
        // 127.0.0.2 is still loopback, so even if the guard failed nothing would be exposed.
        const string Variable = "Kestrel__Endpoints__Extra__Url";
        Environment.SetEnvironmentVariable(Variable, "http://127.0.0.2:0");
        try
        {
            await using var server = await SandboxServer.StartAsync();

            Assert.Equal("127.0.0.1", server.BaseUri.Host);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }
}
