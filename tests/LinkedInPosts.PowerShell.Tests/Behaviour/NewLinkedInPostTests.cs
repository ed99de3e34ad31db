using System.Management.Automation;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

public sealed class NewLinkedInPostTests : CmdletTestBase
{
    private const string Tricky = "Patch night (Tuesday) went fine #ops @team_lead: 2*3 = 6 (done)";

    public NewLinkedInPostTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task TheTextComesBackWholeWithReservedCharacters()
    {
        Connect();
        var run = PowerShell.Run("New-LinkedInPost -Text $args[0]", Tricky);
        run.AssertNoErrors();
        var post = run.Output.Single();
        var urn = (string)Property(post, "Urn")!;
        Assert.StartsWith("urn:li:", urn);
        Assert.Equal(Tricky, Property(post, "Commentary"));
        Assert.Equal(Member.Urn, Property(post, "Author"));

        var stored = await Sandbox.Admin.GetPostAsync(urn);
        Assert.NotNull(stored);
        // The sandbox cuts the text at the first unescaped reserved character, as LinkedIn does.
        Assert.Equal(stored!.SentCommentary, stored.Commentary);
        Assert.Contains("\\(Tuesday\\)", stored.Commentary);

        var readBack = PowerShell.Run("Get-LinkedInPost -Urn $args[0]", urn);
        readBack.AssertNoErrors();
        Assert.Equal(Tricky, Property(readBack.Output.Single(), "Commentary"));
    }

    [Fact]
    public async Task WhatIfShowsTheEscapedTextAndJsonBodyAndSendsNothing()
    {
        Connect();
        var before = await RequestCountAsync();
        var run = PowerShell.Run("New-LinkedInPost -Text $args[0] -WhatIf", Tricky);
        run.AssertNoErrors();
        Assert.Empty(run.Output);
        Assert.DoesNotContain(await RequestsSinceAsync(before), r => r.Method == "POST");
        Assert.Empty(await RequestsSinceAsync(before));

        Assert.Contains("What if:", run.HostText);
        Assert.Contains("Patch night \\(Tuesday\\) went fine", run.HostText);
        Assert.Contains("\"commentary\":", run.HostText);
        Assert.Contains("\"author\":\"" + Member.Urn + "\"", run.HostText);
        Assert.Contains("\"visibility\":\"PUBLIC\"", run.HostText);
    }

    [Fact]
    public async Task TextsFromThePipelineAndCsvRowsArePosted()
    {
        Connect();
        var run = PowerShell.Run(
            "'first from the pipeline', 'second from the pipeline' | New-LinkedInPost; " +
            "[pscustomobject]@{ Text = 'a csv row'; Visibility = 'Connections' }, " +
            "[pscustomobject]@{ Commentary = 'another row'; Visibility = 'LoggedIn' } | New-LinkedInPost");
        run.AssertNoErrors();
        Assert.Equal(4, run.Output.Count);

        var stored = (await Sandbox.Admin.GetPostsAsync()).Where(p => p.Author == Member.Urn).ToDictionary(p => p.Commentary);
        Assert.Equal("PUBLIC", stored["first from the pipeline"].Visibility);
        Assert.Equal("CONNECTIONS", stored["a csv row"].Visibility);
        Assert.Equal("LOGGED_IN", stored["another row"].Visibility);
    }

    [Fact]
    public async Task RawSendsTheTextAsGivenAndDisableReshareIsSent()
    {
        Connect();
        var run = PowerShell.Run("New-LinkedInPost -Text 'raw \\(already escaped\\) text' -Raw -DisableReshare");
        run.AssertNoErrors();
        var stored = await Sandbox.Admin.GetPostAsync((string)Property(run.Output.Single(), "Urn")!);
        Assert.Equal("raw \\(already escaped\\) text", stored!.SentCommentary);
        Assert.True(stored.IsReshareDisabledByAuthor);
    }

    [Fact]
    public async Task OneInvalidTextAmongSeveralIsWrittenAsAnErrorAndTheRestArePosted()
    {
        Connect();
        var before = await RequestCountAsync();
        var run = PowerShell.Run("('x' * 3001), 'short and fine' | New-LinkedInPost");
        Assert.Single(run.Output);
        var error = run.SingleError();
        Assert.StartsWith("LinkedInInvalidCommentary,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(new string('x', 3001), error.TargetObject);
        Assert.Null(run.Terminating);
        Assert.Single(await RequestsSinceAsync(before), r => r.Method == "POST");
    }

    [Fact]
    public void ADuplicateNamesTheExistingPost()
    {
        Connect();
        var first = PowerShell.Run("New-LinkedInPost -Text 'the same words twice'");
        first.AssertNoErrors();
        var urn = (string)Property(first.Output.Single(), "Urn")!;

        var second = PowerShell.Run("New-LinkedInPost -Text 'the same words twice'");
        var error = second.SingleError();
        Assert.StartsWith("LinkedInDuplicatePost,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains(urn, error.ErrorDetails.RecommendedAction);
        Assert.Equal("the same words twice", error.TargetObject);
    }

    [Fact]
    public async Task ATokenWithoutThePostingScopeIsPermissionDenied()
    {
        await ConnectWithScopesAsync("r_member_social", "openid", "profile");

        var run = PowerShell.Run("New-LinkedInPost -Text 'not allowed'");
        var error = run.SingleError();
        Assert.StartsWith("LinkedInPermissionDenied,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("w_member_social", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task ASunsetApiVersionStopsThePipelineWithAProtocolError()
    {
        PowerShell.Run("Connect-LinkedIn -AccessToken $Token -ApiBaseUri $SandboxUri -ApiVersion 202001").AssertNoErrors();
        var before = await RequestCountAsync();
        var run = PowerShell.Run("try { 'one', 'two' | New-LinkedInPost; 'continued' } catch { $_ }");
        var error = (ErrorRecord)run.Output.Single().BaseObject;
        Assert.StartsWith("LinkedInVersionNotActive,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ProtocolError, error.CategoryInfo.Category);
        Assert.Contains("-ApiVersion", error.ErrorDetails.RecommendedAction);
        // Terminating: the second text was never sent.
        Assert.Single(await RequestsSinceAsync(before), r => r.Method == "POST");
    }

    [Fact]
    public async Task TheDailyLimitStopsThePipelineWithLimitsExceeded()
    {
        Connect();
        await Sandbox.Admin.SetLimitsAsync(memberDailyLimit: 1);
        try
        {
            var run = PowerShell.Run("try { 'within the limit', 'over the limit', 'never sent' | New-LinkedInPost; 'continued' } catch { $_ }");
            Assert.Equal(2, run.Output.Count);
            var error = (ErrorRecord)run.Output[1].BaseObject;
            Assert.StartsWith("LinkedInThrottled,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            Assert.Contains("Try again after", error.ErrorDetails.RecommendedAction);
        }
        finally
        {
            await Sandbox.Admin.SetLimitsAsync(memberDailyLimit: new SandboxOptions().MemberDailyLimit);
        }
    }

    [Fact]
    public void WithoutAConnectionNothingRunsAndTheErrorSaysHowToConnect()
    {
        var run = PowerShell.Run("try { 'a', 'b' | New-LinkedInPost; 'continued' } catch { $_ }");
        var error = (ErrorRecord)run.Output.Single().BaseObject;
        Assert.StartsWith("LinkedInNotConnected,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("Connect-LinkedIn -ClientId", error.Exception.Message);
        Assert.Contains("-AccessToken", error.Exception.Message);
        Assert.Contains("token store of OS account", error.Exception.Message);
        Assert.Contains("Connect-LinkedIn -ClientId", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void VerboseShowsEachCallAndNoStreamEverShowsTheToken()
    {
        Connect();
        var run = PowerShell.Run(
            "$post = New-LinkedInPost -Text 'verbose please' -Verbose; " +
            "Get-LinkedInPost -Urn $post.Urn -Verbose; " +
            "Get-LinkedInPost -Urn urn:li:share:404404 -Verbose; " +
            "New-LinkedInPost -Text 'verbose please' -Verbose -Debug -InformationAction Continue -WarningAction Continue");
        Assert.Contains(run.Verbose, line => line.StartsWith("POST /rest/posts", StringComparison.Ordinal) && line.Contains("-> 201"));
        Assert.Contains(run.Verbose, line => line.StartsWith("GET /rest/posts/", StringComparison.Ordinal) && line.Contains("-> 404"));
        Assert.Equal(2, run.AllErrors.Count); // the 404 and the duplicate
        Assert.DoesNotContain(Token, run.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, PowerShell.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnansweredCreateIsReportedAsAnUnknownOutcome()
    {
        Connect();
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 503, Count = 2 });
        var run = PowerShell.Run("New-LinkedInPost -Text 'did it land?'");
        var error = run.SingleError();
        Assert.StartsWith("LinkedInPostOutcomeUnknown,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.False(string.IsNullOrEmpty(error.ErrorDetails.RecommendedAction));
        Assert.Contains(run.Warnings, w => w.Contains("Sending it once more", StringComparison.Ordinal));
    }

    /// <summary>
    /// A CSV row's Raw and DisableReshare columns are read as Register-LinkedInScheduledPost reads them (PowerShell alone
    /// ignored them, or would take 'False' as on): pre-escaped text is sent as it is, and resharing is off (review S14-P3).
    /// </summary>
    [Fact]
    public async Task ARowsRawAndDisableReshareColumnsAreReadAsRegisterReadsThem()
    {
        Connect();
        const string Escaped = "Thanks @[Contoso \\(EMEA\\)](urn:li:organization:1234)";
        var run = PowerShell.Run("[pscustomobject]@{ Text = $args[0]; Raw = 'True'; DisableReshare = 'yes' }, " +
            "[pscustomobject]@{ Text = 'Plain (not raw) ' + [guid]::NewGuid(); Raw = 'False'; DisableReshare = '' } | New-LinkedInPost", Escaped);

        run.AssertNoErrors();
        var raw = (await Sandbox.Admin.GetPostAsync(Property(run.Output[0], "Urn")!.ToString()!))!;
        Assert.Equal(Escaped, raw.SentCommentary);
        Assert.True(raw.IsReshareDisabledByAuthor);
        var plain = (await Sandbox.Admin.GetPostAsync(Property(run.Output[1], "Urn")!.ToString()!))!;
        Assert.StartsWith("Plain \\(not raw\\)", plain.SentCommentary);
        Assert.False(plain.IsReshareDisabledByAuthor);

        // A Boolean (ConvertFrom-Json's "Raw": true) is that switch too (review S14-S3).
        var boolean = PowerShell.Run("[pscustomobject]@{ Text = 'Again: ' + $args[0]; Raw = $true; DisableReshare = $true } | New-LinkedInPost", Escaped);
        boolean.AssertNoErrors();
        var fromBool = (await Sandbox.Admin.GetPostAsync(Property(boolean.Output.Single(), "Urn")!.ToString()!))!;
        Assert.Equal("Again: " + Escaped, fromBool.SentCommentary);
        Assert.True(fromBool.IsReshareDisabledByAuthor);

        var bad = PowerShell.Run("[pscustomobject]@{ Text = 'Which?'; Raw = 'perhaps' } | New-LinkedInPost");
        var error = bad.SingleError();
        Assert.Contains("Raw", error.Exception.Message);
        Assert.Contains("perhaps", error.Exception.Message);
    }
}
