using System.Linq.Expressions;
using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Participants;

/// <summary>What a roster says about one member of staff.</summary>
public sealed record StaffDetails(string Name, string Email, Guid UnitId, string? Title, bool IsManager)
{
    /// <summary>E-mail addresses are compared without regard to case or surrounding spaces.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}

public sealed class StaffRuleException(string message) : DomainRuleViolationException(message);

/// <summary>A member of a library's staff, managers included: someone who can take part in a round.</summary>
public sealed class StaffMember : IAudited
{
    private StaffMember()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = string.Empty;

    /// <summary>Unique, lower case: rosters are matched on it.</summary>
    public string Email { get; private set; } = string.Empty;

    /// <summary>The library unit the person works at.</summary>
    public Guid UnitId { get; private set; }

    public string? Title { get; private set; }
    public bool IsManager { get; private set; }

    /// <summary>The day the person left the library's staff; null while they work there. The roster shows current staff.</summary>
    public DateOnly? LeftOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Moves on with every change: the ETag that keeps two editors from overwriting each other.</summary>
    public int Revision { get; private set; }

    Guid? IAudited.AuditLibraryId => UnitId;

    public static StaffMember Register(StaffDetails details, DateTimeOffset now)
    {
        var member = new StaffMember { Id = Guid.CreateVersion7(now), CreatedAt = now };
        member.Apply(details, now);
        return member;
    }

    /// <returns>Whether anything changed: an import that repeats a roster changes nothing.</returns>
    public bool Update(StaffDetails details, DateTimeOffset now)
    {
        var email = StaffDetails.NormaliseEmail(details.Email);
        if (Name == details.Name && Email == email && UnitId == details.UnitId && Title == details.Title && IsManager == details.IsManager)
        {
            return false;
        }

        Apply(details, now);
        return true;
    }

    /// <summary>
    /// The person has left the staff on <paramref name="leftOn"/>, which is today or a day past: a
    /// day to come is recorded when it comes. The enrolments they have not completed end with it
    /// (<see cref="Enrolment.EndForLeaving"/>); the record and its history stay.
    /// </summary>
    /// <returns>Whether anything changed: recording the same day again changes nothing.</returns>
    public bool Leave(DateOnly leftOn, DateOnly today, DateTimeOffset now)
    {
        if (leftOn > today)
        {
            throw new StaffRuleException($"{Name} has not left yet: record the leaving on or after {leftOn:yyyy-MM-dd}.");
        }

        if (LeftOn == leftOn)
        {
            return false;
        }

        LeftOn = leftOn;
        UpdatedAt = now;
        Revision++;
        return true;
    }

    /// <summary>The person is on the staff again (or never left): back on the roster. Enrolments ended by the leaving stay ended; enrol them again.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool Return(DateTimeOffset now)
    {
        if (LeftOn is null)
        {
            return false;
        }

        LeftOn = null;
        UpdatedAt = now;
        Revision++;
        return true;
    }

    /// <summary>Someone who has left takes part in no new round.</summary>
    public void EnsureMayBeEnrolled()
    {
        if (LeftOn is { } left)
        {
            throw new StaffRuleException($"{Name} left the staff on {left:yyyy-MM-dd}: someone who has left cannot be enrolled. Record their return first.");
        }
    }

    /// <summary>
    /// A member of staff with enrolments is never deleted: their progress, reflections and nudges
    /// are the round's history, and its statistics count them. The way out is to record the leaving.
    /// </summary>
    /// <param name="enrolments">The rounds they are or were enrolled in, withdrawn ones included.</param>
    public void EnsureMayBeDeleted(int enrolments)
    {
        if (enrolments > 0)
        {
            var rounds = enrolments == 1 ? "1 round" : $"{enrolments} rounds";
            throw new StaffRuleException(
                $"{Name} has been enrolled in {rounds}, and deleting them would delete that history. " +
                "Record the day they left instead (leftOn): that ends the enrolments they have not completed, keeps their history, and takes them off the roster.");
        }
    }

    /// <summary>What an erased person is called everywhere they are still counted.</summary>
    public const string ErasedName = "Raderad person";

    /// <summary>
    /// Erases the person (a data subject's request, or the county's retention): name, e-mail and
    /// title give way to placeholders, the e-mail one unique to the record. The record stays, with its
    /// unit and manager flag, so that the staff counts and coverage of the county's statistics do not change.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        Name = ErasedName;
        Email = ErasedEmailOf(Id);
        Title = null;
        UpdatedAt = now;
        Revision++;
    }

    public static string ErasedEmailOf(Guid id) => $"raderad-{id:N}@{ErasedEmailDomain}";

    /// <summary>The reserved domain (RFC 2606) of every erased person's placeholder address: nothing is ever sent there.</summary>
    public const string ErasedEmailDomain = "raderad.invalid";

    /// <summary>Whether the person was erased: they stay on their rounds' rosters as a placeholder, and are never written to.</summary>
    public bool IsErased => IsErasedEmail(Email);

    /// <summary>Whether an address is an erased person's placeholder: the one test of erasure, for what holds only the address.</summary>
    public static bool IsErasedEmail(string email) => email.EndsWith(ErasedEmailSuffix, StringComparison.Ordinal);

    /// <summary>The same test as a query runs it in the database: those not erased.</summary>
    public static readonly Expression<Func<StaffMember, bool>> NotErased = s => !s.Email.EndsWith(ErasedEmailSuffix);

    private const string ErasedEmailSuffix = "@" + ErasedEmailDomain;

    private void Apply(StaffDetails details, DateTimeOffset now)
    {
        Name = details.Name;
        Email = StaffDetails.NormaliseEmail(details.Email);
        UnitId = details.UnitId;
        Title = string.IsNullOrWhiteSpace(details.Title) ? null : details.Title;
        IsManager = details.IsManager;
        UpdatedAt = now;
        Revision++;
    }
}
