using EnSakITaget.Application.Common.Exceptions;
using Mediator;

namespace EnSakITaget.Application.Identity.GetUser;

public sealed record GetUserQuery(Guid Id) : IQuery<UserDto>;

internal sealed class GetUserQueryHandler(IIdentityService identity, UserAccess access) : IQueryHandler<GetUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        var roles = await access.VisibleRolesOfAsync(query.Id, cancellationToken);
        var account = await identity.FindUserAsync(query.Id, cancellationToken) ?? throw new NotFoundException("User", query.Id);
        return await access.ToDtoAsync(account, roles, cancellationToken);
    }
}
