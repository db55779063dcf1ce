using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Identity.Contracts;

namespace EnSakITaget.Application.Identity;

internal sealed class IdentityCoordinatorDirectory(IApplicationDbContext db, IIdentityService identity) : ICoordinatorDirectory
{
    public Task<IReadOnlySet<Guid>> CoordinatorsOfAsync(Guid libraryId, CancellationToken cancellationToken) =>
        db.CoordinatorIdsOfAsync(libraryId, cancellationToken);

    public async Task<string?> DisplayNameOfAsync(Guid userId, CancellationToken cancellationToken) =>
        (await identity.FindUserAsync(userId, cancellationToken))?.DisplayName;
}
