# Pester 5: Get-LinkedInPost against the standalone sandbox, through the built module folder.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'LinkedInPosts.TestHelpers.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    $script:Sandbox = Start-TestSandbox
    # A member of its own, so its feed holds exactly the posts these tests make.
    $script:Author = New-TestMember -Sandbox $Sandbox -Name 'Feed Reader'
    $token = New-TestToken -Sandbox $Sandbox -MemberUrn $Author -Scopes 'w_member_social', 'r_member_social', 'openid', 'profile'
    Connect-LinkedIn -AccessToken (ConvertTo-TestSecureString -Token $token) -ApiBaseUri $Sandbox.BaseUri | Out-Null
    $script:Urns = @(1..7 | ForEach-Object { (New-LinkedInPost -Text "feed post $_ $([guid]::NewGuid())").Urn })
}

AfterAll {
    Stop-TestSandbox -Sandbox $script:Sandbox
}

Describe 'Get-LinkedInPost' {
    It 'reads URNs from the pipeline by value' {
        $posts = @($Urns[0], $Urns[1] | Get-LinkedInPost)
        $posts.Urn | Should -Be @($Urns[0], $Urns[1])
    }

    It 'reads post objects and rows from the pipeline by property name' {
        $posts = @($Urns[0], $Urns[1] | Get-LinkedInPost | Get-LinkedInPost)
        $posts.Count | Should -Be 2
        $rows = @([pscustomobject]@{ Urn = $Urns[2] } | Get-LinkedInPost)
        $rows[0].Urn | Should -Be $Urns[2]
    }

    It 'writes an error for each bad URN and still returns the good ones' {
        $posts = @($Urns[0], 'not-a-urn', 'urn:li:share:999999999', $Urns[1] |
            Get-LinkedInPost -ErrorVariable failures -ErrorAction SilentlyContinue)
        $posts.Urn | Should -Be @($Urns[0], $Urns[1])
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInInvalidUrn,*'
        $failures[0].TargetObject | Should -Be 'not-a-urn'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'LinkedInNotFound,*'
        $failures[1].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It '-First 3 requests only the one page it needs' {
        $before = (Get-TestRequest -Sandbox $Sandbox).Count
        $posts = @(Get-LinkedInPost -Author $Author -First 3)
        $posts.Count | Should -Be 3
        $finder = @(Get-TestRequest -Sandbox $Sandbox | Select-Object -Skip $before | Where-Object { $_.path -match 'q=author' })
        $finder.Count | Should -Be 1
        $finder[0].path | Should -Match 'count=3'
    }

    It '-All returns every post of the author' {
        $posts = @(Get-LinkedInPost -Author $Author -All)
        $posts.Count | Should -Be 7
        $posts.Author | Sort-Object -Unique | Should -Be $Author
    }
}
