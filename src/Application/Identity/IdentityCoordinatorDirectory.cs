using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Identity.Contracts;
using EnSakITaget.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Identity;

internal sealed class IdentityCoordinatorDirectory(IApplicationDbContext db) : ICoordinatorDirectory
{
    public async Task<IReadOnlySet<Guid>> CoordinatorsOfAsync(Guid libraryId, CancellationToken cancellationToken) =>
        (await db.RoleAssignments.IgnoreQueryFilters()
            .Where(a => a.Role == Role.Coordinator && a.LibraryId == libraryId)
            .Select(a => a.UserId)
            .ToListAsync(cancellationToken))
        .ToHashSet();
}
