using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Contracts;
using EnSakITaget.Domain.Courses;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Courses;

internal sealed class CoursesRoundDirectory(IApplicationDbContext db) : IRoundDirectory
{
    public async Task<RoundSummary?> FindAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        return round is null
            ? null
            : new RoundSummary(round.Id, round.HomeLibraryId, round.Status == RoundStatus.Open, round.Status == RoundStatus.Closed, round.Things.Count);
    }
}
