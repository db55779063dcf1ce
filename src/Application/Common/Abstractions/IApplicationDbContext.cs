using EnSakITaget.Domain.Audit;
using EnSakITaget.Domain.Community;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Domain.Feedback;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Libraries;
using EnSakITaget.Domain.Messaging;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Common.Abstractions;

public interface IApplicationDbContext
{
    DbSet<LibraryNode> Libraries { get; }
    DbSet<LibraryTreeRevision> LibraryTreeRevisions { get; }
    DbSet<RoleAssignment> RoleAssignments { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<DataRevision> DataRevisions { get; }
    DbSet<Course> Courses { get; }
    DbSet<CourseVersion> CourseVersions { get; }
    DbSet<Round> Rounds { get; }
    DbSet<StaffMember> StaffMembers { get; }
    DbSet<Enrolment> Enrolments { get; }
    DbSet<ThingProgress> ThingProgress { get; }
    DbSet<ProgressEvent> ProgressEvents { get; }
    DbSet<DailyReportCount> DailyReportCounts { get; }
    DbSet<Survey> Surveys { get; }
    DbSet<SurveyResponse> SurveyResponses { get; }
    DbSet<SurveyParticipation> SurveyParticipations { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<NotificationSettings> NotificationSettings { get; }
    DbSet<Post> Posts { get; }
    DbSet<Comment> Comments { get; }
    DbSet<BlogDutyRota> BlogDutyRotas { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every unsaved change, after a save that lost a race.</summary>
    void DiscardChanges();
}
