using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Identity.ListUsers;

public sealed record ListUsersQuery(int Page = 1, int PageSize = PagingDefaults.PageSize) : IQuery<PagedList<UserDto>>, IPagedQuery;

internal sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersQueryValidator() => Include(new PagingRules());
}

internal sealed class ListUsersQueryHandler(IIdentityService identity, IApplicationDbContext db, UserAccess access)
    : IQueryHandler<ListUsersQuery, PagedList<UserDto>>
{
    public async ValueTask<PagedList<UserDto>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleUserIdsAsync(cancellationToken);
        var page = await identity.ListUsersAsync(visible, query, cancellationToken);
        var roles = await db.AllRolesOfAsync([.. page.Items.Select(u => u.Id)], cancellationToken);

        return new PagedList<UserDto>(await access.ToDtosAsync(page.Items, roles, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}
