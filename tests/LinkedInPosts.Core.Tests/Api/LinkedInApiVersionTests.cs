using LinkedInPosts.Core.Api;

namespace LinkedInPosts.Core.Tests.Api;

public sealed class LinkedInApiVersionTests
{
    [Theory]
    [InlineData("202610", true)]
    [InlineData("202508.02", true)]
    [InlineData("202613", false)]
    [InlineData("2026-10", false)]
    [InlineData("20261001", false)]
    [InlineData("", false)]
    public void Knows_LinkedIns_two_version_forms(string version, bool wellFormed)
    {
        Assert.Equal(wellFormed, LinkedInApiVersion.IsWellFormed(version));
    }

    [Fact]
    public void An_explicit_version_wins_and_a_malformed_one_says_the_form()
    {
        Assert.Equal("202509", LinkedInApiVersion.Resolve("202509"));
        var error = Assert.Throws<ArgumentException>(() => LinkedInApiVersion.Resolve("Oct 2026"));
        Assert.Contains("YYYYMM", error.Message);
    }

    [Fact]
    public void The_default_is_still_served_by_LinkedIn()
    {
        // LinkedIn sunsets a version about a year after release (202510 sunset on 2026-10-15). When this
        // fails, every call of the module fails with 426: bump LinkedInApiVersion.Default to a recent version.
        var sunset = LinkedInApiVersion.ReleaseMonth(LinkedInApiVersion.Default).AddYears(1).AddDays(14);
        Assert.True(DateTime.UtcNow < sunset, $"LinkedInApiVersion.Default ({LinkedInApiVersion.Default}) sunsets on {sunset:yyyy-MM-dd}; bump it.");
    }
}
