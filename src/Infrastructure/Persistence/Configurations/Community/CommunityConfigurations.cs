using EnSakITaget.Domain.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EnSakITaget.Infrastructure.Persistence.Configurations.Community;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("posts", Schemas.Community);
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(Post.MaxTitleLength);
        builder.Property(p => p.AuthorName).HasMaxLength(200);
        builder.ComplexProperty(p => p.Moderation, ModerationColumns.Map);
        builder.Property(p => p.PublicationDecidedBy).HasMaxLength(320);
        builder.Property(p => p.PublicationRefusal).HasMaxLength(Post.MaxReasonLength);
        builder.Property(p => p.Slug).HasMaxLength(100);
        builder.Property(p => p.Publication).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.ComplexCollection(p => p.History, history => history.ToJson("history"));
        builder.Ignore(p => p.IsHidden);
        builder.Ignore(p => p.IsPublic);
        builder.HasIndex(p => p.RoundId);
        builder.HasIndex(p => new { p.RoundLibraryId, p.Publication });
        builder.HasIndex(p => p.AuthorStaffMemberId);
        builder.HasIndex(p => p.AuthorUserId);
        builder.HasIndex(p => p.Slug).IsUnique();
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("comments", Schemas.Community);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.ComplexProperty(c => c.Moderation, ModerationColumns.Map);
        builder.Property(c => c.Revision).IsConcurrencyToken();
        builder.ComplexCollection(c => c.History, history => history.ToJson("history"));
        builder.Ignore(c => c.IsHidden);
        builder.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.PostId);
        builder.HasIndex(c => c.RoundId);
        builder.HasIndex(c => c.AuthorStaffMemberId);
        builder.HasIndex(c => c.AuthorUserId);
    }
}

/// <summary>A post's and a comment's hiding, in columns of their own tables.</summary>
internal static class ModerationColumns
{
    public static void Map(ComplexPropertyBuilder<Moderation> moderation)
    {
        moderation.Property(m => m.Reason).HasMaxLength(Post.MaxReasonLength);
        moderation.Property(m => m.By).HasMaxLength(320);
        moderation.Ignore(m => m.IsHidden);
    }
}

internal sealed class BlogDutyRotaConfiguration : IEntityTypeConfiguration<BlogDutyRota>
{
    public void Configure(EntityTypeBuilder<BlogDutyRota> builder)
    {
        builder.ToTable("blog_duty_rotas", Schemas.Community);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.ComplexCollection(r => r.Weeks, weeks => weeks.ToJson("weeks"));
        builder.HasIndex(r => r.LibraryId).IsUnique();
    }
}
