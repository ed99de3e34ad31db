# Pester 5: Set-LinkedInPost against the standalone sandbox, through the built module folder.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'LinkedInPosts.TestHelpers.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    $script:Sandbox = Start-TestSandbox
    Connect-LinkedIn -AccessToken (ConvertTo-TestSecureString -Token $Sandbox.Token) -ApiBaseUri $Sandbox.BaseUri | Out-Null
}

AfterAll {
    Stop-TestSandbox -Sandbox $script:Sandbox
}

Describe 'Set-LinkedInPost' {
    It 'replaces the text of a piped post and -PassThru shows it' {
        $post = New-LinkedInPost -Text "before the edit $([guid]::NewGuid())"
        $updated = $post | Set-LinkedInPost -Text 'after the edit (fixed) #ops' -PassThru

        $updated.Commentary | Should -Be 'after the edit (fixed) #ops'
        $stored = Get-TestStoredPost -Sandbox $Sandbox -Urn $post.Urn
        $stored.commentary | Should -Be $stored.sentCommentary
    }

    It 'writes nothing without -PassThru' {
        $post = New-LinkedInPost -Text "quiet edit $([guid]::NewGuid())"
        $post | Set-LinkedInPost -Text 'quietly edited' | Should -BeNullOrEmpty
    }

    It 'binds Urn and Text from CSV rows' {
        $post = New-LinkedInPost -Text "row target $([guid]::NewGuid())"
        $updated = [pscustomobject]@{ Urn = $post.Urn; Text = 'from a csv row' } | Set-LinkedInPost -PassThru
        $updated.Commentary | Should -Be 'from a csv row'
    }

    It '-WhatIf shows the escaped text and changes nothing' {
        $post = New-LinkedInPost -Text "unchanged $([guid]::NewGuid())"
        $before = (Get-TestRequest -Sandbox $Sandbox).Count
        $shown = Invoke-WithTranscript { Set-LinkedInPost -Urn $post.Urn -Text 'new (text)' -WhatIf }

        $shown | Should -Match 'What if:'
        $shown | Should -Match ([regex]::Escape('new \(text\)'))
        @(Get-TestRequest -Sandbox $Sandbox | Select-Object -Skip $before).Count | Should -Be 0
        (Get-TestStoredPost -Sandbox $Sandbox -Urn $post.Urn).commentary | Should -BeLike 'unchanged *'
    }

    It 'writes LinkedInNotFound for a post that does not exist' {
        Set-LinkedInPost -Urn 'urn:li:share:888888888' -Text 'nothing to edit' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
