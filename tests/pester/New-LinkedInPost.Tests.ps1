# Pester 5: New-LinkedInPost against the standalone sandbox, through the built module folder.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'LinkedInPosts.TestHelpers.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    $script:Sandbox = Start-TestSandbox
    $script:Token = ConvertTo-TestSecureString -Token $Sandbox.Token
    Connect-LinkedIn -AccessToken $Token -ApiBaseUri $Sandbox.BaseUri | Out-Null
}

AfterAll {
    Stop-TestSandbox -Sandbox $script:Sandbox
}

Describe 'New-LinkedInPost' {
    It 'publishes text with ( ) # @ _ * so that it comes back whole' {
        $text = "Patch night (Tuesday) went fine #ops @team_lead: 2*3 = 6 $([guid]::NewGuid())"
        $post = New-LinkedInPost -Text $text

        $post.Urn | Should -BeLike 'urn:li:*'
        $post.Commentary | Should -Be $text
        $stored = Get-TestStoredPost -Sandbox $Sandbox -Urn $post.Urn
        $stored.commentary | Should -Be $stored.sentCommentary
        (Get-LinkedInPost -Urn $post.Urn).Commentary | Should -Be $text
    }

    It '-WhatIf shows the escaped text and the JSON body and sends nothing' {
        $before = (Get-TestRequest -Sandbox $Sandbox).Count
        $shown = Invoke-WithTranscript { New-LinkedInPost -Text 'Draft (check me) #ops' -WhatIf }

        $shown | Should -Match 'What if:'
        $shown | Should -Match ([regex]::Escape('Draft \(check me\) #ops'))
        $shown | Should -Match '"commentary":'
        @(Get-TestRequest -Sandbox $Sandbox | Select-Object -Skip $before).Count | Should -Be 0
    }

    It 'takes texts from the pipeline, by value and from CSV rows' {
        $id = [guid]::NewGuid()
        $posts = @(
            "first piped $id", "second piped $id" | New-LinkedInPost
            "Text,Visibility`r`nrow one $id,Connections`r`nrow two $id,LoggedIn" | ConvertFrom-Csv | New-LinkedInPost
        )
        $posts.Count | Should -Be 4
        (Get-TestStoredPost -Sandbox $Sandbox -Urn $posts[2].Urn).visibility | Should -Be 'CONNECTIONS'
        (Get-TestStoredPost -Sandbox $Sandbox -Urn $posts[3].Urn).visibility | Should -Be 'LOGGED_IN'
    }

    It 'sends -Raw text as given and honours -DisableReshare' {
        $post = New-LinkedInPost -Text "raw \(escaped\) $([guid]::NewGuid())" -Raw -DisableReshare
        $stored = Get-TestStoredPost -Sandbox $Sandbox -Urn $post.Urn
        $stored.sentCommentary | Should -BeLike 'raw \(escaped\) *'
        $stored.isReshareDisabledByAuthor | Should -BeTrue
    }

    It 'writes LinkedInInvalidCommentary for one text over 3000 characters and posts the rest' {
        $posts = @(('x' * 3001), "fine $([guid]::NewGuid())" | New-LinkedInPost -ErrorVariable failures -ErrorAction SilentlyContinue)
        $posts.Count | Should -Be 1
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInInvalidCommentary,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'writes LinkedInDuplicatePost naming the existing post' {
        $text = "said twice $([guid]::NewGuid())"
        $first = New-LinkedInPost -Text $text
        New-LinkedInPost -Text $text -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInDuplicatePost,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape($first.Urn))
    }

    It 'writes LinkedInPermissionDenied when the token lacks w_member_social' {
        $readOnly = New-TestToken -Sandbox $Sandbox -Scopes 'r_member_social', 'openid', 'profile'
        Connect-LinkedIn -AccessToken (ConvertTo-TestSecureString -Token $readOnly) -ApiBaseUri $Sandbox.BaseUri -Name readOnly | Out-Null
        New-LinkedInPost -Text 'not allowed' -Connection readOnly -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInPermissionDenied,*'
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'w_member_social'
    }

    It 'stops with LinkedInVersionNotActive for a sunset API version' {
        Connect-LinkedIn -AccessToken $Token -ApiBaseUri $Sandbox.BaseUri -ApiVersion 202001 -Name old | Out-Null
        $thrown = { 'one', 'two' | New-LinkedInPost -Connection old } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'LinkedInVersionNotActive,*'
        $thrown.CategoryInfo.Category | Should -Be 'ProtocolError'
    }

    It 'stops with LinkedInThrottled when the daily limit is reached' {
        $member = New-TestMember -Sandbox $Sandbox -Name 'Busy Poster'
        $busy = New-TestToken -Sandbox $Sandbox -MemberUrn $member -Scopes 'w_member_social', 'openid', 'profile'
        Connect-LinkedIn -AccessToken (ConvertTo-TestSecureString -Token $busy) -ApiBaseUri $Sandbox.BaseUri -Name busy | Out-Null
        Set-TestDailyLimit -Sandbox $Sandbox -MemberDailyLimit 1
        try {
            $thrown = { "a $([guid]::NewGuid())", "b $([guid]::NewGuid())" | New-LinkedInPost -Connection busy } |
                Should -Throw -PassThru
        }
        finally {
            Set-TestDailyLimit -Sandbox $Sandbox -MemberDailyLimit 150
        }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'LinkedInThrottled,*'
        $thrown.CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }

    It 'stops with LinkedInNotConnected naming the command to run' {
        $thrown = { New-LinkedInPost -Text 'nowhere' -Connection neverConnected } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'LinkedInNotConnected,*'
        $thrown.Exception.Message | Should -Match 'Connect-LinkedIn -Name neverConnected -ClientId'
    }

    It 'shows each HTTP call with -Verbose and never the token on any stream' {
        $everything = Invoke-WithTranscript {
            $post = New-LinkedInPost -Text "verbose $([guid]::NewGuid())" -Verbose
            Get-LinkedInPost -Urn $post.Urn -Verbose
            Get-LinkedInPost -Urn 'urn:li:share:404404' -Verbose -ErrorAction Continue
        }
        $everything | Should -Match 'POST /rest/posts -> 201'
        $everything | Should -Not -Match ([regex]::Escape($Sandbox.Token))
    }
}
