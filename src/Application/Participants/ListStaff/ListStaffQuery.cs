using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants.ListStaff;

/// <param name="UnitId">Only the staff of this unit.</param>
/// <param name="Search">Part of a name or an e-mail.</param>
/// <param name="Page">Which page, by name.</param>
/// <param name="PageSize">How many a page.</param>
/// <param name="IncludeLeft">Also those who have left the staff (<c>leftOn</c> set); the roster is current staff only.</param>
public sealed record ListStaffQuery(
    Guid? UnitId = null, string? Search = null, int Page = 1, int PageSize = PagingDefaults.PageSize, bool IncludeLeft = false)
    : IQuery<PagedList<StaffMemberDto>>, IPagedQuery;

internal sealed class ListStaffQueryValidator : AbstractValidator<ListStaffQuery>
{
    public ListStaffQueryValidator()
    {
        Include(new PagingRules());
        RuleFor(q => q.Search).MaximumLength(100);
    }
}

internal sealed class ListStaffQueryHandler(IApplicationDbContext db) : IQueryHandler<ListStaffQuery, PagedList<StaffMemberDto>>
{
    public async ValueTask<PagedList<StaffMemberDto>> Handle(ListStaffQuery query, CancellationToken cancellationToken)
    {
        var staff = db.StaffMembers.AsNoTracking();
        if (!query.IncludeLeft)
        {
            staff = staff.Where(s => s.LeftOn == null);
        }

        if (query.UnitId is { } unit)
        {
            staff = staff.Where(s => s.UnitId == unit);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToLowerInvariant();
            staff = staff.Where(s => s.Name.ToLower().Contains(search) || s.Email.Contains(search));
        }

        return await staff
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new StaffMemberDto(s.Id, s.Name, s.Email, s.UnitId, s.Title, s.IsManager, s.LeftOn, s.CreatedAt, s.UpdatedAt))
            .ToPagedListAsync(query, cancellationToken);
    }
}
