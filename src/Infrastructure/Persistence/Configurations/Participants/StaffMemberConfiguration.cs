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
