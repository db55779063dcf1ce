using EnSakITaget.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EnSakITaget.Infrastructure.Persistence.Configurations.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries", Schemas.Audit);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.LibraryId);
    }
}

/// <summary>The row is moved on by triggers in the database (see the ChangeSignals migrations), never by the model.</summary>
internal sealed class DataRevisionConfiguration : IEntityTypeConfiguration<DataRevision>
{
    public void Configure(EntityTypeBuilder<DataRevision> builder)
    {
        builder.ToTable("data_revision", Schemas.Audit);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasData(new { Id = DataRevision.SingletonId, Value = 0L });
    }
}
