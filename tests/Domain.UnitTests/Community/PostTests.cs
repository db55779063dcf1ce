using EnSakITaget.Domain.Community;

namespace EnSakITaget.Domain.UnitTests.Community;

/// <summary>A post of a round's blog: edited by its author alone with its history kept, hidden with a reason, published with approval.</summary>
public sealed class PostTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid AnnasAccount = Guid.CreateVersion7();
    private static readonly Author Anna = new(Guid.CreateVersion7(), AnnasAccount, "Anna Ek");

    private static Post Written() => Post.Write(Guid.CreateVersion7(), Guid.CreateVersion7(), null, Anna, "Min första blogg", "Hej!", Now);

    [Fact]
    public void An_edit_by_the_author_keeps_the_version_before()
    {
        var post = Written();

        post.Edit(AnnasAccount, "Min första blogg", "Hej igen!", Now.AddHours(1));

        post.Body.ShouldBe("Hej igen!");
        var before = post.History.ShouldHaveSingleItem();
        (before.Title, before.Body, before.WrittenAt).ShouldBe(("Min första blogg", "Hej!", Now));
    }

    [Fact]
    public void Nobody_but_the_author_edits_a_post()
    {
        var post = Written();

        Should.Throw<CommunityRuleException>(() => post.Edit(Guid.CreateVersion7(), "Annat", "Annat", Now));
        Should.Throw<CommunityRuleException>(() => post.Edit(null, "Annat", "Annat", Now));
        post.History.ShouldBeEmpty();
    }

    [Fact]
    public void A_post_is_public_only_once_a_coordinator_approves_what_its_author_asked_for()
    {
        var post = Written();
        Should.Throw<CommunityRuleException>(() => post.ApprovePublication("coordinator", Now));

        post.RequestPublication(AnnasAccount, Now);
        post.IsPublic.ShouldBeFalse();
        post.ApprovePublication("coordinator", Now.AddHours(1));

        post.IsPublic.ShouldBeTrue();
        post.Slug.ShouldStartWith("min-forsta-blogg-");
        post.PublishedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void An_edit_of_a_public_post_goes_back_to_the_coordinator()
    {
        var post = Written();
        post.RequestPublication(AnnasAccount, Now);
        post.ApprovePublication("coordinator", Now);

        post.Edit(AnnasAccount, "Min första blogg", "Något helt annat", Now.AddDays(1));

        post.Publication.ShouldBe(PublicationState.Requested);
        post.IsPublic.ShouldBeFalse();
    }

    [Fact]
    public void A_hidden_post_leaves_the_public_blog_and_cannot_be_asked_for_again()
    {
        var post = Written();
        post.RequestPublication(AnnasAccount, Now);
        post.ApprovePublication("coordinator", Now);

        post.Hide("Personuppgifter om en låntagare", "coordinator", Now);

        post.IsPublic.ShouldBeFalse();
        post.Moderation.Reason.ShouldBe("Personuppgifter om en låntagare");
        Should.Throw<CommunityRuleException>(() => post.RequestPublication(AnnasAccount, Now));
        post.Unhide();
        post.IsPublic.ShouldBeTrue();
    }

    [Fact]
    public void A_comment_keeps_its_earlier_versions_by_the_same_rule_as_a_post()
    {
        var comment = Comment.On(Written(), Anna, "Snyggt!", Now);

        comment.Edit(AnnasAccount, "Snyggt, Anna!", Now.AddHours(1));
        Should.Throw<CommunityRuleException>(() => comment.Edit(Guid.CreateVersion7(), "Kapad", Now));

        comment.Body.ShouldBe("Snyggt, Anna!");
        var before = comment.History.ShouldHaveSingleItem();
        (before.Title, before.Body, before.WrittenAt).ShouldBe((null, "Snyggt!", Now));
    }

    [Fact]
    public void An_edit_that_changes_nothing_keeps_no_version_of_a_post_or_a_comment()
    {
        var post = Written();
        var comment = Comment.On(post, Anna, "Snyggt!", Now);

        post.Edit(AnnasAccount, post.Title, post.Body, Now.AddHours(1));
        comment.Edit(AnnasAccount, comment.Body, Now.AddHours(1));

        (post.History.Count, post.UpdatedAt, post.Revision).ShouldBe((0, Now, 0));
        (comment.History.Count, comment.UpdatedAt, comment.Revision).ShouldBe((0, Now, 0));
    }

    [Fact]
    public void A_hidden_post_takes_no_comments()
    {
        var post = Written();
        post.Hide("Fel tråd", "coordinator", Now);

        Should.Throw<CommunityRuleException>(() => Comment.On(post, Anna, "Hej", Now));
    }

    [Fact]
    public void Erasing_the_author_keeps_the_post_without_its_words_or_its_author()
    {
        var post = Written();
        post.Edit(AnnasAccount, "Ny titel", "Ny text", Now);
        post.RequestPublication(AnnasAccount, Now);
        post.ApprovePublication("coordinator", Now);

        post.Erase(Now);

        (post.Title, post.Body, post.AuthorName).ShouldBe((Post.ErasedText, Post.ErasedText, Post.ErasedAuthor));
        (post.AuthorStaffMemberId, post.AuthorUserId).ShouldBe((null, null));
        post.History.ShouldAllBe(h => h.Body == Post.ErasedText);
        post.IsPublic.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Så här gör vi på Ödeshög!", "sa-har-gor-vi-pa-odeshog-")]
    [InlineData("<script>", "script-")]
    [InlineData("!!!", "")]
    public void A_slug_is_the_title_in_plain_ascii_and_a_piece_of_the_id(string title, string start)
    {
        var id = Guid.CreateVersion7();

        var slug = Slugs.Of(title, id);

        slug.ShouldBe(start + id.ToString("N")[^8..]);
    }
}
