# Pester 5: Add-LinkedInMedia and New-LinkedInPost's rich posts (media, images, article, poll, reshare,
# first comment) against the standalone sandbox, through the built module folder.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'LinkedInPosts.TestHelpers.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    $script:Sandbox = Start-TestSandbox
    Connect-LinkedIn -AccessToken (ConvertTo-TestSecureString -Token $Sandbox.Token) -ApiBaseUri $Sandbox.BaseUri | Out-Null
    Set-TestProcessingTime -Sandbox $Sandbox -Seconds 0
    $script:Folder = Join-Path ([System.IO.Path]::GetTempPath()) ('linkedinposts-pester-media-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $Folder
}

AfterAll {
    Clear-TestFault -Sandbox $script:Sandbox
    Stop-TestSandbox -Sandbox $script:Sandbox
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Add-LinkedInMedia' {
    It 'uploads an image for the member and outputs its URN, kind, size, hash and owner' {
        $file = New-TestMediaFile -Path (Join-Path $Folder 'chart.png') -Kind Png
        $media = Add-LinkedInMedia -Path $file.FullName -AltText 'Error rate chart'

        $media.Urn.ToString() | Should -BeLike 'urn:li:image:*'
        $media.Kind | Should -Be 'Image'
        $media.Status | Should -Be 'AVAILABLE'
        $media.FileName | Should -Be 'chart.png'
        $media.SizeBytes | Should -Be $file.Length
        $media.Owner.ToString() | Should -Be $Sandbox.Member
        $media.AltText | Should -Be 'Error rate chart'
        $stored = Get-TestStoredMedia -Sandbox $Sandbox -Urn $media.Urn.ToString()
        $stored.sha256 | Should -Be $media.Sha256
        $stored.sha256 | Should -Be (Get-FileHash -LiteralPath $file.FullName -Algorithm SHA256).Hash.ToLowerInvariant()
    }

    It 'resolves relative paths against the current location' {
        $null = New-TestMediaFile -Path (Join-Path $Folder 'relative/here.png') -Kind Png
        Push-Location (Join-Path $Folder 'relative')
        try {
            $media = Add-LinkedInMedia here.png
        }
        finally {
            Pop-Location
        }
        $media.FileName | Should -Be 'here.png'
    }

    It 'takes Get-ChildItem output from the pipeline, names with brackets included' {
        $sub = Join-Path $Folder 'piped'
        $null = New-TestMediaFile -Path (Join-Path $sub 'one.png') -Kind Png
        $null = New-TestMediaFile -Path (Join-Path $sub 'two [final].png') -Kind Png
        $media = @(Get-ChildItem -LiteralPath $sub -Filter *.png | Add-LinkedInMedia)
        $media.Count | Should -Be 2
        $media.FileName | Sort-Object | Should -Be @('one.png', 'two [final].png')
    }

    It 'uploads a multi-part video with a progress bar' {
        $file = New-TestMediaFile -Path (Join-Path $Folder 'demo.mp4') -Kind Mp4 -SizeBytes 9437184
        $media = Add-LinkedInMedia -LiteralPath $file.FullName -Title 'Failover demo'
        $media.Kind | Should -Be 'Video'
        (Get-TestStoredMedia -Sandbox $Sandbox -Urn $media.Urn.ToString()).partCount | Should -Be 3
    }

    It '-WhatIf shows the plan and sends nothing' {
        $file = New-TestMediaFile -Path (Join-Path $Folder 'plan.mp4') -Kind Mp4 -SizeBytes 9437184
        $before = (Get-TestRequest -Sandbox $Sandbox).Count
        $shown = Invoke-WithTranscript { Add-LinkedInMedia -Path $file.FullName -WhatIf }
        $shown | Should -Match 'MP4 video'
        $shown | Should -Match '3 PUTs'
        $shown | Should -Match ([regex]::Escape($Sandbox.Member))
        @(Get-TestRequest -Sandbox $Sandbox | Select-Object -Skip $before).Count | Should -Be 0
    }

    It 'writes LinkedInInvalidMedia for a file that is not media, and LinkedInMediaFileNotFound for a missing one' {
        $text = New-TestMediaFile -Path (Join-Path $Folder 'notes.png') -Kind Text
        Add-LinkedInMedia -Path $text.FullName, (Join-Path $Folder 'missing.png') -ErrorVariable failures -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInInvalidMedia,*'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'LinkedInMediaFileNotFound,*'
    }
}

Describe 'New-LinkedInPost with content' {
    It 'posts an image piped from Add-LinkedInMedia' {
        $file = New-TestMediaFile -Path (Join-Path $Folder 'piped-post.png') -Kind Png
        $post = Add-LinkedInMedia $file.FullName -AltText 'A chart' | New-LinkedInPost -Text "chart $([guid]::NewGuid())"
        $content = (Get-TestStoredPost -Sandbox $Sandbox -Urn $post.Urn).contentJson | ConvertFrom-Json
        $content.media.id | Should -BeLike 'urn:li:image:*'
        $content.media.altText | Should -Be 'A chart'
    }

    It 'uploads a document given by relative path, then posts it with its title' {
        $null = New-TestMediaFile -Path (Join-Path $Folder 'docs/runbook.pdf') -Kind Pdf
        Push-Location (Join-Path $Folder 'docs')
        try {
            $post = New-LinkedInPost -Text "runbook $([guid]::NewGuid())" -Media ./runbook.pdf -Title 'Runbook v3'
        }
        finally {
            Pop-Location
        }
        $content = (Get-TestStoredPost -Sandbox $Sandbox -Urn $post.Urn).contentJson | ConvertFrom-Json
        $content.media.id | Should -BeLike 'urn:li:document:*'
        $content.media.title | Should -Be 'Runbook v3'
    }

    It 'posts two images with their alt texts' {
        $a = New-TestMediaFile -Path (Join-Path $Folder 'before.png') -Kind Png
        $b = New-TestMediaFile -Path (Join-Path $Folder 'after.png') -Kind Png
        $post = New-LinkedInPost -Text "before and after $([guid]::NewGuid())" -Image $a.FullName, $b.FullName -AltText 'Old rack', 'New rack'
        $images = @(((Get-TestStoredPost -Sandbox $Sandbox -Urn $post.Urn).contentJson | ConvertFrom-Json).multiImage.images)
        $images.Count | Should -Be 2
        $images.altText | Should -Be @('Old rack', 'New rack')
    }

    It 'posts an article card with an uploaded thumbnail, its texts not escaped' {
        $cover = New-TestMediaFile -Path (Join-Path $Folder 'cover.png') -Kind Png
        $post = New-LinkedInPost -Text "read this $([guid]::NewGuid())" -ArticleUrl 'https://example.com/postmortem' `
            -ArticleTitle 'What broke (and why)' -ArticleDescription 'Root cause: #DNS' -ArticleThumbnail $cover.FullName
        $article = ((Get-TestStoredPost -Sandbox $Sandbox -Urn $post.Urn).contentJson | ConvertFrom-Json).article
        $article.title | Should -Be 'What broke (and why)'
        $article.description | Should -Be 'Root cause: #DNS'
        $article.thumbnail | Should -BeLike 'urn:li:image:*'
    }

    It 'posts a poll and a reshare' {
        $poll = New-LinkedInPost -Text "vote $([guid]::NewGuid())" -Poll 'Patch on Fridays?' -PollOption 'Never', 'If tested' -PollDuration ThreeDays
        ((Get-TestStoredPost -Sandbox $Sandbox -Urn $poll.Urn).contentJson | ConvertFrom-Json).poll.settings.duration | Should -Be 'THREE_DAYS'

        $reshare = New-LinkedInPost -Reshare $poll.Urn
        (Get-TestStoredPost -Sandbox $Sandbox -Urn $reshare.Urn).reshareParent | Should -Be $poll.Urn
    }

    It 'adds the first comment, and when only the comment fails outputs the post and writes LinkedInFirstCommentFailed' {
        $post = New-LinkedInPost -Text "commented $([guid]::NewGuid())" -FirstComment 'Questions (any) welcome #here'
        (Get-TestStoredComment -Sandbox $Sandbox -PostUrn $post.Urn).text | Should -Be 'Questions (any) welcome #here'

        Add-TestFault -Sandbox $Sandbox -Path '/rest/socialActions' -Status 403
        try {
            $second = New-LinkedInPost -Text "comment fails $([guid]::NewGuid())" -FirstComment 'lost' -ErrorVariable failures -ErrorAction SilentlyContinue
        }
        finally {
            Clear-TestFault -Sandbox $Sandbox
        }
        $second.Urn | Should -BeLike 'urn:li:*'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInFirstCommentFailed,*'
        $failures[0].Exception.Message | Should -Match ([regex]::Escape($second.Urn))
    }

    It 'refuses impossible combinations before any call' {
        $before = (Get-TestRequest -Sandbox $Sandbox).Count
        $png = New-TestMediaFile -Path (Join-Path $Folder 'lonely.png') -Kind Png
        $video = New-TestMediaFile -Path (Join-Path $Folder 'clip.mp4') -Kind Mp4 -SizeBytes 100000

        { New-LinkedInPost -Text 'x' -Poll 'Q?' -PollOption 'a', 'b' -Media $png.FullName } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
        New-LinkedInPost -Text 'one image' -Image $png.FullName -ErrorVariable one -ErrorAction SilentlyContinue
        $one[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInInvalidMedia,*'
        New-LinkedInPost -Text 'video among images' -Image $png.FullName, $video.FullName -ErrorVariable mixed -ErrorAction SilentlyContinue
        $mixed[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInInvalidMedia,*'
        New-LinkedInPost -Poll 'Q?' -PollOption 'only one' -ErrorVariable poll -ErrorAction SilentlyContinue
        $poll[0].FullyQualifiedErrorId | Should -BeLike 'LinkedInInvalidPoll,*'

        @(Get-TestRequest -Sandbox $Sandbox | Select-Object -Skip $before).Count | Should -Be 0
    }

    It '-WhatIf shows the uploads and the JSON body with placeholders, and sends nothing' {
        $file = New-TestMediaFile -Path (Join-Path $Folder 'whatif.png') -Kind Png
        $before = (Get-TestRequest -Sandbox $Sandbox).Count
        $shown = Invoke-WithTranscript { New-LinkedInPost -Text 'Draft (check me)' -Media $file.FullName -WhatIf }
        $shown | Should -Match 'PNG image'
        $shown | Should -Match ([regex]::Escape('(upload: '))
        $shown | Should -Match '"commentary":'
        @(Get-TestRequest -Sandbox $Sandbox | Select-Object -Skip $before).Count | Should -Be 0
    }
}
