using EnSakITaget.Application.Participants;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EnSakITaget.Infrastructure.Persistence.Configurations.Participants;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("staff_members", Schemas.Participants);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(StaffRules.MaxNameLength);
        builder.Property(s => s.Email).HasMaxLength(StaffRules.MaxEmailLength);
        builder.Property(s => s.Title).HasMaxLength(StaffRules.MaxTitleLength);
        builder.HasIndex(s => s.Email).IsUnique();
        builder.HasIndex(s => s.UnitId);
        builder.Property(s => s.Revision).IsConcurrencyToken();
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("enrolments", Schemas.Participants);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.RoundId, e.StaffMemberId }).IsUnique();
        builder.HasIndex(e => e.RoundLibraryId);
        builder.HasIndex(e => e.StaffMemberId);
        builder.Property(e => e.Revision).IsConcurrencyToken();
        builder.HasMany(e => e.Progress).WithOne().HasForeignKey(p => p.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Progress).HasField("_progress");
        builder.HasMany(e => e.Events).WithOne().HasForeignKey(p => p.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(e => e.Events).HasField("_events");
    }
}

internal sealed class ThingProgressConfiguration : IEntityTypeConfiguration<ThingProgress>
{
    public void Configure(EntityTypeBuilder<ThingProgress> builder)
    {
        builder.ToTable("thing_progress", Schemas.Participants);
        builder.HasKey(p => new { p.EnrolmentId, p.ThingId });
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ReflectionText).HasMaxLength(Reflection.MaxTextLength);
        builder.Property(p => p.ReflectionLink).HasMaxLength(Reflection.MaxLinkLength);
        builder.Property(p => p.AcknowledgedBy).HasMaxLength(256);
        builder.Property(p => p.AcknowledgementComment).HasMaxLength(4000);
        builder.Ignore(p => p.Reflection);
        builder.HasIndex(p => p.RoundId);
    }
}

internal sealed class ProgressEventConfiguration : IEntityTypeConfiguration<ProgressEvent>
{
    public void Configure(EntityTypeBuilder<ProgressEvent> builder)
    {
        builder.ToTable("progress_events", Schemas.Participants);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Note).HasMaxLength(Reflection.MaxTextLength);
        builder.Property(e => e.Link).HasMaxLength(Reflection.MaxLinkLength);
        builder.HasIndex(e => new { e.RoundId, e.StaffMemberId, e.Id });
        builder.HasIndex(e => e.EnrolmentId);
    }
}

internal sealed class DailyReportCountConfiguration : IEntityTypeConfiguration<DailyReportCount>
{
    public void Configure(EntityTypeBuilder<DailyReportCount> builder)
    {
        builder.ToTable("daily_reports", Schemas.Participants);
        builder.HasKey(d => new { d.RoundId, d.UnitId, d.Day });
        builder.HasIndex(d => new { d.Day, d.UnitId });
        builder.HasIndex(d => d.RoundLibraryId);
    }
}
