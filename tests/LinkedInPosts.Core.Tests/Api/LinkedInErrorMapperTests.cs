using System.Net.Http;
using System.Net.Http.Headers;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Errors;
using Microsoft.Extensions.Time.Testing;

namespace LinkedInPosts.Core.Tests.Api;

/// <summary>Error bodies exactly as LinkedIn sends them (linkedin-api.md 6.2, 6.3, 1.8, 4), not only as our sandbox does.</summary>
public sealed class LinkedInErrorMapperTests
{
    private static readonly LinkedInClientOptions Options = new() { ApiVersion = "202409" };

    private static LinkedInException Map(int status, string body, Action<System.Net.Http.Headers.HttpResponseHeaders>? headers = null)
    {
        using var response = new HttpResponseMessage();
        headers?.Invoke(response.Headers);
        return LinkedInErrorMapper.Map(new LinkedInRequest(HttpMethod.Post, "rest/posts") { RequiredScope = "w_member_social" }, status, response.Headers, body, Options);
    }

    [Fact]
    public void Duplicate_post_carries_the_urn_from_LinkedIns_message()
    {
        var error = Assert.IsType<LinkedInDuplicatePostException>(Map(422,
            """{"errorDetailType":"com.linkedin.common.error.BadRequest","message":"com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of urn:li:share:7141138937766391808","errorDetails":{"inputErrors":[{"description":"Duplicate post is detected","input":{},"code":"DUPLICATE_POST"}]},"status":422}"""));

        Assert.Equal("urn:li:share:7141138937766391808", error.ExistingUrn);
        Assert.Equal("DUPLICATE_POST", error.LinkedInCode);
    }

    [Fact]
    public void Real_LinkedIns_403_without_a_named_permission_falls_back_to_the_scope_the_call_needs()
    {
        var error = Assert.IsType<LinkedInPermissionException>(Map(403,
            """{"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions to access: POST /posts"}"""));

        Assert.Equal("w_member_social", error.MissingScope);
        Assert.Equal(100, error.ServiceErrorCode);
    }

    [Theory]
    [InlineData("""{"serviceErrorCode":65600,"message":"Invalid access token","status":401}""", AuthFailureReason.Invalid)]
    [InlineData("""{"status":401,"serviceErrorCode":65601,"code":"REVOKED_ACCESS_TOKEN","message":"The token used in the request has been revoked by the user"}""", AuthFailureReason.Revoked)]
    [InlineData("""{"status":401,"serviceErrorCode":65602,"code":"EXPIRED_ACCESS_TOKEN","message":"The token used in the request has expired"}""", AuthFailureReason.Expired)]
    [InlineData("""{"message":"Empty oauth2_access_token","serviceErrorCode":401,"status":401}""", AuthFailureReason.Missing)]
    public void Each_401_kind_is_told_apart(string body, AuthFailureReason reason)
    {
        Assert.Equal(reason, Assert.IsType<LinkedInAuthException>(Map(401, body)).Reason);
    }

    [Fact]
    public void Version_426_keeps_LinkedIns_words_and_names_the_fix()
    {
        var error = Assert.IsType<LinkedInVersionSunsetException>(Map(426,
            """{"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 20240901 is not active"}"""));

        Assert.Equal("202409", error.Version);
        Assert.Contains("Requested version 20240901 is not active", error.Message);
        Assert.Contains("Connect-LinkedIn -ApiVersion", error.Message);
    }

    [Fact]
    public void Length_error_names_the_commentary_field()
    {
        var error = Assert.IsType<LinkedInValidationException>(Map(400,
            """{"errorDetailType":"com.linkedin.common.error.BadRequest","message":"com.linkedin.content.common.exception.BadRequestResponseException: ShareCommentary text length (8694 characters) exceeded the maximum allowed (3000 characters)","errorDetails":{"inputErrors":[{"description":"Size of array cannot be higher than the maxLength","input":{},"code":"FIELD_ARRAY_SIZE_TOO_HIGH"}]},"status":400}"""));

        Assert.Equal("Commentary", error.Field);
        Assert.Equal("LinkedInInvalidCommentary", error.ErrorId);
    }

    [Fact]
    public void Throttle_with_Retry_After_seconds_uses_it()
    {
        var before = DateTimeOffset.UtcNow;
        var error = Assert.IsType<LinkedInThrottledException>(Map(429,
            """{"serviceErrorCode":101,"message":"Resource level throttle limit for calls to this resource is reached.","status":429}""",
            h => h.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30))));

        Assert.True(error.IsRetryAfterFromServer);
        Assert.InRange(error.RetryAt!.Value, before.AddSeconds(29), DateTimeOffset.UtcNow.AddSeconds(31));
        Assert.True(error.IsTransient);
        // LinkedIn's message ends in a full stop of its own: one, not two, before "Try again".
        Assert.Contains("is reached. Try again", error.Message);
    }

    [Fact]
    public void Throttle_without_Retry_After_waits_for_midnight_UTC()
    {
        var error = Assert.IsType<LinkedInThrottledException>(Map(429, """{"serviceErrorCode":101,"message":"limit","status":429}"""));

        Assert.False(error.IsRetryAfterFromServer);
        Assert.Equal(TimeSpan.Zero, error.RetryAt!.Value.TimeOfDay);
        Assert.True(error.RetryAt > DateTimeOffset.UtcNow);
    }

    /// <summary>The time the server-error tests map at: their Retry-After is read against the client's clock.</summary>
    private static readonly DateTimeOffset MappedAt = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static LinkedInException MapAt(DateTimeOffset now, int status, RetryConditionHeaderValue? retryAfter, bool upload = false)
    {
        var options = new LinkedInClientOptions { ApiVersion = "202409", Clock = new FakeTimeProvider(now) };
        using var response = new HttpResponseMessage();
        response.Headers.RetryAfter = retryAfter;
        const string body = """{"message":"Service Unavailable","status":503}""";
        return upload
            ? LinkedInErrorMapper.MapUpload(new UploadRequest(new Uri("https://www.linkedin.com/dms-uploads/abc"), 3, () => Stream.Null, "photo.png"), status, response.Headers, body, options)
            : LinkedInErrorMapper.Map(new LinkedInRequest(HttpMethod.Get, "rest/posts"), status, response.Headers, body, options);
    }

    [Fact]
    public void A_503_with_Retry_After_seconds_carries_the_time_and_says_it()
    {
        var error = Assert.IsType<LinkedInServerException>(MapAt(MappedAt, 503, new RetryConditionHeaderValue(TimeSpan.FromSeconds(600))));

        Assert.True(error.IsRetryAfterFromServer);
        Assert.Equal(MappedAt.AddSeconds(600), error.RetryAt);
        Assert.Contains("LinkedIn asks to try again at 2026-03-01 08:10 UTC", error.Message);
        Assert.True(error.IsTransient);
        Assert.Equal("LinkedInServerError", error.ErrorId);
    }

    [Fact]
    public void A_503_with_a_Retry_After_date_carries_that_date()
    {
        var date = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

        var error = Assert.IsType<LinkedInServerException>(MapAt(MappedAt, 503, new RetryConditionHeaderValue(date)));

        Assert.True(error.IsRetryAfterFromServer);
        Assert.Equal(date, error.RetryAt);
        Assert.Contains("try again at 2026-03-01 09:30 UTC", error.Message);
    }

    [Theory]
    [InlineData(502, false)]
    [InlineData(408, false)]
    [InlineData(503, true)]
    public void A_short_Retry_After_on_any_server_error_is_told_in_seconds(int status, bool upload)
    {
        var error = Assert.IsType<LinkedInServerException>(MapAt(MappedAt, status, new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)), upload));

        Assert.Equal(MappedAt.AddSeconds(30), error.RetryAt);
        Assert.Contains("LinkedIn asks to try again in 30 s.", error.Message);
    }

    [Fact]
    public void A_503_without_Retry_After_carries_no_time()
    {
        var error = Assert.IsType<LinkedInServerException>(MapAt(MappedAt, 503, null));

        Assert.False(error.IsRetryAfterFromServer);
        Assert.Null(error.RetryAt);
        Assert.Contains("try again later", error.Message);
    }

    [Fact]
    public void A_non_json_gateway_page_still_maps_by_status_without_echoing_the_page()
    {
        var error = Assert.IsType<LinkedInServerException>(Map(502, "<html><body>Bad gateway</body></html>"));

        Assert.Equal(502, error.HttpStatus);
        Assert.DoesNotContain("<html>", error.Message);
        Assert.Equal("LinkedInServerError", error.ErrorId);
    }

    [Fact]
    public void Next_midnight_utc_is_the_start_of_the_next_utc_day()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
            LinkedInErrorMapper.NextMidnightUtc(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.FromHours(-5)).AddHours(-10)));
    }
}
