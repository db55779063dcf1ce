using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Audit;
using EnSakITaget.Domain.Community;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Domain.Feedback;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Libraries;
using EnSakITaget.Domain.Messaging;
using EnSakITaget.Domain.Participants;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>
/// The model shared by both providers. Each provider has its own subclass so that each keeps its
/// own migrations (<see cref="SqliteAppDbContext"/>, <see cref="PostgreSqlAppDbContext"/>).
/// Every module's rows are filtered to the caller's library scope here, in one place. What a
/// save does besides saving is done by interceptors, each with one job (see
/// <see cref="PersistenceRegistration"/>); a save that lost a race is told apart by <see cref="SaveChangesErrors"/>.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, CurrentUser caller)
    : IdentityUserContext<AppUser, Guid>(options), IApplicationDbContext
{
    public DbSet<LibraryNode> Libraries => Set<LibraryNode>();
    public DbSet<LibraryTreeRevision> LibraryTreeRevisions => Set<LibraryTreeRevision>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataRevision> DataRevisions => Set<DataRevision>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseVersion> CourseVersions => Set<CourseVersion>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<ThingProgress> ThingProgress => Set<ThingProgress>();
    public DbSet<ProgressEvent> ProgressEvents => Set<ProgressEvent>();
    public DbSet<DailyReportCount> DailyReportCounts => Set<DailyReportCount>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyParticipation> SurveyParticipations => Set<SurveyParticipation>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<BlogDutyRota> BlogDutyRotas => Set<BlogDutyRota>();

    /// <summary>Read by the query filters on every query; EF Core passes them as parameters.</summary>
    private bool ScopeIsUnrestricted => caller.Scope.IsUnrestricted;

    private Guid[] ScopeLibraryIds => caller.Scope.ScopeLibraryIds;

    private Guid[] ScopeCountyIds => caller.Scope.ScopeCountyIds;

    /// <summary>What the saves of the transaction under way changed, signalled when it commits.</summary>
    internal HashSet<ChangeTopic> PendingSignals { get; } = [];

    /// <summary>Whom the saves are recorded as, for the audit trail.</summary>
    internal ICurrentUser Caller => caller.Scope;

    /// <summary>
    /// Looks for changes once per save. The save's interceptors each read the tracked entries, and
    /// every such read would look through all of them again; an interceptor that changes an entity
    /// itself says so for that entity (<see cref="Interceptors.CalendarDaysInterceptor"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException exception) when (SaveChangesErrors.Translate(exception) is { } translated)
        {
            throw translated;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    public void DiscardChanges() => ChangeTracker.Clear();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AppUser>(user =>
        {
            user.ToTable("users", Schemas.Identity);
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims", Schemas.Identity);
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins", Schemas.Identity);
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens", Schemas.Identity);

        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        modelBuilder.Entity<LibraryNode>().HasQueryFilter(n => ScopeIsUnrestricted || ScopeLibraryIds.Contains(n.Id));
        modelBuilder.Entity<RoleAssignment>().HasQueryFilter(a =>
            ScopeIsUnrestricted || (a.LibraryId != null && ScopeLibraryIds.Contains(a.LibraryId.Value)));
        modelBuilder.Entity<ApiKey>().HasQueryFilter(k => ScopeIsUnrestricted || ScopeLibraryIds.Contains(k.LibraryId));
        // What a county owns is read by everyone whose libraries lie in it.
        modelBuilder.Entity<Course>().HasQueryFilter(c => ScopeIsUnrestricted || ScopeCountyIds.Contains(c.CountyId));
        modelBuilder.Entity<CourseVersion>().HasQueryFilter(v => ScopeIsUnrestricted || ScopeCountyIds.Contains(v.CountyId));
        modelBuilder.Entity<Round>().HasQueryFilter(r => ScopeIsUnrestricted || ScopeLibraryIds.Contains(r.HomeLibraryId));
        modelBuilder.Entity<StaffMember>().HasQueryFilter(s => ScopeIsUnrestricted || ScopeLibraryIds.Contains(s.UnitId));
        modelBuilder.Entity<Enrolment>().HasQueryFilter(e => ScopeIsUnrestricted || ScopeLibraryIds.Contains(e.RoundLibraryId));
        modelBuilder.Entity<ThingProgress>().HasQueryFilter(p => ScopeIsUnrestricted || ScopeLibraryIds.Contains(p.RoundLibraryId));
        modelBuilder.Entity<DailyReportCount>().HasQueryFilter(d => ScopeIsUnrestricted || ScopeLibraryIds.Contains(d.RoundLibraryId));
        modelBuilder.Entity<ProgressEvent>().HasQueryFilter(e => ScopeIsUnrestricted || ScopeLibraryIds.Contains(e.RoundLibraryId));
        modelBuilder.Entity<Survey>().HasQueryFilter(s => ScopeIsUnrestricted || ScopeLibraryIds.Contains(s.RoundLibraryId));
        modelBuilder.Entity<SurveyResponse>().HasQueryFilter(r => ScopeIsUnrestricted || ScopeLibraryIds.Contains(r.RoundLibraryId));
        modelBuilder.Entity<SurveyParticipation>().HasQueryFilter(p => ScopeIsUnrestricted || ScopeLibraryIds.Contains(p.RoundLibraryId));
        modelBuilder.Entity<Post>().HasQueryFilter(p => ScopeIsUnrestricted || ScopeLibraryIds.Contains(p.RoundLibraryId));
        modelBuilder.Entity<Comment>().HasQueryFilter(c => ScopeIsUnrestricted || ScopeLibraryIds.Contains(c.RoundLibraryId));
        modelBuilder.Entity<BlogDutyRota>().HasQueryFilter(r => ScopeIsUnrestricted || ScopeLibraryIds.Contains(r.LibraryId));
        modelBuilder.Entity<AuditEntry>().HasQueryFilter(e =>
            ScopeIsUnrestricted || (e.LibraryId != null && ScopeLibraryIds.Contains(e.LibraryId.Value)));
    }
}
