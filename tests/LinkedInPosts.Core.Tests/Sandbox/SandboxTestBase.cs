using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>A member and a token of theirs.</summary>
public sealed record Actor(SandboxMember Member, string Token)
{
    public string Urn => Member.Urn;
}

/// <summary>
/// Base of the sandbox tests: a fresh sandbox per test, and helpers that build LinkedIn requests by
/// hand, so each test states exactly which headers and body go over the wire.
/// </summary>
public abstract class SandboxTestBase : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    /// <summary>A version active at <see cref="SandboxFixture.StartTime"/>.</summary>
    protected const string ActiveVersion = "202611";

    protected SandboxTestBase(SandboxFixture fixture)
    {
        Fixture = fixture;
    }

    protected SandboxFixture Fixture { get; }

    protected SandboxAdminClient Admin => Fixture.Server.Admin;

    protected HttpClient Http => Fixture.Http;

    public Task InitializeAsync() => Admin.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected static string Enc(string urn) => Uri.EscapeDataString(urn);

    protected async Task<Actor> NewMemberAsync(IEnumerable<string> scopes, params SandboxOrganizationRole[] organizations)
    {
        var member = await Admin.CreateMemberAsync("Ada Lovelace", organizations);
        return new Actor(member, await Admin.CreateTokenAsync(member.Urn, scopes));
    }

    /// <summary>A member allowed to post as themselves and to read their own posts.</summary>
    protected Task<Actor> NewPosterAsync() => NewMemberAsync(["w_member_social", "r_member_social"]);

    protected static HttpRequestMessage Rest(HttpMethod method, string pathAndQuery, string? token, string? json = null,
        string? version = ActiveVersion, string? protocol = "2.0.0", string? restLiMethod = null)
    {
        var request = new HttpRequestMessage(method, pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (version is not null)
        {
            request.Headers.Add("LinkedIn-Version", version);
        }
        if (protocol is not null)
        {
            request.Headers.Add("X-Restli-Protocol-Version", protocol);
        }
        if (restLiMethod is not null)
        {
            request.Headers.Add("X-RestLi-Method", restLiMethod);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return request;
    }

    protected Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Http.SendAsync(request);

    /// <summary>The create body from linkedin-api.md 1.2; <paramref name="change"/> edits it for a case.</summary>
    protected static string PostBody(string author, string commentary, Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["author"] = author,
            ["commentary"] = commentary,
            ["visibility"] = "PUBLIC",
            ["distribution"] = new JsonObject
            {
                ["feedDistribution"] = "MAIN_FEED",
                ["targetEntities"] = new JsonArray(),
                ["thirdPartyDistributionChannels"] = new JsonArray(),
            },
            ["lifecycleState"] = "PUBLISHED",
            ["isReshareDisabledByAuthor"] = false,
        };
        change?.Invoke(body);
        return body.ToJsonString();
    }

    protected Task<HttpResponseMessage> CreatePostAsync(string token, string author, string commentary, string? version = ActiveVersion) =>
        SendAsync(Rest(HttpMethod.Post, "rest/posts", token, PostBody(author, commentary), version));

    /// <summary>Creates a post that must succeed and returns its URN.</summary>
    protected async Task<string> CreatedUrnAsync(Actor actor, string commentary, string? author = null)
    {
        using var response = await CreatePostAsync(actor.Token, author ?? actor.Urn, commentary);
        Assert.Equal(201, (int)response.StatusCode);
        return Assert.Single(response.Headers.GetValues("x-restli-id"));
    }

    protected static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return Assert.IsType<JsonObject>(JsonNode.Parse(text));
    }

    /// <summary>Asserts status and the LinkedIn error body's own status field, and returns the body.</summary>
    protected static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(status, (int)body["status"]!);
        return body;
    }

    /// <summary>The input error codes of a LinkedIn validation body, by field path.</summary>
    protected static IReadOnlyDictionary<string, string> InputErrors(JsonObject body) =>
        body["errorDetails"]!["inputErrors"]!.AsArray()
            .ToDictionary(e => (string?)e!["input"]?["inputPath"]?["fieldPath"] ?? "", e => (string)e!["code"]!);
}
