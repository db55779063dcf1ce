namespace EnSakITaget.Application.Participants.Contracts;

/// <summary>What the Participants module tells other modules about the caller as a participant.</summary>
public interface IParticipantDirectory
{
    /// <summary>The staff record the caller's account is linked to, or null.</summary>
    Task<Guid?> OwnParticipantIdAsync(CancellationToken cancellationToken);

    /// <summary>The caller's own enrolment in a round, whoever's scope the round lies in; null when they take no part.</summary>
    Task<OwnEnrolment?> OwnEnrolmentAsync(Guid roundId, CancellationToken cancellationToken);

    /// <summary>How many take part in the round (not withdrawn), and how many have completed it.</summary>
    Task<RoundTurnout> TurnoutAsync(Guid roundId, CancellationToken cancellationToken);

    /// <summary>The names of members of staff, whoever's scope they lie in: for a survey that is not anonymous.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> staffMemberIds, CancellationToken cancellationToken);

    /// <summary>Everyone enrolled in the round, withdrawn included, with where to write to them: for the system's letters.</summary>
    Task<IReadOnlyList<RoundMember>> MembersAsync(Guid roundId, CancellationToken cancellationToken);
}

public sealed record RoundMember(Guid ParticipantId, string Email, string Name, bool HasCompleted, bool HasWithdrawn, int ThingsReported);

public sealed record OwnEnrolment(Guid ParticipantId, bool HasCompleted, bool HasWithdrawn, int ThingsReported);

public sealed record RoundTurnout(int Enrolled, int Completed);
