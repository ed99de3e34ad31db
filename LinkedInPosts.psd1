#
# Module manifest of LinkedInPosts.
#
# This is the source: the build (build/Module.targets) copies it to out/LinkedInPosts/ and fills in
# ModuleVersion from VersionPrefix in Directory.Build.props, the one version of everything we ship.
# Do not edit the version here; change VersionPrefix instead.
#
@{
    RootModule           = 'LinkedInPosts.dll'
    ModuleVersion        = '0.0.0'
    GUID                 = 'd1ee6b7c-c1bc-4e03-bcb5-c1a192da8662'
    Author               = 'LinkedInPosts contributors'
    CompanyName          = 'LinkedInPosts contributors'
    Copyright            = 'Copyright (c) LinkedInPosts contributors'
    Description          = 'Publish, manage and schedule LinkedIn posts from PowerShell: compiled cmdlets for IT and ops engineers, with a local LinkedIn sandbox for dry runs.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    # Windows PowerShell only (PowerShell 7 ignores it): netstandard2.0 assemblies need .NET Framework 4.7.2 or later,
    # which has netstandard.dll; on 4.5.2 to 4.7.0 the import would fail with a missing netstandard instead of this.
    DotNetFrameworkVersion = '4.7.2'

    # Explicit lists only: no wildcards, so PowerShell never has to load the assembly to discover
    # commands, and a test checks this list equals the compiled cmdlets.
    CmdletsToExport      = @(
        'Connect-LinkedIn'
        'Disconnect-LinkedIn'
        'Get-LinkedInConnection'
        'Test-LinkedInConnection'
        'Add-LinkedInMedia'
        'New-LinkedInPost'
        'Get-LinkedInPost'
        'Set-LinkedInPost'
        'Remove-LinkedInPost'
        'Register-LinkedInScheduledPost'
        'Get-LinkedInScheduledPost'
        'Set-LinkedInScheduledPost'
        'Unregister-LinkedInScheduledPost'
        'Export-LinkedInScheduledPost'
        'Get-LinkedInPostQueueTask'
        'Register-LinkedInPostQueueTask'
        'Unregister-LinkedInPostQueueTask'
        'Invoke-LinkedInPostQueue'
        'Test-LinkedInPostQueue'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    # Default table views of the queue cmdlets' objects (which otherwise print every property as a list).
    FormatsToProcess     = @('LinkedInPosts.Format.ps1xml', 'LinkedInPosts.Queue.Format.ps1xml')

    PrivateData          = @{
        PSData = @{
            Tags = @(
                'LinkedIn'
                'Social'
                'Posts'
                'Scheduling'
                'Automation'
                'PSEdition_Core'
                'PSEdition_Desktop'
                'Windows'
                'Linux'
                'MacOS'
            )
        }
    }
}
