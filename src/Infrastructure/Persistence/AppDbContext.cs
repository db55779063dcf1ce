using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Domain.Audit;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Domain.Feedback;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Libraries;
using EnSakITaget.Domain.Messaging;
using EnSakITaget.Domain.Participants;
using EnSakITaget.Infrastructure.Audit;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>
/// The model shared by both providers. Each provider has its own subclass so that each keeps its
/// own migrations (<see cref="SqliteAppDbContext"/>, <see cref="PostgreSqlAppDbContext"/>).
/// Every module's rows are filtered to the caller's library scope here, in one place.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, CurrentUser caller, TimeProvider time, CourseCalendar calendar)
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
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    /// <summary>Read by the query filters on every query; EF Core passes them as parameters.</summary>
    private bool ScopeIsUnrestricted => caller.IsUnrestricted;

    private Guid[] ScopeLibraryIds => caller.ScopeLibraryIds;

    private Guid[] ScopeCountyIds => caller.ScopeCountyIds;

    /// <summary>What the saves of the transaction under way changed, signalled when it commits.</summary>
    internal HashSet<ChangeTopic> PendingSignals { get; } = [];

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var enrolment in ChangeTracker.Entries<Enrolment>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            enrolment.Entity.KeepCalendarDays(calendar.DayOf);
        }

        AuditEntries.AddRange(AuditTrail.Collect(ChangeTracker, caller, time.GetUtcNow()));
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrentChangeException(exception);
        }
        catch (DbUpdateException exception) when (IsConstraintViolation(exception))
        {
            throw new ConflictException("The change clashes with stored data, perhaps saved at the same moment; read it again and retry.", exception);
        }
    }

    public void DiscardChanges() => ChangeTracker.Clear();

    public Task CountReportAsync(Guid roundId, Guid unitId, Guid roundLibraryId, DateOnly day, CancellationToken cancellationToken)
    {
        var entity = Model.FindEntityType(typeof(DailyReportCount))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"";
        var (name, reports) = ($"\"{table.Name}\"", Column(nameof(DailyReportCount.Reports)));
        var qualified = table.Schema is null ? name : $"\"{table.Schema}\".{name}";
        var key = $"{Column(nameof(DailyReportCount.RoundId))}, {Column(nameof(DailyReportCount.UnitId))}, {Column(nameof(DailyReportCount.Day))}";
        // One statement that inserts or adds: two reports at the same moment both count. Only the
        // model's own identifiers are put into the text; every value is a parameter.
#pragma warning disable EF1003
        return Database.ExecuteSqlRawAsync(
            $"INSERT INTO {qualified} ({key}, {Column(nameof(DailyReportCount.RoundLibraryId))}, {reports}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, 1) " +
            $"ON CONFLICT ({key}) DO UPDATE SET {reports} = {name}.{reports} + 1",
            [GuidParameter(roundId), GuidParameter(unitId), day, GuidParameter(roundLibraryId)],
            cancellationToken);
#pragma warning restore EF1003
    }

    /// <summary>A GUID as the provider stores it, for hand-written SQL.</summary>
    protected virtual object GuidParameter(Guid value) => value;

    /// <summary>A unique key or a reference broken by a change saved at the same moment.</summary>
    protected abstract bool IsConstraintViolation(DbUpdateException exception);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AppUser>(user =>
        {
            user.ToTable("users", Schemas.Identity);
            user.Property(u => u.DisplayName).HasMaxLength(200);
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
        modelBuilder.Entity<AuditEntry>().HasQueryFilter(e =>
            ScopeIsUnrestricted || (e.LibraryId != null && ScopeLibraryIds.Contains(e.LibraryId.Value)));
    }
}
