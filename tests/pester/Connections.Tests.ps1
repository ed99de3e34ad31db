# Pester 5: the OAuth sign-in and the connection cmdlets (Get-, Test-, Disconnect-LinkedInConnection)
# against the standalone sandbox, through the built module folder. The token store is a temporary
# data folder of this run with the plain-text file opted in (Set-TestTokenStore).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'LinkedInPosts.TestHelpers.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    $script:Sandbox = Start-TestSandbox
    $script:Token = ConvertTo-TestSecureString -Token $Sandbox.Token
}

AfterAll {
    Stop-TestSandbox -Sandbox $script:Sandbox
}

Describe 'Connect-LinkedIn sign-in' {
    It 'prints the sign-in URL, stores the connection and never shows a secret' {
        $app = New-TestApp -Sandbox $Sandbox
        $result = Invoke-TestSignIn -Sandbox $Sandbox -App $app -Name pesterOAuth

        $result.Url | Should -Match '/oauth/v2/authorization\?response_type=code'
        $result.Errors | Should -BeNullOrEmpty
        $connection = $result.Output | Select-Object -First 1
        $connection.Member | Should -Be $Sandbox.Member
        $connection.SignIn | Should -Be 'OAuth'
        $connection.AccessTokenDaysLeft | Should -Be 59
        $text = ($result.Output | Format-List * | Out-String) + ($result.Warnings -join "`n") + ($result.Information -join "`n")
        $text | Should -Not -Match ([regex]::Escape($app.ClientSecret))
    }

    It 'posts from a connection in the store without Connect-LinkedIn, as a scheduled task would' {
        $app = New-TestApp -Sandbox $Sandbox
        $null = Invoke-TestSignIn -Sandbox $Sandbox -App $app -Name pesterCron
        $job = Start-Job -ScriptBlock {
            param($manifest, $dataFolder, $text)
            $env:LINKEDINPOSTS_HOME = $dataFolder
            $env:LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS = '1'
            Import-Module $manifest
            (New-LinkedInPost -Text $text -Connection pesterCron -WarningAction SilentlyContinue).Author
        } -ArgumentList (Get-TestModuleManifest), (Set-TestTokenStore), "from a job $(Get-Random)"
        $author = $job | Wait-Job -Timeout 120 | Receive-Job
        $job | Remove-Job -Force
        $author | Should -Be $Sandbox.Member
    }

    It 'reports a cancelled sign-in with LinkedInSignInCancelled' {
        $app = New-TestApp -Sandbox $Sandbox -Decision cancel
        $result = Invoke-TestSignIn -Sandbox $Sandbox -App $app -Name pesterCancelled
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInSignInCancelled,*'
    }

    It 'times out with LinkedInSignInTimeout when nothing answers' {
        $app = New-TestApp -Sandbox $Sandbox
        $app.RedirectUri = "http://127.0.0.1:$(Get-FreeTcpPort)/callback"
        $result = Invoke-TestSignIn -Sandbox $Sandbox -App $app -Name pesterTimeout -Extra '-Timeout 2'
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInSignInTimeout,*'
        $result.Errors[0].ErrorDetails.RecommendedAction | Should -Match 'redirect'
    }
}

Describe 'Get-, Test- and Disconnect-LinkedInConnection' {
    BeforeAll {
        $null = Connect-LinkedIn -AccessToken $Token -ApiBaseUri $Sandbox.BaseUri -Name pesterToken -WarningAction SilentlyContinue
    }

    It 'lists the connection with its days left and no token' {
        $connection = Get-LinkedInConnection -Name pesterToken -WarningAction SilentlyContinue
        $connection.Member | Should -Be $Sandbox.Member
        $connection.SignIn | Should -Be 'AccessToken'
        $connection.AccessTokenDaysLeft | Should -BeNullOrEmpty
        ($connection | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($Sandbox.Token))
        # The default view is a table row, not every property.
        $shown = $connection | Out-String -Width 200
        $shown | Should -Match 'Name\s+MemberName\s+ExpiresAt\s+DaysLeft\s+CanRefresh\s+Pages\s+Api'
        $shown | Should -Match 'pesterToken'
        $shown | Should -Not -Match 'Scopes'
    }

    It 'tests it against LinkedIn, and -Quiet gives a boolean' {
        (Test-LinkedInConnection -Name pesterToken -WarningAction SilentlyContinue).IsValid | Should -BeTrue
        Test-LinkedInConnection -Name pesterToken -Quiet -WarningAction SilentlyContinue | Should -BeTrue
        Test-LinkedInConnection -Name noSuchConnection -Quiet -WarningAction SilentlyContinue | Should -BeFalse
    }

    It 'disconnects it and says the token was not revoked' {
        Disconnect-LinkedIn -Name pesterToken -WarningVariable warned -WarningAction SilentlyContinue
        ($warned -join "`n") | Should -Match 'not revoked'
        { Get-LinkedInConnection -Name pesterToken -ErrorAction Stop -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'LinkedInNotConnected,*'
    }
}
