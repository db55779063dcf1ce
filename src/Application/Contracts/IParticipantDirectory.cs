namespace EnSakITaget.Application.Contracts;

/// <summary>What the Participants module tells other modules about the caller as a participant.</summary>
public interface IParticipantDirectory
{
    /// <summary>The staff record the caller's account is linked to, or null.</summary>
    Task<Guid?> OwnParticipantIdAsync(CancellationToken cancellationToken);
}
