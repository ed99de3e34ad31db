using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>An initializeUpload answer for an image or document: the URN and where to PUT the bytes.</summary>
public sealed record Upload(string Urn, string UploadUrl);

/// <summary>Helpers for the media APIs: initialize, PUT bytes, read status, as a client would over HTTP.</summary>
public abstract class MediaTestBase : SandboxTestBase
{
    /// <summary>LinkedIn's video part size.</summary>
    protected const int PartSize = 4_194_304;

    protected MediaTestBase(SandboxFixture fixture) : base(fixture) { }

    protected static string InitializeBody(string owner, long? fileSizeBytes = null)
    {
        var request = new JsonObject { ["owner"] = owner };
        if (fileSizeBytes is { } size)
        {
            request["fileSizeBytes"] = size;
            request["uploadCaptions"] = false;
            request["uploadThumbnail"] = false;
        }
        return new JsonObject { ["initializeUploadRequest"] = request }.ToJsonString();
    }

    protected Task<HttpResponseMessage> InitializeAsync(string collection, string token, string owner, long? fileSizeBytes = null) =>
        SendAsync(Rest(HttpMethod.Post, $"rest/{collection}?action=initializeUpload", token, InitializeBody(owner, fileSizeBytes)));

    /// <summary>Initializes an image or document upload that must succeed.</summary>
    protected async Task<Upload> InitializedAsync(string collection, Actor actor, string? owner = null)
    {
        using var response = await InitializeAsync(collection, actor.Token, owner ?? actor.Urn);
        Assert.Equal(200, (int)response.StatusCode);
        var value = (await JsonAsync(response))["value"]!;
        return new Upload((string)value[collection == "images" ? "image" : "document"]!, (string)value["uploadUrl"]!);
    }

    /// <summary>Initializes a video upload that must succeed; returns the whole <c>value</c>.</summary>
    protected async Task<JsonObject> InitializedVideoAsync(Actor actor, long fileSizeBytes, string? owner = null)
    {
        using var response = await InitializeAsync("videos", actor.Token, owner ?? actor.Urn, fileSizeBytes);
        Assert.Equal(200, (int)response.StatusCode);
        return (await JsonAsync(response))["value"]!.AsObject();
    }

    /// <summary>A PUT to an upload URL: no LinkedIn headers, Bearer only when given.</summary>
    protected Task<HttpResponseMessage> PutAsync(string uploadUrl, HttpContent content, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return SendAsync(request);
    }

    protected static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    /// <summary>Initializes and uploads an image (a 1200 x 627 PNG unless other bytes are given); returns its URN.</summary>
    protected async Task<string> UploadedImageAsync(Actor actor, string? owner = null, byte[]? bytes = null)
    {
        var upload = await InitializedAsync("images", actor, owner);
        using var response = await PutAsync(upload.UploadUrl, Bytes(bytes ?? MediaSamples.Png(1200, 627)));
        Assert.Equal(201, (int)response.StatusCode);
        return upload.Urn;
    }

    /// <summary>An image that is already AVAILABLE: uploaded, then the clock moved past its processing time.</summary>
    protected async Task<string> AvailableImageAsync(Actor actor, string? owner = null)
    {
        var urn = await UploadedImageAsync(actor, owner);
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(2));
        Assert.Equal("AVAILABLE", (await Admin.GetMediaAsync(urn))!.Status);
        return urn;
    }

    /// <summary>The status call of a media collection; asserts 200 and returns the body.</summary>
    protected async Task<JsonObject> StatusAsync(string collection, string urn, string token)
    {
        using var response = await SendAsync(Rest(HttpMethod.Get, $"rest/{collection}/{Enc(urn)}", token));
        Assert.Equal(200, (int)response.StatusCode);
        return await JsonAsync(response);
    }

    /// <summary>PUTs every part of a generated video in the given order; returns the ETags by instruction index.</summary>
    protected async Task<string[]> UploadPartsAsync(JsonObject video, params int[] order)
    {
        var instructions = video["uploadInstructions"]!.AsArray();
        var etags = new string[instructions.Count];
        foreach (var index in order.Length > 0 ? order : Enumerable.Range(0, instructions.Count))
        {
            var instruction = instructions[index]!;
            var first = (long)instruction["firstByte"]!;
            var last = (long)instruction["lastByte"]!;
            using var response = await PutAsync((string)instruction["uploadUrl"]!, GeneratedBytes.Content(first, last - first + 1));
            Assert.Equal(200, (int)response.StatusCode);
            etags[index] = Assert.Single(response.Headers.GetValues("ETag"));
        }
        return etags;
    }

    protected static string FinalizeBody(string video, IEnumerable<string> etags, string uploadToken = "") => new JsonObject
    {
        ["finalizeUploadRequest"] = new JsonObject
        {
            ["video"] = video,
            ["uploadToken"] = uploadToken,
            ["uploadedPartIds"] = new JsonArray(etags.Select(e => (JsonNode)e).ToArray()),
        },
    }.ToJsonString();

    protected Task<HttpResponseMessage> FinalizeAsync(string token, string video, IEnumerable<string> etags, string uploadToken = "") =>
        SendAsync(Rest(HttpMethod.Post, "rest/videos?action=finalizeUpload", token, FinalizeBody(video, etags, uploadToken)));

    /// <summary>The input error codes of a 400 rule violation body, by field path (several may share a path).</summary>
    protected static IReadOnlyList<(string Path, string Code)> RuleErrors(JsonObject body) =>
        body["errorDetails"]!["inputErrors"]!.AsArray()
            .Select(e => ((string)e!["input"]!["inputPath"]!["fieldPath"]!, (string)e["code"]!))
            .ToList();
}
