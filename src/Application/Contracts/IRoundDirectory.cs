namespace EnSakITaget.Application.Contracts;

/// <summary>What the Courses module tells other modules about a round.</summary>
public interface IRoundDirectory
{
    /// <summary>A round the caller may see, or null.</summary>
    Task<RoundSummary?> FindAsync(Guid roundId, CancellationToken cancellationToken);
}

/// <param name="IsOpen">Only an open round takes progress.</param>
/// <param name="IsClosed">A closed round takes nothing more.</param>
public sealed record RoundSummary(Guid Id, Guid HomeLibraryId, bool IsOpen, bool IsClosed, int ThingCount);
