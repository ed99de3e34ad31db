# Pester 5: Remove-LinkedInPost against the standalone sandbox, through the built module folder.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'LinkedInPosts.TestHelpers.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    $script:Sandbox = Start-TestSandbox
    Connect-LinkedIn -AccessToken (ConvertTo-TestSecureString -Token $Sandbox.Token) -ApiBaseUri $Sandbox.BaseUri | Out-Null
}

AfterAll {
    Stop-TestSandbox -Sandbox $script:Sandbox
}

Describe 'Remove-LinkedInPost' {
    It 'has ConfirmImpact High' {
        (Get-Command Remove-LinkedInPost).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }

    It 'deletes piped post objects and -PassThru writes their URNs' {
        $id = [guid]::NewGuid()
        $posts = @("delete one $id", "delete two $id" | New-LinkedInPost)
        $removed = @($posts | Remove-LinkedInPost -Confirm:$false -PassThru)

        $removed.Count | Should -Be 2
        $removed[0].GetType().Name | Should -Be 'LinkedInUrn'
        $removed | ForEach-Object { $_.ToString() } | Should -Be $posts.Urn
        $posts | ForEach-Object { (Get-TestStoredPost -Sandbox $Sandbox -Urn $_.Urn).deleted | Should -BeTrue }
    }

    It 'deletes URN strings from the pipeline' {
        $post = New-LinkedInPost -Text "by urn $([guid]::NewGuid())"
        $post.Urn | Remove-LinkedInPost -Confirm:$false
        (Get-TestStoredPost -Sandbox $Sandbox -Urn $post.Urn).deleted | Should -BeTrue
    }

    It '-WhatIf deletes nothing' {
        $post = New-LinkedInPost -Text "kept $([guid]::NewGuid())"
        $before = (Get-TestRequest -Sandbox $Sandbox).Count
        $shown = Invoke-WithTranscript { $post | Remove-LinkedInPost -WhatIf }

        $shown | Should -Match 'What if:'
        $shown | Should -Match ([regex]::Escape($post.Urn))
        @(Get-TestRequest -Sandbox $Sandbox | Select-Object -Skip $before).Count | Should -Be 0
        (Get-TestStoredPost -Sandbox $Sandbox -Urn $post.Urn).deleted | Should -BeFalse
    }

    It 'writes an error for a bad URN and still deletes the others' {
        $id = [guid]::NewGuid()
        $posts = @("bulk one $id", "bulk two $id" | New-LinkedInPost)
        $posts[0].Urn, 'urn:li:organization:1', $posts[1].Urn |
            Remove-LinkedInPost -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInInvalidUrn,*'
        $failures[0].TargetObject | Should -Be 'urn:li:organization:1'
        $posts | ForEach-Object { (Get-TestStoredPost -Sandbox $Sandbox -Urn $_.Urn).deleted | Should -BeTrue }
    }
}
