using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Identity.Contracts;

namespace EnSakITaget.Application.Identity;

internal sealed class IdentityCoordinatorDirectory(IApplicationDbContext db) : ICoordinatorDirectory
{
    public Task<IReadOnlySet<Guid>> CoordinatorsOfAsync(Guid libraryId, CancellationToken cancellationToken) =>
        db.CoordinatorIdsOfAsync(libraryId, cancellationToken);
}
