using EnSakITaget.Domain.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EnSakITaget.Infrastructure.Persistence.Configurations.Feedback;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("surveys", Schemas.Feedback);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.OpensWhen).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.ComplexCollection(s => s.Questions, questions =>
        {
            questions.ToJson("questions");
            questions.Property(q => q.Kind).HasConversion<string>();
        });
        builder.Ignore(s => s.HasSelfAssessment);
        builder.HasIndex(s => s.RoundId).IsUnique();
        builder.HasIndex(s => s.CourseId);
    }
}

/// <summary>No column leads from an anonymous response to its author: no respondent, a random id, only the day.</summary>
internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("survey_responses", Schemas.Feedback);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Phase).HasConversion<string>().HasMaxLength(20);
        builder.ComplexCollection(r => r.Answers, answers => answers.ToJson("answers"));
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.SurveyId);
        builder.HasIndex(r => r.CourseId);
    }
}

internal sealed class SurveyParticipationConfiguration : IEntityTypeConfiguration<SurveyParticipation>
{
    public void Configure(EntityTypeBuilder<SurveyParticipation> builder)
    {
        builder.ToTable("survey_participations", Schemas.Feedback);
        builder.HasKey(p => new { p.SurveyId, p.StaffMemberId, p.Phase });
        builder.Property(p => p.Phase).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Survey>().WithMany().HasForeignKey(p => p.SurveyId).OnDelete(DeleteBehavior.Restrict);
    }
}
