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
    }
}
