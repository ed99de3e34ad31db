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

    It 'has help with a synopsis, examples and words for every parameter for every cmdlet' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        foreach ($command in Get-Command -Module LinkedInPosts) {
            $help = Get-Help $command.Name -Full
            $help.Synopsis | Should -Not -BeLike "$($command.Name)*" -Because "$($command.Name) needs its MAML help (en-US/LinkedInPosts.dll-Help.xml)"
            @($help.examples.example).Count | Should -BeGreaterThan 0 -Because "$($command.Name) needs examples"
            foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
                $parameter = $help.parameters.parameter | Where-Object name -EQ $name
                ($parameter.description | ForEach-Object Text) -join ' ' | Should -Not -BeNullOrEmpty -Because "$($command.Name) -$name needs a description"
            }
        }
    }

    It 'loads from the built folder' {
        (Get-Module LinkedInPosts).ModuleBase | Should -Be (Split-Path -Parent (Resolve-Path $Manifest).Path)
    }
}
