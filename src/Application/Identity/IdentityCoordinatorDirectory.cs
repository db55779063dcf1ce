using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Identity.Contracts;

namespace EnSakITaget.Application.Identity;

internal sealed class IdentityCoordinatorDirectory(IApplicationDbContext db, IIdentityService identity) : ICoordinatorDirectory
{
    public Task<IReadOnlySet<Guid>> CoordinatorsOfAsync(Guid libraryId, CancellationToken cancellationToken) =>
        db.CoordinatorIdsOfAsync(libraryId, cancellationToken);

    public async Task<IReadOnlyList<UserContact>> ContactsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var contacts = new List<UserContact>();
        foreach (var id in userIds.Distinct())
        {
            if (await identity.FindUserAsync(id, cancellationToken) is { } account)
            {
                contacts.Add(new UserContact(account.Id, account.Email, account.DisplayName));
            }
        }

        return contacts;
    }

    public async Task<string?> DisplayNameOfAsync(Guid userId, CancellationToken cancellationToken) =>
        (await identity.FindUserAsync(userId, cancellationToken))?.DisplayName;
}
