# Pester 5: the built module folder as PowerShell loads it (no sandbox needed).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'LinkedInPosts.TestHelpers.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    Import-Module $Manifest -Force
}

Describe 'The LinkedInPosts module' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $Manifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports exactly the manifest''s cmdlets' {
        (Get-Command -Module LinkedInPosts).Name | Sort-Object |
            Should -Be @('Add-LinkedInMedia', 'Connect-LinkedIn', 'Disconnect-LinkedIn', 'Export-LinkedInScheduledPost', 'Get-LinkedInConnection',
                'Get-LinkedInPost', 'Get-LinkedInScheduledPost', 'Invoke-LinkedInPostQueue', 'New-LinkedInPost', 'Register-LinkedInPostQueueTask',
                'Register-LinkedInScheduledPost', 'Remove-LinkedInPost', 'Set-LinkedInPost', 'Set-LinkedInScheduledPost', 'Test-LinkedInConnection',
                'Test-LinkedInPostQueue', 'Unregister-LinkedInPostQueueTask', 'Unregister-LinkedInScheduledPost')
        (Get-Command -Module LinkedInPosts).CommandType | Sort-Object -Unique | Should -Be 'Cmdlet'
    }

    It 'supports -WhatIf on every cmdlet that changes LinkedIn, and not on the others' {
        foreach ($name in 'New-LinkedInPost', 'Set-LinkedInPost', 'Remove-LinkedInPost', 'Disconnect-LinkedIn', 'Register-LinkedInPostQueueTask', 'Unregister-LinkedInPostQueueTask',
            'Register-LinkedInScheduledPost', 'Set-LinkedInScheduledPost', 'Unregister-LinkedInScheduledPost', 'Export-LinkedInScheduledPost', 'Invoke-LinkedInPostQueue') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'WhatIf'
        }
        foreach ($name in 'Connect-LinkedIn', 'Get-LinkedInPost', 'Get-LinkedInConnection', 'Test-LinkedInConnection', 'Get-LinkedInScheduledPost', 'Test-LinkedInPostQueue') {
            (Get-Command $name).Parameters.Keys | Should -Not -Contain 'WhatIf'
        }
    }

    It 'loads from the built folder' {
        (Get-Module LinkedInPosts).ModuleBase | Should -Be (Split-Path -Parent (Resolve-Path $Manifest).Path)
    }
}
