<#
    Helpers shared by the Pester suite: the built module's path, and a standalone LinkedIn sandbox
    (src/LinkedInPosts.Sandbox) started on a free loopback port, with its admin API for tokens,
    stored posts and the request log.
#>
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-TestModuleManifest {
    <#
    .SYNOPSIS
        The manifest of the built module folder, out/LinkedInPosts/LinkedInPosts.psd1.
    #>
    Join-Path $script:RepoRoot 'out/LinkedInPosts/LinkedInPosts.psd1'
}

function Get-FreeTcpPort {
    <#
    .SYNOPSIS
        A loopback port that is free right now.
    #>
    $listener = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try {
        $listener.LocalEndpoint.Port
    }
    finally {
        $listener.Stop()
    }
}

function Set-TestTokenStore {
    <#
    .SYNOPSIS
        Points this process's token store at a temporary data folder of its own (once) and opts in to the
        plain-text file, so no test reads or writes the user's own connections, and the suite runs the
        same with or without a Secret Service.
    #>
    if (-not $script:TestHome) {
        $script:TestHome = Join-Path ([System.IO.Path]::GetTempPath()) ('linkedinposts-pester-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $script:TestHome
    }
    $env:LINKEDINPOSTS_HOME = $script:TestHome
    $env:LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS = '1'
    $script:TestHome
}

function Start-TestSandbox {
    <#
    .SYNOPSIS
        Starts the standalone sandbox and returns its base URI, the member it seeded and that
        member's all-scopes access token, read from the sandbox's own output.
    #>
    $null = Set-TestTokenStore
    $port = Get-FreeTcpPort
    $project = Join-Path $script:RepoRoot 'src/LinkedInPosts.Sandbox'
    $startInfo = New-Object System.Diagnostics.ProcessStartInfo
    $startInfo.FileName = 'dotnet'
    $startInfo.Arguments = "run --project `"$project`" -c Release -- --port $port"
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.WorkingDirectory = $script:RepoRoot
    $process = [System.Diagnostics.Process]::Start($startInfo)

    $token = $null
    $member = $null
    $clientId = $null
    $clientSecret = $null
    $deadline = [DateTime]::UtcNow.AddMinutes(3)
    while ($null -eq $token) {
        $remaining = $deadline - [DateTime]::UtcNow
        $read = $process.StandardOutput.ReadLineAsync()
        if ($remaining -le [TimeSpan]::Zero -or -not $read.Wait($remaining)) {
            Stop-TestSandbox -Sandbox ([pscustomobject]@{ Process = $process })
            throw 'The sandbox did not print its access token within 3 minutes.'
        }
        $line = $read.Result
        if ($null -eq $line) {
            throw "The sandbox exited (code $($process.ExitCode)) before printing its access token."
        }
        if ($line -match '^\s*Member:\s+(urn:li:person:\S+)') {
            $member = $Matches[1]
        }
        if ($line -match '^\s*OAuth app:\s+client id (\S+), client secret (\S+)') {
            $clientId = $Matches[1]
            $clientSecret = $Matches[2]
        }
        if ($line -match '^\s*Access token:\s+(\S+)') {
            $token = $Matches[1]
        }
    }
    # The OAuth app's line follows the token's.
    while ($null -eq $clientId) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) {
            throw 'The sandbox exited before printing its OAuth app.'
        }
        if ($line -match '^\s*OAuth app:\s+client id (\S+), client secret (\S+)') {
            $clientId = $Matches[1]
            $clientSecret = $Matches[2]
        }
    }
    # Keep reading its output so the sandbox never blocks on a full pipe.
    $drain = $process.StandardOutput.ReadToEndAsync()

    [pscustomobject]@{
        Process = $process
        Drain   = $drain
        BaseUri = "http://127.0.0.1:$port/"
        Member       = $member
        Token        = $token
        ClientId     = $clientId
        ClientSecret = $clientSecret
    }
}

function Stop-TestSandbox {
    <#
    .SYNOPSIS
        Stops the sandbox, including the application process that `dotnet run` started.
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox
    )
    $process = $Sandbox.Process
    if ($null -eq $process -or $process.HasExited) {
        return
    }
    if ($process.GetType().GetMethod('Kill', [type[]]@([bool]))) {
        $process.Kill($true)
    }
    else {
        & taskkill.exe /T /F /PID $process.Id | Out-Null
    }
    $process.WaitForExit(10000) | Out-Null
}

function ConvertTo-TestSecureString {
    <#
    .SYNOPSIS
        A SecureString for a sandbox token (test data only).
    #>
    param(
        [Parameter(Mandatory)]
        [string]$Token
    )
    ConvertTo-SecureString -String $Token -AsPlainText -Force
}

function New-TestMember {
    <#
    .SYNOPSIS
        Creates another sandbox member (admin API POST /sandbox/members) and returns its URN, so a
        test can have a feed of its own.
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [string]$Name = 'Pester Member'
    )
    $body = @{ name = $Name } | ConvertTo-Json
    (Invoke-RestMethod -Method Post -Uri "$($Sandbox.BaseUri)sandbox/members" -Body $body -ContentType 'application/json').urn
}

function New-TestToken {
    <#
    .SYNOPSIS
        Issues a token with the given scopes (admin API POST /sandbox/tokens), for the sandbox's
        seeded member unless another member URN is given.
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [Parameter(Mandatory)]
        [string[]]$Scopes,

        [string]$MemberUrn
    )
    if (-not $MemberUrn) {
        $MemberUrn = $Sandbox.Member
    }
    $body = @{ memberUrn = $MemberUrn; scopes = $Scopes } | ConvertTo-Json
    (Invoke-RestMethod -Method Post -Uri "$($Sandbox.BaseUri)sandbox/tokens" -Body $body -ContentType 'application/json').accessToken
}

function New-TestApp {
    <#
    .SYNOPSIS
        Registers an OAuth app in the sandbox (admin API POST /sandbox/apps) whose redirect URL is on a
        free loopback port, and signs the sandbox's emulated browser in as the seeded member, approving.
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [string[]]$Scopes = @('openid', 'profile', 'w_member_social'),

        [switch]$RefreshTokens,

        [ValidateSet('approve', 'cancel', 'cancelLogin')]
        [string]$Decision = 'approve'
    )
    $redirect = "http://127.0.0.1:$(Get-FreeTcpPort)/callback"
    $body = @{ redirectUris = @($redirect); scopes = $Scopes; refreshTokens = [bool]$RefreshTokens } | ConvertTo-Json
    $app = Invoke-RestMethod -Method Post -Uri "$($Sandbox.BaseUri)sandbox/apps" -Body $body -ContentType 'application/json'
    $consent = @{ memberUrn = $Sandbox.Member; decision = $Decision } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Put -Uri "$($Sandbox.BaseUri)sandbox/authorization" -Body $consent -ContentType 'application/json'
    [pscustomobject]@{
        ClientId     = $app.clientId
        ClientSecret = $app.clientSecret
        RedirectUri  = $redirect
    }
}

function Invoke-TestSignIn {
    <#
    .SYNOPSIS
        Runs Connect-LinkedIn -NoBrowser in a runspace of its own and plays the browser: reads the printed
        sign-in URL, asks the sandbox without following its redirect, and delivers the answer to the
        cmdlet's loopback listener. Returns the cmdlet's output, errors and information messages.
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [Parameter(Mandatory)]
        $App,

        [Parameter(Mandatory)]
        [string]$Name,

        [string]$Extra = ''
    )
    $shell = [powershell]::Create()
    try {
        $script = "Import-Module '$(Get-TestModuleManifest)'; " +
            "Connect-LinkedIn -ClientId `$args[0] -ClientSecret `$args[1] -ApiBaseUri `$args[2] -RedirectUri `$args[3] -NoBrowser -Name `$args[4] $Extra"
        $secret = ConvertTo-TestSecureString -Token $App.ClientSecret
        $null = $shell.AddScript($script).AddArgument($App.ClientId).AddArgument($secret).AddArgument($Sandbox.BaseUri).AddArgument($App.RedirectUri).AddArgument($Name)
        $running = $shell.BeginInvoke()
        $url = $null
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ($null -eq $url -and [DateTime]::UtcNow -lt $deadline -and -not $running.IsCompleted) {
            foreach ($record in @($shell.Streams.Information)) {
                if ("$($record.MessageData)" -match '(https?://\S+/oauth/v2/authorization\?\S+)') {
                    $url = $Matches[1]
                }
            }
            Start-Sleep -Milliseconds 100
        }
        if ($url) {
            $answer = Invoke-WebRequest -Uri $url -MaximumRedirection 0 -SkipHttpErrorCheck -ErrorAction SilentlyContinue
            if ($answer.StatusCode -eq 302) {
                $null = Invoke-WebRequest -Uri ([string]$answer.Headers.Location) -SkipHttpErrorCheck
            }
        }
        $thrown = $null
        try {
            $output = $shell.EndInvoke($running)
        }
        catch {
            $thrown = $_
            $output = @()
        }
        [pscustomobject]@{
            Url         = $url
            Output      = @($output)
            Errors      = @($shell.Streams.Error) + @($thrown | Where-Object { $_ })
            Warnings    = @($shell.Streams.Warning | ForEach-Object { $_.Message })
            Information = @($shell.Streams.Information | ForEach-Object { "$($_.MessageData)" })
        }
    }
    finally {
        $shell.Dispose()
    }
}

function Get-TestRequest {
    <#
    .SYNOPSIS
        The API requests the sandbox has seen, oldest first (admin API GET /sandbox/requests).
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox
    )
    @(Invoke-RestMethod -Uri "$($Sandbox.BaseUri)sandbox/requests")
}

function Get-TestStoredPost {
    <#
    .SYNOPSIS
        A post exactly as the sandbox stored it (admin API GET /sandbox/posts/{urn}).
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [Parameter(Mandatory)]
        [string]$Urn
    )
    Invoke-RestMethod -Uri "$($Sandbox.BaseUri)sandbox/posts/$([uri]::EscapeDataString($Urn))"
}

function Set-TestDailyLimit {
    <#
    .SYNOPSIS
        Sets the sandbox's per-member daily call limit (admin API PUT /sandbox/config).
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [Parameter(Mandatory)]
        [int]$MemberDailyLimit
    )
    $body = @{ memberDailyLimit = $MemberDailyLimit; appDailyLimit = 100000 } | ConvertTo-Json
    Invoke-RestMethod -Method Put -Uri "$($Sandbox.BaseUri)sandbox/config" -Body $body -ContentType 'application/json' | Out-Null
}

function New-TestMediaFile {
    <#
    .SYNOPSIS
        Writes a small real media file: a PNG (valid header and chunks; a unique trailer after IEND), a
        PDF, or an MP4 (ftyp box, then an mdat box of random bytes) of -SizeBytes. Returns the FileInfo.
    #>
    param(
        [Parameter(Mandatory)]
        [string]$Path,

        [Parameter(Mandatory)]
        [ValidateSet('Png', 'Pdf', 'Mp4', 'Text')]
        [string]$Kind,

        [int]$SizeBytes = 9437184
    )
    $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
    $folder = Split-Path -Parent $full
    if ($folder -and -not (Test-Path -LiteralPath $folder)) {
        $null = New-Item -ItemType Directory -Path $folder -Force
    }
    $unique = [System.Text.Encoding]::ASCII.GetBytes([guid]::NewGuid().ToString('N'))
    switch ($Kind) {
        'Png' {
            # A 1 x 1 RGBA PNG; bytes after IEND are ignored by readers and make each file distinct.
            $png = [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==')
            $bytes = [byte[]]($png + $unique)
        }
        'Pdf' {
            $text = "%PDF-1.4`n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj`n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj`n" +
                "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj`n% $([guid]::NewGuid())`ntrailer << /Root 1 0 R >>`n%%EOF`n"
            $bytes = [System.Text.Encoding]::ASCII.GetBytes($text)
        }
        'Mp4' {
            $bytes = New-Object byte[] $SizeBytes
            (New-Object System.Random).NextBytes($bytes)
            $ftyp = [byte[]](0, 0, 0, 0x18) + [System.Text.Encoding]::ASCII.GetBytes('ftypisom') + [byte[]](0, 0, 2, 0) + [System.Text.Encoding]::ASCII.GetBytes('isommp41')
            [Array]::Copy($ftyp, $bytes, $ftyp.Length)
            $mdatSize = [BitConverter]::GetBytes([uint32]($SizeBytes - $ftyp.Length))
            [Array]::Reverse($mdatSize)
            [Array]::Copy($mdatSize, 0, $bytes, $ftyp.Length, 4)
            [Array]::Copy([System.Text.Encoding]::ASCII.GetBytes('mdat'), 0, $bytes, $ftyp.Length + 4, 4)
        }
        'Text' {
            $bytes = [System.Text.Encoding]::UTF8.GetBytes("not media $([guid]::NewGuid())")
        }
    }
    [System.IO.File]::WriteAllBytes($full, $bytes)
    Get-Item -LiteralPath $full
}

function Get-TestStoredMedia {
    <#
    .SYNOPSIS
        An image, document or video as the sandbox holds it (admin API GET /sandbox/media/{urn}): owner,
        status, size and SHA-256 of the bytes received, parts.
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [Parameter(Mandatory)]
        [string]$Urn
    )
    Invoke-RestMethod -Uri "$($Sandbox.BaseUri)sandbox/media/$([uri]::EscapeDataString($Urn))"
}

function Get-TestStoredComment {
    <#
    .SYNOPSIS
        The comments the sandbox holds on a post (admin API GET /sandbox/posts/{urn}/comments).
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [Parameter(Mandatory)]
        [string]$PostUrn
    )
    @(Invoke-RestMethod -Uri "$($Sandbox.BaseUri)sandbox/posts/$([uri]::EscapeDataString($PostUrn))/comments")
}

function Set-TestProcessingTime {
    <#
    .SYNOPSIS
        How long the sandbox takes to process uploads, in seconds of its clock (admin API PUT
        /sandbox/config); 0 makes new uploads AVAILABLE at once.
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [double]$Seconds = 0
    )
    $body = @{ imageProcessingSeconds = $Seconds; documentProcessingSeconds = $Seconds; videoProcessingSeconds = $Seconds } | ConvertTo-Json
    Invoke-RestMethod -Method Put -Uri "$($Sandbox.BaseUri)sandbox/config" -Body $body -ContentType 'application/json' | Out-Null
}

function Add-TestFault {
    <#
    .SYNOPSIS
        Arms a sandbox fault (admin API POST /sandbox/faults): the next -Count requests whose method is
        -Method and whose path starts with -Path get -Status.
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [Parameter(Mandatory)]
        [string]$Path,

        [string]$Method = 'POST',

        [int]$Status = 500,

        [int]$Count = 1
    )
    $body = @{ method = $Method; path = $Path; status = $Status; count = $Count } | ConvertTo-Json
    Invoke-RestMethod -Method Post -Uri "$($Sandbox.BaseUri)sandbox/faults" -Body $body -ContentType 'application/json' | Out-Null
}

function Clear-TestFault {
    <#
    .SYNOPSIS
        Disarms every sandbox fault (admin API DELETE /sandbox/faults).
    #>
    param(
        [Parameter(Mandatory)]
        $Sandbox
    )
    Invoke-RestMethod -Method Delete -Uri "$($Sandbox.BaseUri)sandbox/faults" | Out-Null
}

function Invoke-WithTranscript {
    <#
    .SYNOPSIS
        Runs a script block and returns everything the host showed (where -WhatIf messages go) and
        every stream it wrote, as one string.
    #>
    param(
        [Parameter(Mandatory)]
        [scriptblock]$ScriptBlock
    )
    $path = Join-Path ([System.IO.Path]::GetTempPath()) ("linkedinposts-" + [guid]::NewGuid() + '.txt')
    Start-Transcript -Path $path -Force | Out-Null
    try {
        $streams = & $ScriptBlock *>&1 | Out-String
    }
    finally {
        Stop-Transcript | Out-Null
    }
    $hostText = Get-Content -LiteralPath $path -Raw
    Remove-Item -LiteralPath $path -Force
    $streams + [Environment]::NewLine + $hostText
}

Export-ModuleMember -Function @(
    'Get-TestModuleManifest'
    'Get-FreeTcpPort'
    'Set-TestTokenStore'
    'New-TestApp'
    'Invoke-TestSignIn'
    'Start-TestSandbox'
    'Stop-TestSandbox'
    'ConvertTo-TestSecureString'
    'New-TestMember'
    'New-TestToken'
    'Get-TestRequest'
    'Get-TestStoredPost'
    'Set-TestDailyLimit'
    'New-TestMediaFile'
    'Get-TestStoredMedia'
    'Get-TestStoredComment'
    'Set-TestProcessingTime'
    'Add-TestFault'
    'Clear-TestFault'
    'Invoke-WithTranscript'
)
