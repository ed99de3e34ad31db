using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Tests.Content;

/// <summary>
/// The one draft builder New-LinkedInPost and Register-LinkedInScheduledPost share: the kind chosen or
/// decided, the defaults Add-LinkedInMedia objects bring, blank fields left out, and what it refuses.
/// </summary>
public sealed class PostDraftBuilderTests
{
    private static readonly LinkedInUrn Author = LinkedInUrn.Parse("urn:li:person:abc");
    private static readonly MediaReference Image = MediaReference.FromUrn("urn:li:image:C4E10AQ");
    private static readonly MediaReference Other = MediaReference.FromUrn("urn:li:image:D5F21BR");

    private static UploadedMedia Uploaded(MediaReference image, string? altText, string? title = null) =>
        new(image.Urn!, MediaKind.Image, Author, "AVAILABLE", "chart.png", 120, new string('a', 64), altText, title);

    private static LinkedInValidationException Refused(PostFields fields) =>
        Assert.Throws<LinkedInValidationException>(() => PostDraftBuilder.Build(fields, Author));

    [Fact]
    public void A_chosen_multi_image_kind_refuses_one_image_that_an_undecided_row_posts_as_media()
    {
        Assert.IsType<MediaContent>(PostDraftBuilder.Build(new PostFields { Media = new[] { Image } }, Author).Content);

        var error = Refused(new PostFields { ChosenKind = PostKind.MultiImage, Media = new[] { Image } });

        Assert.Equal("LinkedInInvalidMedia", error.ErrorId);
        Assert.Contains("For one image, post it as single media", error.Message);
    }

    [Fact]
    public void Add_LinkedInMedia_alt_texts_and_titles_fill_in_only_where_the_fields_give_none()
    {
        var own = new[] { Uploaded(Image, "Own alt", "Own title"), Uploaded(Other, "Other's own") };

        var single = Assert.IsType<MediaContent>(PostDraftBuilder.Build(new PostFields { Media = new[] { Image }, Uploaded = own }, Author).Content);
        Assert.Equal("Own alt", single.AltText);
        Assert.Equal("Own title", single.Title);
        var given = Assert.IsType<MediaContent>(PostDraftBuilder.Build(new PostFields { Media = new[] { Image }, Uploaded = own, AltText = new[] { "Given" }, Title = "T" }, Author).Content);
        Assert.Equal("Given", given.AltText);
        Assert.Equal("T", given.Title);

        var images = Assert.IsType<MultiImageContent>(PostDraftBuilder.Build(new PostFields { Media = new[] { Image, Other }, Uploaded = own, AltText = new[] { "First", string.Empty } }, Author).Content);
        Assert.Equal(new[] { "First", "Other's own" }, images.Images.Select(i => i.AltText));
    }

    [Fact]
    public void Blank_fields_are_left_out_rather_than_refused()
    {
        var media = Assert.IsType<MediaContent>(PostDraftBuilder.Build(new PostFields { Media = new[] { Image }, Title = "  ", AltText = new[] { " " } }, Author).Content);
        Assert.Null(media.Title);
        Assert.Null(media.AltText);
        var article = Assert.IsType<ArticleContent>(PostDraftBuilder.Build(
            new PostFields { ArticleUrl = " https://example.com/a ", ArticleTitle = "Title", ArticleDescription = "   ", Visibility = " ", PollDuration = " " }, Author).Content);
        Assert.Null(article.Description);
        Assert.Equal(new Uri("https://example.com/a"), article.Source);
    }

    [Fact]
    public void Alt_text_for_an_article_without_a_thumbnail_is_refused_not_dropped()
    {
        var error = Refused(new PostFields { ArticleUrl = "https://example.com/a", ArticleTitle = "Title", AltText = new[] { "A chart" } });
        Assert.Equal("LinkedInInvalidThumbnail", error.ErrorId);
    }

    [Theory]
    [InlineData("urn:li:image:C4E10AQ")]
    [InlineData("share 123")]
    public void A_reshare_of_anything_but_a_post_is_refused_with_the_value(string value)
    {
        var error = Refused(new PostFields { ChosenKind = PostKind.Reshare, Reshare = value });
        Assert.Equal("LinkedInInvalidReshare", error.ErrorId);
        Assert.Contains($"'{value}' is not a post URN", error.Message);
    }

    [Fact]
    public void Alt_text_counts_are_named_the_same_way_for_parameters_and_columns()
    {
        var error = Refused(new PostFields { ChosenKind = PostKind.MultiImage, Media = new[] { Image, Other }, AltText = new[] { "x", "y", "z" } });
        Assert.Equal("LinkedInInvalidAltText", error.ErrorId);
        Assert.StartsWith("AltText gives 3 texts for 2 images.", error.Message);
        Assert.Equal("LinkedInInvalidAltText", Refused(new PostFields { Media = new[] { Image }, AltText = new[] { "x", "y" } }).ErrorId);
    }

    [Fact]
    public void The_chosen_kind_wins_over_what_is_filled_in_but_two_filled_kinds_are_still_refused()
    {
        Assert.Equal(PostKind.MultiImage, PostDraftBuilder.KindOf(new PostFields { ChosenKind = PostKind.MultiImage, Media = new[] { Image } }));
        Assert.Equal(PostKind.Text, PostDraftBuilder.KindOf(new PostFields { Text = "Hi" }));
        var error = Assert.Throws<LinkedInValidationException>(() => PostDraftBuilder.KindOf(new PostFields { ChosenKind = PostKind.Poll, Poll = "Q?", Reshare = "urn:li:share:1" }));
        Assert.Equal("LinkedInInvalidPostKind", error.ErrorId);
    }
}
