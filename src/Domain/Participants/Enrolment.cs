using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Participants;

public enum EnrolmentStatus
{
    Invited,
    Active,
    Completed,
    Withdrawn,
}

public sealed class EnrolmentRuleException(string message) : DomainRuleViolationException(message);

/// <summary>A member of staff's place in a round: invited, taking part, done, or withdrawn.</summary>
public sealed class Enrolment : IAudited
{
    private Enrolment()
    {
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }

    /// <summary>The round's home organisation: whoever runs the round sees its enrolments.</summary>
    public Guid RoundLibraryId { get; private set; }

    public Guid StaffMemberId { get; private set; }

    /// <summary>From a library outside the round's home organisation (a testpilot).</summary>
    public bool IsPilot { get; private set; }

    public EnrolmentStatus Status { get; private set; }
    public bool AttendedKickOff { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    Guid? IAudited.AuditLibraryId => RoundLibraryId;

    public static Enrolment Invite(Guid roundId, Guid roundLibraryId, Guid staffMemberId, bool isPilot, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RoundId = roundId,
        RoundLibraryId = roundLibraryId,
        StaffMemberId = staffMemberId,
        IsPilot = isPilot,
        Status = EnrolmentStatus.Invited,
        InvitedAt = now,
    };

    /// <summary>Invites again someone who had withdrawn.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool Reinvite(DateTimeOffset now)
    {
        if (Status != EnrolmentStatus.Withdrawn)
        {
            return false;
        }

        Status = ActivatedAt is null ? EnrolmentStatus.Invited : EnrolmentStatus.Active;
        WithdrawnAt = null;
        InvitedAt = now;
        return true;
    }

    public void RecordKickOffAttendance(bool attended, DateTimeOffset now)
    {
        EnsureNotWithdrawn();
        AttendedKickOff = attended;
        if (attended)
        {
            Activate(now);
        }
    }

    /// <summary>The participant has begun: the first thing started, or the kick-off attended.</summary>
    public void Activate(DateTimeOffset now)
    {
        EnsureNotWithdrawn();
        if (Status == EnrolmentStatus.Invited)
        {
            Status = EnrolmentStatus.Active;
            ActivatedAt = now;
        }
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (Status == EnrolmentStatus.Completed)
        {
            throw new EnrolmentRuleException("A participant who has completed the round cannot withdraw from it.");
        }

        if (Status != EnrolmentStatus.Withdrawn)
        {
            Status = EnrolmentStatus.Withdrawn;
            WithdrawnAt = now;
        }
    }

    private void EnsureNotWithdrawn()
    {
        if (Status == EnrolmentStatus.Withdrawn)
        {
            throw new EnrolmentRuleException("The participant has withdrawn from the round; enrol them again first.");
        }
    }
}
