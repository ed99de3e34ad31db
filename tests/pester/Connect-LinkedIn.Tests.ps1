# Pester 5: Connect-LinkedIn against the standalone sandbox, through the built module folder.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'LinkedInPosts.TestHelpers.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    $script:Sandbox = Start-TestSandbox
    $script:Token = ConvertTo-TestSecureString -Token $Sandbox.Token
}

AfterAll {
    Stop-TestSandbox -Sandbox $script:Sandbox
}

Describe 'Connect-LinkedIn' {
    It 'outputs the connection with the member and never the token' {
        $connection = Connect-LinkedIn -AccessToken $Token -ApiBaseUri $Sandbox.BaseUri

        $connection.Name | Should -Be 'default'
        $connection.Member | Should -Be $Sandbox.Member
        $connection.MemberName | Should -Not -BeNullOrEmpty
        $connection.ApiBaseUri | Should -Be ([uri]$Sandbox.BaseUri)
        $connection.ApiVersion | Should -Be ([LinkedInPosts.Core.Api.LinkedInApiVersion]::Resolve($null))
        $connection.IsSandbox | Should -BeTrue

        $everything = ($connection | Format-List * | Out-String) + $connection.ToString()
        $everything | Should -Not -Match ([regex]::Escape($Sandbox.Token))
        $connection.PSObject.Properties.Name | Should -Not -Contain 'AccessToken'
    }

    It 'reads LINKEDINPOSTS_ACCESS_TOKEN when -AccessToken is not given' {
        $env:LINKEDINPOSTS_ACCESS_TOKEN = $Sandbox.Token
        try {
            $connection = Connect-LinkedIn -ApiBaseUri $Sandbox.BaseUri -Name fromEnvironment
        }
        finally {
            $env:LINKEDINPOSTS_ACCESS_TOKEN = $null
        }
        $connection.Member | Should -Be $Sandbox.Member
    }

    It 'accepts the token as the sandbox prints it (a plain string) and keeps it as a SecureString' {
        $connection = Connect-LinkedIn -AccessToken $Sandbox.Token -ApiBaseUri $Sandbox.BaseUri -Name plain
        $connection.Member | Should -Be $Sandbox.Member
        (Get-Command Connect-LinkedIn).Parameters['AccessToken'].ParameterType | Should -Be ([securestring])
    }

    It 'stops with LinkedInNoAccessToken when there is no token at all' {
        $saved = $env:LINKEDINPOSTS_ACCESS_TOKEN
        $env:LINKEDINPOSTS_ACCESS_TOKEN = $null
        try {
            { Connect-LinkedIn -ApiBaseUri $Sandbox.BaseUri } | Should -Throw -ErrorId 'LinkedInNoAccessToken,*'
        }
        finally {
            $env:LINKEDINPOSTS_ACCESS_TOKEN = $saved
        }
    }

    It 'reports a refused token as an authentication error' {
        $bad = ConvertTo-TestSecureString -Token 'not-a-real-token'
        $thrown = { Connect-LinkedIn -AccessToken $bad -ApiBaseUri $Sandbox.BaseUri -Name refused } |
            Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'LinkedInAuth*'
        $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $thrown.ErrorDetails.RecommendedAction | Should -Match 'Connect-LinkedIn'
    }

    It 'rejects a malformed -ApiVersion before calling LinkedIn' {
        $before = (Get-TestRequest -Sandbox $Sandbox).Count
        { Connect-LinkedIn -AccessToken $Token -ApiBaseUri $Sandbox.BaseUri -ApiVersion latest } |
            Should -Throw -ErrorId 'LinkedInInvalidApiVersion,*'
        (Get-TestRequest -Sandbox $Sandbox).Count | Should -Be $before
    }

    It 'keeps named connections for -Connection and completes their names' {
        Connect-LinkedIn -AccessToken $Token -ApiBaseUri $Sandbox.BaseUri -Name work | Out-Null

        $post = New-LinkedInPost -Text "named connection $([guid]::NewGuid())" -Connection work
        $post.Author | Should -Be $Sandbox.Member

        $line = 'Get-LinkedInPost -Connection wo'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $completions.CompletionText | Should -Contain 'work'
    }
}
