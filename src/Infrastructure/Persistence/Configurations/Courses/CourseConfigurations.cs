using EnSakITaget.Domain.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EnSakITaget.Infrastructure.Persistence.Configurations.Courses;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ToTable("courses", Schemas.Courses);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.Language).HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Revision).IsConcurrencyToken();
        // A complex collection is stored as one value, in list order; owned JSON entities would be
        // told apart by their index, and a reordered list would lose or duplicate things.
        builder.ComplexCollection(c => c.Things, things => things.ToJson("things"));
        builder.HasIndex(c => c.CountyId);
    }
}

internal sealed class CourseVersionConfiguration : IEntityTypeConfiguration<CourseVersion>
{
    public void Configure(EntityTypeBuilder<CourseVersion> builder)
    {
        builder.ToTable("course_versions", Schemas.Courses);
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.Property(v => v.Description).HasMaxLength(4000);
        builder.Property(v => v.Language).HasMaxLength(20);
        builder.ComplexCollection(v => v.Things, things => things.ToJson("things"));
        builder.HasOne<Course>().WithMany().HasForeignKey(v => v.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.CourseId, v.Version }).IsUnique();
    }
}

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> builder)
    {
        builder.ToTable("rounds", Schemas.Courses);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ScheduleMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.ComplexCollection(r => r.Things, things => things.ToJson("things"));
        builder.ComplexCollection(r => r.Pauses, pauses => pauses.ToJson("pauses"));
        builder.Ignore(r => r.NextThing);
        builder.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.HomeLibraryId);
        builder.HasIndex(r => new { r.Status, r.NextReleaseDate });
    }
}
