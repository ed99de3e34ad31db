# Pester 5: Register-, Get- and Unregister-LinkedInPostQueueTask through the built module folder, in real pwsh.
# On Linux and macOS the crontab is a fake (LINKEDINPOSTS_CRONTAB), so the machine's own is never touched.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'LinkedInPosts.TestHelpers.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    $script:Folder = Join-Path ([System.IO.Path]::GetTempPath()) "linkedinposts-pester-cron-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $Folder | Out-Null
    $script:Table = Join-Path $Folder 'table'
    $script:PreviousCrontab = $env:LINKEDINPOSTS_CRONTAB
    if (-not $IsWindows) {
        $fake = Join-Path $Folder 'crontab'
        Set-Content -LiteralPath $fake -Value @(
            '#!/bin/sh'
            'case "$1" in'
            "  -l) if [ -f '$Table' ]; then cat '$Table'; else echo 'no crontab for you' >&2; exit 1; fi ;;"
            "  -) cat > '$Table' ;;"
            'esac'
        )
        chmod +x $fake
        $env:LINKEDINPOSTS_CRONTAB = $fake
    }
}

AfterAll {
    $env:LINKEDINPOSTS_CRONTAB = $script:PreviousCrontab
    Remove-Item -LiteralPath $script:Folder -Recurse -Force
}

Describe 'Register-LinkedInPostQueueTask' {
    It 'runs this pwsh and this module by full path' {
        $task = Register-LinkedInPostQueueTask -Every 5m -WhatIf
        $task.CommandLine | Should -BeLike "*$((Get-Process -Id $PID).Path)*"
        $task.CommandLine | Should -BeLike "*Import-Module '$((Get-Module LinkedInPosts).ModuleBase)*LinkedInPosts.psd1'; Invoke-LinkedInPostQueue; exit *"
        $task.Installed | Should -BeFalse
    }

    It 'imports an installed module by the folder of its versions, whose newest the runs load' {
        # Two versions side by side, as Install-Module and Update-Module leave them; registered from the older one.
        $module = Get-Module LinkedInPosts
        $versions = Join-Path (Join-Path $Folder 'Modules') 'LinkedInPosts'
        $older = Join-Path $versions '0.0.1'
        $newest = Join-Path $versions $module.Version.ToString()
        New-Item -ItemType Directory -Path $versions | Out-Null
        Copy-Item -Path $module.ModuleBase -Destination $older -Recurse
        Copy-Item -Path $module.ModuleBase -Destination $newest -Recurse
        $olderManifest = Join-Path $older 'LinkedInPosts.psd1'
        (Get-Content -LiteralPath $olderManifest -Raw) -replace "ModuleVersion(\s*)= '[^']*'", "ModuleVersion`$1= '0.0.1'" | Set-Content -LiteralPath $olderManifest -NoNewline
        $pwsh = (Get-Process -Id $PID).Path

        $line = & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$olderManifest'; (Register-LinkedInPostQueueTask -Every 5m -WhatIf -WarningAction SilentlyContinue).CommandLine"
        $loaded = & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$versions'; (Get-Module LinkedInPosts).Version.ToString()"

        $line | Should -BeLike "*Import-Module '$versions'; Invoke-LinkedInPostQueue; exit *"
        $loaded | Should -Be $module.Version.ToString()
    }

    It 'installs into the crontab and keeps the other lines' -Skip:$IsWindows {
        Set-Content -LiteralPath $Table -Value '0 3 * * * /usr/local/bin/backup' -NoNewline
        $task = Register-LinkedInPostQueueTask -Every 15m -Install
        $task.Installed | Should -BeTrue
        Get-Content -LiteralPath $Table | Should -Be @('0 3 * * * /usr/local/bin/backup', $task.CrontabLine)
        $found = Get-LinkedInPostQueueTask
        $found.Name | Should -Be $task.Name
        $found.Every | Should -Be $task.Every
        $found.CrontabLine | Should -Be $task.CrontabLine

        $found | Unregister-LinkedInPostQueueTask
        Get-Content -LiteralPath $Table | Should -Be @('0 3 * * * /usr/local/bin/backup')
    }

    It 'refuses an interval cron cannot repeat evenly, with a stable ErrorId' -Skip:$IsWindows {
        { Register-LinkedInPostQueueTask -Every 7m -ErrorAction Stop } |
            Should -Throw -ErrorId 'LinkedInInvalidQueueTaskInterval,LinkedInPosts.PowerShell.Cmdlets.RegisterLinkedInPostQueueTaskCommand'
    }
}
