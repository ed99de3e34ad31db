# Pester 5: Invoke-LinkedInPostQueue and Test-LinkedInPostQueue against the standalone sandbox, through
# the built module folder, as Task Scheduler or cron would run them. Posts are registered through Core
# (ScheduledPostBuilder and IQueueStore.RegisterBatch, as the module loaded them), into a queue file of
# each test's own. The exit-code test starts a real pwsh process with the scheduled task's command line.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'LinkedInPosts.TestHelpers.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    $script:Sandbox = Start-TestSandbox
    $script:Token = ConvertTo-TestSecureString -Token $Sandbox.Token

    function New-TestQueuePath {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('linkedinposts-queue-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        Join-Path $folder 'queue.db'
    }

    function Add-TestQueuedPost {
        param(
            [Parameter(Mandatory)] [string]$QueuePath,
            [Parameter(Mandatory)] [string]$Connection,
            [Parameter(Mandatory)] [string[]]$Text,
            [Parameter(Mandatory)] [DateTimeOffset]$At,
            [string]$Author = $script:Sandbox.Member,
            [string]$KeyPrefix = 'p'
        )
        $store = [LinkedInPosts.Core.Queue.QueueStoreFactory]::Open([LinkedInPosts.Core.Queue.QueueStoreOptions]@{ Path = $QueuePath })
        try {
            $i = 0
            $posts = foreach ($line in $Text) {
                $draft = [LinkedInPosts.Core.Content.PostDraft]::new([LinkedInPosts.Core.Content.LinkedInUrn]::Parse($Author), $line)
                $request = [LinkedInPosts.Core.Queue.ScheduleRequest]::new($draft, $Connection, $At, 'UTC')
                $request.Key = $KeyPrefix + ($i++)
                [LinkedInPosts.Core.Queue.ScheduledPostBuilder]::Build($request, $store.Media)
            }
            $null = $store.RegisterBatch([LinkedInPosts.Core.Queue.NewScheduledPost[]]@($posts), [LinkedInPosts.Core.Queue.RegistrationMode]::AddOnly)
        }
        finally {
            $store.Dispose()
        }
    }

    function Get-TestQueuedState {
        param([Parameter(Mandatory)] [string]$QueuePath, [Parameter(Mandatory)] [string]$Key)
        $store = [LinkedInPosts.Core.Queue.QueueStoreFactory]::Open([LinkedInPosts.Core.Queue.QueueStoreOptions]@{ Path = $QueuePath })
        try {
            $store.GetByKey($Key).State.ToString()
        }
        finally {
            $store.Dispose()
        }
    }
}

AfterAll {
    Stop-TestSandbox -Sandbox $script:Sandbox
}

Describe 'Invoke-LinkedInPostQueue' {
    BeforeEach {
        $script:Queue = New-TestQueuePath
        $script:Name = 'pesterQueue' + (Get-Random)
        $null = Connect-LinkedIn -Name $Name -AccessToken $Token -ApiBaseUri $Sandbox.BaseUri -WarningAction SilentlyContinue
    }

    It 'publishes the due posts once, writes a result per post and then the summary' {
        Add-TestQueuedPost -QueuePath $Queue -Connection $Name -Text "Patch night (Tuesday) $(Get-Random)", "Second $(Get-Random)" -At ([DateTimeOffset]::UtcNow.AddMinutes(-1))

        $output = Invoke-LinkedInPostQueue -Path $Queue -WarningAction SilentlyContinue
        $ok = $?

        $ok | Should -BeTrue
        $results = @($output | Where-Object { $_ -is [LinkedInPosts.PowerShell.Queue.LinkedInQueueRunResult] })
        $results.Count | Should -Be 2
        $results.Outcome | Should -Be @('Published', 'Published')
        $summary = $output[-1]
        $summary | Should -BeOfType ([LinkedInPosts.PowerShell.Queue.LinkedInQueueRunSummary])
        $summary.Published | Should -Be 2
        $summary.ExitCode | Should -Be 0
        foreach ($result in $results) {
            (Get-TestStoredPost -Sandbox $Sandbox -Urn $result.PostUrn).Author | Should -Be $Sandbox.Member
        }

        $again = Invoke-LinkedInPostQueue -Path $Queue -WarningAction SilentlyContinue
        $again[-1].Posts | Should -Be 0
    }

    It 'writes LinkedInScheduledPostMissed for a post overdue by more than -MaxLateness' {
        Add-TestQueuedPost -QueuePath $Queue -Connection $Name -Text "Too late $(Get-Random)" -At ([DateTimeOffset]::UtcNow.AddHours(-3))

        $null = Invoke-LinkedInPostQueue -Path $Queue -MaxLateness 1h -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInScheduledPostMissed,*'
        Get-TestQueuedState -QueuePath $Queue -Key p0 | Should -Be 'Missed'
    }

    It 'holds the posts of an expired connection with one error naming it' {
        $expired = 'pesterExpired' + (Get-Random)
        $null = Connect-LinkedIn -Name $expired -AccessToken $Token -ApiBaseUri $Sandbox.BaseUri -AccessTokenExpiresAt (Get-Date).AddMinutes(-5) -WarningAction SilentlyContinue
        Add-TestQueuedPost -QueuePath $Queue -Connection $expired -Text 'Waiting one', 'Waiting two' -At ([DateTimeOffset]::UtcNow.AddMinutes(-1))

        $output = Invoke-LinkedInPostQueue -Path $Queue -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInAuthExpired,*'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape("Connect-LinkedIn -Name $expired"))
        $output[-1].Held | Should -Be 2
        Get-TestQueuedState -QueuePath $Queue -Key p0 | Should -Be 'Pending'
    }

    It 'sends and claims nothing with -WhatIf' {
        Add-TestQueuedPost -QueuePath $Queue -Connection $Name -Text 'Only a plan (for now)' -At ([DateTimeOffset]::UtcNow.AddMinutes(-1))
        $before = (Get-TestRequest -Sandbox $Sandbox).Count

        $plan = Invoke-LinkedInPostQueue -Path $Queue -WhatIf

        $plan.Outcome | Should -Be 'WouldPublish'
        $plan.Commentary | Should -Be 'Only a plan \(for now\)'
        (Get-TestRequest -Sandbox $Sandbox).Count | Should -Be $before
        Get-TestQueuedState -QueuePath $Queue -Key p0 | Should -Be 'Pending'
    }

    It 'exits non-zero from the scheduled command line when something needs a person' {
        Add-TestQueuedPost -QueuePath $Queue -Connection ('nobody' + (Get-Random)) -Text 'Nobody connected' -At ([DateTimeOffset]::UtcNow.AddMinutes(-1))
        $pwsh = (Get-Process -Id $PID).Path
        $command = "Import-Module '$(Get-TestModuleManifest)'; Invoke-LinkedInPostQueue -Path '$Queue' | Out-Null; exit [int](-not `$?)"

        & $pwsh -NoProfile -NonInteractive -Command $command 2>&1 | Out-Null

        $LASTEXITCODE | Should -Be 1
    }
}

Describe 'Test-LinkedInPostQueue' {
    BeforeEach {
        $script:Queue = New-TestQueuePath
        $script:Name = 'pesterCheck' + (Get-Random)
        $null = Connect-LinkedIn -Name $Name -AccessToken $Token -ApiBaseUri $Sandbox.BaseUri -AccessTokenExpiresAt (Get-Date).AddHours(1) -WarningAction SilentlyContinue
    }

    It 'reports a token that expires before a post as an Error finding with the fix' {
        Add-TestQueuedPost -QueuePath $Queue -Connection $Name -Text 'After expiry' -At ([DateTimeOffset]::UtcNow.AddHours(3))

        $findings = Test-LinkedInPostQueue -Path $Queue -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $token = $findings | Where-Object Check -EQ 'Token'
        $token.Severity | Should -Be 'Error'
        $token.Fix | Should -Match ([regex]::Escape("Connect-LinkedIn -Name $Name"))
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInQueuePreflightFailed,*'
        Test-LinkedInPostQueue -Path $Queue -Quiet -WarningAction SilentlyContinue | Should -BeFalse
    }

    It 'is quiet and true for a healthy queue' {
        Add-TestQueuedPost -QueuePath $Queue -Connection $Name -Text 'Soon' -At ([DateTimeOffset]::UtcNow.AddMinutes(30))

        Test-LinkedInPostQueue -Path $Queue -Quiet -WarningAction SilentlyContinue | Should -BeTrue
    }
}
