using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Participants;

/// <summary>What a roster says about one member of staff.</summary>
public sealed record StaffDetails(string Name, string Email, Guid UnitId, string? Title, bool IsManager)
{
    /// <summary>E-mail addresses are compared without regard to case or surrounding spaces.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}

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
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

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

    private void Apply(StaffDetails details, DateTimeOffset now)
    {
        Name = details.Name;
        Email = StaffDetails.NormaliseEmail(details.Email);
        UnitId = details.UnitId;
        Title = string.IsNullOrWhiteSpace(details.Title) ? null : details.Title;
        IsManager = details.IsManager;
        UpdatedAt = now;
    }
}
