<#
.SYNOPSIS
    Builds, tests, packages or demonstrates the LinkedInPosts module.

.DESCRIPTION
    The build itself is plain `dotnet build`: it compiles the cmdlets and assembles the importable
    module folder out/LinkedInPosts/ (see build/Module.targets). This script adds what needs
    PowerShell on top of that:

      Build    dotnet build LinkedInPosts.sln.
      Test     dotnet test LinkedInPosts.sln, then the Pester 5 suite (tests/pester) in a child
               pwsh -NoProfile -NonInteractive against out/LinkedInPosts. Installs Pester 5 for the
               current user when it is missing.
      Package  Build, then zip out/LinkedInPosts to artifacts/LinkedInPosts-<version>.zip.
      Demo     Build, start the LinkedIn sandbox on port 5155, import out/LinkedInPosts, connect with
               the token the sandbox prints, create a post, read it back, remove it; then schedule
               three posts from a CSV file, run the queue as Task Scheduler or cron would once they
               are due, list the queue, and stop the sandbox.

    Runs in Windows PowerShell 5.1 and PowerShell 7.

.PARAMETER Task
    What to do: Build (the default), Test, Package or Demo.

.PARAMETER Configuration
    The .NET build configuration, Release by default.

.EXAMPLE
    ./build.ps1

    Builds the solution and the module folder out/LinkedInPosts.

.EXAMPLE
    ./build.ps1 -Task Test

    Runs the xunit tests and the Pester suite.

.EXAMPLE
    ./build.ps1 -Task Demo

    Posts, reads and removes a post, then schedules three from a CSV and publishes them with the
    queue runner, all against a local sandbox: nothing reaches LinkedIn.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo')]
    [string]$Task = 'Build',

    [string]$Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$RepoRoot = $PSScriptRoot
$Solution = Join-Path $RepoRoot 'LinkedInPosts.sln'
$ModuleFolder = Join-Path (Join-Path $RepoRoot 'out') 'LinkedInPosts'
$ModuleManifest = Join-Path $ModuleFolder 'LinkedInPosts.psd1'
$SandboxProject = Join-Path (Join-Path $RepoRoot 'src') 'LinkedInPosts.Sandbox'

function Invoke-Tool {
    <#
    .SYNOPSIS
        Runs a native tool and stops the build when it fails.
    #>
    param(
        [Parameter(Mandatory)]
        [string]$FilePath,

        [string[]]$ArgumentList = @()
    )
    Write-Host "> $FilePath $($ArgumentList -join ' ')" -ForegroundColor Cyan
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Build {
    <#
    .SYNOPSIS
        Compiles the solution; the cmdlet project assembles out/LinkedInPosts as part of its build.
    #>
    Invoke-Tool -FilePath 'dotnet' -ArgumentList @('build', $Solution, '-c', $Configuration)
    if (-not (Test-Path -LiteralPath $ModuleManifest)) {
        throw "The build did not produce $ModuleManifest."
    }
}

function Get-ModuleVersion {
    <#
    .SYNOPSIS
        The version of the built module, as its manifest states it.
    #>
    (Import-PowerShellDataFile -LiteralPath $ModuleManifest).ModuleVersion
}

function Get-ChildPowerShell {
    <#
    .SYNOPSIS
        The PowerShell executable for child processes: pwsh when it is installed, else this one.
    #>
    $pwsh = Get-Command -Name 'pwsh' -CommandType Application -ErrorAction SilentlyContinue |
        Select-Object -First 1
    if ($pwsh) {
        return $pwsh.Source
    }
    (Get-Process -Id $PID).Path
}

function Invoke-Test {
    <#
    .SYNOPSIS
        Runs the xunit tests, then the Pester suite against out/LinkedInPosts in a clean child session.
    #>
    Invoke-Tool -FilePath 'dotnet' -ArgumentList @('test', $Solution, '-c', $Configuration)
    $suite = Join-Path (Join-Path (Join-Path $RepoRoot 'tests') 'pester') 'Invoke-PesterSuite.ps1'
    $resultPath = Join-Path (Join-Path $RepoRoot 'TestResults') 'pester.nunit.xml'
    Invoke-Tool -FilePath (Get-ChildPowerShell) -ArgumentList @(
        '-NoProfile', '-NonInteractive', '-File', $suite, '-ResultPath', $resultPath)
}

function Invoke-Package {
    <#
    .SYNOPSIS
        Zips the module folder (with the LinkedInPosts folder at the root of the archive).
    #>
    Invoke-Build
    $version = Get-ModuleVersion
    $artifacts = Join-Path $RepoRoot 'artifacts'
    New-Item -ItemType Directory -Path $artifacts -Force | Out-Null
    $zip = Join-Path $artifacts "LinkedInPosts-$version.zip"
    if (Test-Path -LiteralPath $zip) {
        Remove-Item -LiteralPath $zip -Force
    }
    # ZipFile rather than Compress-Archive: Windows PowerShell 5.1's Compress-Archive writes
    # backslashes into entry names, which other platforms' unzip tools turn into odd file names.
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    [System.IO.Compression.ZipFile]::CreateFromDirectory(
        $ModuleFolder, $zip, [System.IO.Compression.CompressionLevel]::Optimal, $true)
    Write-Host "Packaged $zip"
}

function Start-Sandbox {
    <#
    .SYNOPSIS
        Starts the standalone sandbox and returns its process and the access token it prints.
    #>
    param(
        [Parameter(Mandatory)]
        [int]$Port
    )
    $startInfo = New-Object System.Diagnostics.ProcessStartInfo
    $startInfo.FileName = 'dotnet'
    $startInfo.Arguments = "run --project `"$SandboxProject`" -c $Configuration -- --port $Port"
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.WorkingDirectory = $RepoRoot
    $process = [System.Diagnostics.Process]::Start($startInfo)

    $prefix = 'Access token: '
    $deadline = [DateTime]::UtcNow.AddMinutes(2)
    $token = $null
    while ($null -eq $token) {
        $remaining = $deadline - [DateTime]::UtcNow
        if ($remaining -le [TimeSpan]::Zero) {
            Stop-Sandbox -Process $process
            throw "The sandbox did not print its access token within 2 minutes."
        }
        $read = $process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait($remaining)) {
            Stop-Sandbox -Process $process
            throw "The sandbox did not print its access token within 2 minutes."
        }
        $line = $read.Result
        if ($null -eq $line) {
            throw "The sandbox exited (code $($process.ExitCode)) before printing its access token."
        }
        $at = $line.IndexOf($prefix, [StringComparison]::Ordinal)
        if ($at -ge 0) {
            $token = $line.Substring($at + $prefix.Length).Trim()
        }
    }
    # Keep reading its output so the sandbox never blocks on a full pipe.
    $drain = $process.StandardOutput.ReadToEndAsync()
    [pscustomobject]@{ Process = $process; Token = $token; Drain = $drain }
}

function Stop-Sandbox {
    <#
    .SYNOPSIS
        Stops the sandbox, including the application process that `dotnet run` started.
    #>
    param(
        [Parameter(Mandatory)]
        [System.Diagnostics.Process]$Process
    )
    if ($Process.HasExited) {
        return
    }
    $killTree = $Process.GetType().GetMethod('Kill', [type[]]@([bool]))
    if ($killTree) {
        $Process.Kill($true)
    }
    else {
        # .NET Framework (Windows PowerShell 5.1) has no Kill(entireProcessTree).
        & taskkill.exe /T /F /PID $Process.Id | Out-Null
    }
    $Process.WaitForExit(10000) | Out-Null
}

function Invoke-Demo {
    <#
    .SYNOPSIS
        Creates, reads and removes a post against a local sandbox.
    #>
    Invoke-Build
    $port = 5155
    Write-Host "Starting the sandbox on port $port ..."
    $sandbox = Start-Sandbox -Port $port
    # The demo's connection goes to a token store of its own (a temporary data folder, plain-text file:
    # sandbox tokens are worthless), never into the user's store, and the environment is put back after.
    $savedHome = $env:LINKEDINPOSTS_HOME
    $demoHome = Join-Path ([System.IO.Path]::GetTempPath()) ('linkedinposts-demo-' + [guid]::NewGuid().ToString('N'))
    $env:LINKEDINPOSTS_HOME = $demoHome
    try {
        Import-Module $ModuleManifest -Force
        $secure = New-Object System.Security.SecureString
        foreach ($character in $sandbox.Token.ToCharArray()) {
            $secure.AppendChar($character)
        }
        $secure.MakeReadOnly()

        $connection = Connect-LinkedIn -AccessToken $secure -ApiBaseUri "http://127.0.0.1:$port/" -AllowPlainTextTokenFile
        Write-Host "Connected as $($connection.MemberName) ($($connection.Member))"

        $text = "Hello from the LinkedInPosts demo (sandbox, $(Get-Date -Format s)) #PowerShell @ops_team *done*"
        $post = New-LinkedInPost -Text $text
        Write-Host "Created $($post.Urn)"

        $read = Get-LinkedInPost -Urn $post.Urn
        Write-Host "Read back: $($read.Commentary)"
        if ($read.Commentary -ne $text) {
            throw "The text came back different: '$($read.Commentary)'."
        }

        $post | Remove-LinkedInPost -Confirm:$false
        Write-Host "Removed $($post.Urn)"

        # The module's main job: a CSV of posts with times, registered in the queue, then published by
        # the same command a scheduled task runs. The times are a few seconds ahead, so the demo waits.
        $due = (Get-Date).AddSeconds(5).ToString('yyyy-MM-dd HH:mm:ss')
        $stamp = Get-Date -Format s
        $texts = @(
            "Demo 1/3 #ops (scheduled) $stamp"
            "Demo 2/3 [maintenance] window <tonight> $stamp"
            "Demo 3/3 50% done_so_far ~ ok $stamp"
        )
        $csv = Join-Path $demoHome 'demo-schedule.csv'
        $rows = for ($i = 0; $i -lt $texts.Count; $i++) {
            [pscustomobject]@{
                When = $due
                Text = $texts[$i]
                Key  = "demo-$($i + 1)"
            }
        }
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
        $registered = Import-Csv -LiteralPath $csv | Register-LinkedInScheduledPost
        Write-Host "Registered $(@($registered).Count) scheduled posts from $csv"
        Import-Csv -LiteralPath $csv | Register-LinkedInScheduledPost | Out-Null
        Write-Host 'Imported the same CSV again: nothing new was registered.'
        Start-Sleep -Seconds 6
        Invoke-LinkedInPostQueue | Format-Table -AutoSize | Out-Host
        Get-LinkedInScheduledPost | Format-Table -Property @('Key', 'State', 'ScheduledAt', 'PostUrn') -AutoSize | Out-Host
        $notPublished = @(Get-LinkedInScheduledPost | Where-Object { $_.State -ne 'Published' })
        if ($notPublished.Count -ne 0) {
            throw "$($notPublished.Count) scheduled posts were not published."
        }
    }
    finally {
        Stop-Sandbox -Process $sandbox.Process
        Write-Host 'Sandbox stopped.'
        $env:LINKEDINPOSTS_HOME = $savedHome
        Remove-Item -LiteralPath $demoHome -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Push-Location $RepoRoot
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Build; Invoke-Test }
        'Package' { Invoke-Package }
        'Demo' { Invoke-Demo }
    }
}
finally {
    Pop-Location
}
