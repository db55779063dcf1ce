using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Participants.Contracts;
using Mediator;

namespace EnSakITaget.Application.Identity.GetMe;

public sealed record GetMeQuery : IQuery<MeDto>;

/// <param name="Roles">Each role and the library it acts on.</param>
/// <param name="LibraryCount">How many library nodes the caller may act on (their whole subtree); null for an administrator, who may act on all.</param>
/// <param name="ParticipantId">The caller's own staff record: the one with the account's e-mail, at a library where the account holds a role.</param>
public sealed record MeDto(
    Guid Id, string Email, string DisplayName, IReadOnlyList<RoleGrantDto> Roles, int? LibraryCount, Guid? ParticipantId);

internal sealed class GetMeQueryHandler(ICurrentUser caller, ILibraryScope scope, IIdentityService identity, IApplicationDbContext db, UserAccess access, IParticipantDirectory participants)
    : IQueryHandler<GetMeQuery, MeDto>
{
    public async ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var userId = caller.UserId ?? throw new UnauthorizedException("Only a signed-in user has a profile.");
        var account = await identity.FindUserAsync(userId, cancellationToken) ?? throw new NotFoundException("User", userId);
        var roles = await db.AllRolesOfAsync(userId, cancellationToken);
        return new MeDto(account.Id, account.Email, account.DisplayName, await access.DescribeAsync(roles, cancellationToken),
            scope.IsUnrestricted ? null : scope.LibraryIds.Count, await participants.OwnParticipantIdAsync(cancellationToken));
    }
}
