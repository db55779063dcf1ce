using EnSakITaget.Application.Libraries;
using EnSakITaget.Domain.Libraries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EnSakITaget.Infrastructure.Persistence.Configurations.Libraries;

internal sealed class LibraryNodeConfiguration : IEntityTypeConfiguration<LibraryNode>
{
    public void Configure(EntityTypeBuilder<LibraryNode> builder)
    {
        builder.ToTable("library_nodes", Schemas.Libraries);
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Name).HasMaxLength(LibraryInputValidator<LibraryInput>.MaxNameLength);
        builder.Property(n => n.Code).HasMaxLength(4);
        builder.Property(n => n.Revision).IsConcurrencyToken();

        // A parent cannot be deleted while it has children; the handler says so first, this keeps it true.
        builder.HasOne<LibraryNode>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.ParentId, n.Code }).IsUnique();
        builder.HasIndex(n => n.Type);
    }
}

/// <summary>The row is moved on by triggers in the database (see the ChangeSignals migrations), never by the model.</summary>
internal sealed class LibraryTreeRevisionConfiguration : IEntityTypeConfiguration<LibraryTreeRevision>
{
    public void Configure(EntityTypeBuilder<LibraryTreeRevision> builder)
    {
        builder.ToTable("tree_revision", Schemas.Libraries);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasData(new { Id = LibraryTreeRevision.SingletonId, Value = 0L });
    }
}
