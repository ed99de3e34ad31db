# Pester 5: the scheduled-post cmdlets (Register-, Get-, Set-, Unregister-, Export-LinkedInScheduledPost)
# through the built module folder, with a queue file of the test's own and the standalone sandbox's
# connection (registration checks the connection and author; nothing is sent to LinkedIn).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'LinkedInPosts.TestHelpers.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    $script:Sandbox = Start-TestSandbox
    Connect-LinkedIn -AccessToken (ConvertTo-TestSecureString -Token $Sandbox.Token) -ApiBaseUri $Sandbox.BaseUri | Out-Null
    $script:Zone = 'Europe/Berlin'

    function New-TestFolder {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('linkedinposts-sched-' + [guid]::NewGuid().ToString('N').Substring(0, 10))
        $null = New-Item -ItemType Directory -Path $folder
        $folder
    }

    function New-TestPng {
        param([string] $Path)
        # A 1×1 PNG with valid chunks; the seed in a text chunk makes each file distinct.
        $bytes = [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC')
        $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $Path)
        [System.IO.File]::WriteAllBytes($Path, $bytes + [System.Text.Encoding]::ASCII.GetBytes([guid]::NewGuid().ToString()))
        $Path
    }
}

AfterAll {
    Stop-TestSandbox -Sandbox $script:Sandbox
}

Describe 'Register-LinkedInScheduledPost' {
    BeforeEach {
        $script:Folder = New-TestFolder
        $script:Queue = Join-Path $Folder 'queue.db'
        # Every scheduled-post cmdlet of this block uses the test's queue (-Path is the queue file for all but Export).
        $PSDefaultParameterValues['*-LinkedInScheduledPost:Path'] = $Queue
    }

    AfterEach {
        $PSDefaultParameterValues.Remove('*-LinkedInScheduledPost:Path')
        Remove-Item -Recurse -Force -Path $Folder -ErrorAction SilentlyContinue
    }

    It 'registers Import-Csv rows, with ; media lists relative to -BasePath, and a re-import adds nothing' {
        $null = New-TestPng (Join-Path $Folder 'pics/a.png')
        $null = New-TestPng (Join-Path $Folder 'pics/b.png')
        $csv = Join-Path $Folder 'posts.csv'
        @(
            [pscustomobject]@{ Text = 'Plain (text) #ops'; When = '2031-01-07 09:30'; Image = '' }
            [pscustomobject]@{ Text = 'Two pictures'; When = '2031-01-08 09:30'; Image = 'pics/a.png;pics/b.png' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation

        $first = Import-Csv $csv | Register-LinkedInScheduledPost -BasePath $csv -TimeZone $Zone
        $first.RegistrationOutcome | Should -Be @('Added', 'Added')
        $first[1].Kind | Should -Be 'MultiImage'
        $first[0].ScheduledAtUtc | Should -Be ([datetimeoffset]'2031-01-07T08:30:00Z')

        $again = Import-Csv $csv | Register-LinkedInScheduledPost -BasePath $csv -TimeZone $Zone -WarningVariable warned -WarningAction SilentlyContinue
        $again.RegistrationOutcome | Should -Be @('AlreadyExists', 'AlreadyExists')
        $warned | Should -Match 'Nothing new was registered'
        @(Get-LinkedInScheduledPost).Count | Should -Be 2
    }

    It 'writes one error per bad row naming the row and column, and registers the good ones' {
        $rows = @(
            [pscustomobject]@{ Text = 'good'; When = '2031-01-07 09:30' }
            [pscustomobject]@{ Text = 'bad'; When = '2031-03-30 02:30' }
            [pscustomobject]@{ Text = ''; When = '2031-01-09 09:30' }
            [pscustomobject]@{ Text = 'also good'; When = '2031-01-10 09:30' }
        )
        $out = $rows | Register-LinkedInScheduledPost -TimeZone $Zone -ErrorVariable failures -ErrorAction SilentlyContinue
        $out.Text | Should -Be @('good', 'also good')
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInInvalidScheduledAt,*'
        $failures[0].ErrorDetails.Message | Should -BeLike "Row 2 (CSV line 3), column 'When': *"
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'LinkedInInvalidCommentary,*'
        $failures[1].TargetObject.Text | Should -Be ''
    }

    It 'names Connect-LinkedIn for a connection that does not exist' {
        [pscustomobject]@{ Text = 'x'; When = '2031-01-07 09:30'; Connection = 'nowhere' } |
            Register-LinkedInScheduledPost -TimeZone $Zone -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInNotConnected,*'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-LinkedIn'
    }

    It '-WhatIf writes nothing' {
        Register-LinkedInScheduledPost -Text 'not yet' -ScheduledAt '2031-01-07 09:30' -TimeZone $Zone -WhatIf
        Test-Path $Queue | Should -BeFalse
    }
}

Describe 'Managing scheduled posts' {
    BeforeEach {
        $script:Folder = New-TestFolder
        $script:Queue = Join-Path $Folder 'queue.db'
        $script:Post = Register-LinkedInScheduledPost -Path $Queue -Key 'p1' -Text 'To manage' -ScheduledAt '2031-01-07 09:30' -TimeZone $Zone
    }

    AfterEach {
        Remove-Item -Recurse -Force -Path $Folder -ErrorAction SilentlyContinue
    }

    It 'filters with Get-LinkedInScheduledPost' {
        (Get-LinkedInScheduledPost -Path $Queue -State Pending).Key | Should -Be 'p1'
        Get-LinkedInScheduledPost -Path $Queue -State Published | Should -BeNullOrEmpty
        (Get-LinkedInScheduledPost -Path $Queue -Key p1).Id | Should -Be $Post.Id
    }

    It 'reschedules, holds and resumes through the pipeline' {
        $moved = $Post | Set-LinkedInScheduledPost -ScheduledAt '2031-01-08 10:00' -PassThru
        $moved.ScheduledAt.ToString('yyyy-MM-dd HH:mm') | Should -Be '2031-01-08 10:00'
        ($Post | Set-LinkedInScheduledPost -Hold -PassThru).State | Should -Be 'Held'
        ($Post | Set-LinkedInScheduledPost -Resume -PassThru).State | Should -Be 'Pending'
    }

    It 'cancels with Unregister-LinkedInScheduledPost and refuses to cancel twice' {
        ($Post | Unregister-LinkedInScheduledPost -Confirm:$false -PassThru).State | Should -Be 'Cancelled'
        $Post | Unregister-LinkedInScheduledPost -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInScheduledPostWrongState,*'
    }

    It 'takes a list typed on the command line as given, and splits only a row''s cell at ;' {
        $png = New-TestPng (Join-Path $Folder 'chart.png')
        $null = Register-LinkedInScheduledPost -Path $Queue -Key 'typed' -Text 'Revenue chart' -Media $png -AltText 'Revenue; 2024' -ScheduledAt '2031-01-09 09:30' -TimeZone $Zone -ErrorAction Stop
        $null = [pscustomobject]@{ Key = 'cell'; Text = 'Settle this'; When = '2031-01-10 09:30'; Poll = 'Which?'; PollOption = 'Tabs;Spaces'; PollDuration = 'ThreeDays' } |
            Register-LinkedInScheduledPost -Path $Queue -TimeZone $Zone -ErrorAction Stop
        $file = Join-Path $Folder 'lists.csv'
        Export-LinkedInScheduledPost -QueuePath $Queue -Path $file
        $rows = @{}
        Import-Csv $file | ForEach-Object { $rows[$_.Key] = $_ }
        $rows['typed'].AltText | Should -Be '"Revenue; 2024"'
        $rows['cell'].PollOption | Should -Be 'Tabs;Spaces'
    }

    It 'gives new media its own alt text, not the old file''s, and changes alt text alone' {
        $old = New-TestPng (Join-Path $Folder 'old.png')
        $new = New-TestPng (Join-Path $Folder 'new.png')
        $pic = Register-LinkedInScheduledPost -Path $Queue -Key 'pic' -Text 'The rack' -Media $old -AltText 'Old rack' -ScheduledAt '2031-01-09 09:30' -TimeZone $Zone -ErrorAction Stop
        $file = Join-Path $Folder 'pictures.csv'
        $altText = { Export-LinkedInScheduledPost -QueuePath $Queue -Path $file -Force; (Import-Csv $file | Where-Object Key -EQ 'pic').AltText }
        $pic | Set-LinkedInScheduledPost -Media $new -ErrorAction Stop
        & $altText | Should -Be ''
        $pic | Set-LinkedInScheduledPost -AltText 'New rack' -ErrorAction Stop
        & $altText | Should -Be 'New rack'
        { $Post | Set-LinkedInScheduledPost -Title 'A text post has no file' -ErrorAction Stop } | Should -Throw -ErrorId 'LinkedInInvalidTitle'
    }

    It 'exports to CSV that registers again in another queue with the same key' {
        $file = Join-Path $Folder 'export.csv'
        Export-LinkedInScheduledPost -QueuePath $Queue -Path $file
        $other = Join-Path $Folder 'other.db'
        $copy = Import-Csv $file | Register-LinkedInScheduledPost -BasePath $file -Path $other
        $copy.Key | Should -Be 'p1'
        $copy.ScheduledAtUtc | Should -Be $Post.ScheduledAtUtc
        { Export-LinkedInScheduledPost -QueuePath $Queue -Path $file -NoClobber } | Should -Throw -ErrorId 'LinkedInExportFileExists'
    }
}
