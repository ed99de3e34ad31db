<#
.SYNOPSIS
    Runs the Pester 5 suite in this folder against the built module folder out/LinkedInPosts.

.DESCRIPTION
    Meant to run in a fresh child session (build.ps1 -Task Test and .ci/run start it with
    -NoProfile -NonInteractive), so nothing from the caller's session leaks into the tests.
    Installs Pester 5.5 or later for the current user when it is missing.
    Exits non-zero when a test fails.

.PARAMETER ResultPath
    Where to write the results as NUnit XML (for CI's test count). Optional.

.EXAMPLE
    pwsh -NoProfile -NonInteractive -File tests/pester/Invoke-PesterSuite.ps1 -ResultPath TestResults/pester.nunit.xml
#>
[CmdletBinding()]
param(
    [string]$ResultPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$minimum = [version]'5.5.0'
$available = Get-Module -Name Pester -ListAvailable | Where-Object { $_.Version -ge $minimum }
if (-not $available) {
    Write-Host "Installing Pester $minimum or later for the current user ..."
    Install-Module -Name Pester -MinimumVersion $minimum -Scope CurrentUser -Force -SkipPublisherCheck
}
Import-Module -Name Pester -MinimumVersion $minimum

$manifest = Join-Path $PSScriptRoot '../../out/LinkedInPosts/LinkedInPosts.psd1'
if (-not (Test-Path -LiteralPath $manifest)) {
    throw "The module is not built: $manifest is missing. Run ./build.ps1 (or dotnet build) first."
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
if ($ResultPath) {
    $folder = Split-Path -Parent $ResultPath
    if ($folder) {
        New-Item -ItemType Directory -Path $folder -Force | Out-Null
    }
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = $ResultPath
}
Invoke-Pester -Configuration $configuration
