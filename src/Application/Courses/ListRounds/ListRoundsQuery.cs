using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Domain.Courses;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Courses.ListRounds;

public sealed record ListRoundsQuery(
    Guid? HomeLibraryId = null, Guid? CourseId = null, RoundStatus? Status = null, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<PagedList<RoundDto>>, IPagedQuery;

internal sealed class ListRoundsQueryValidator : AbstractValidator<ListRoundsQuery>
{
    public ListRoundsQueryValidator()
    {
        Include(new PagingRules());
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class ListRoundsQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListRoundsQuery, PagedList<RoundDto>>
{
    public async ValueTask<PagedList<RoundDto>> Handle(ListRoundsQuery query, CancellationToken cancellationToken)
    {
        var rounds = db.Rounds.AsNoTracking();
        if (query.HomeLibraryId is { } home)
        {
            rounds = rounds.Where(r => r.HomeLibraryId == home);
        }

        if (query.CourseId is { } course)
        {
            rounds = rounds.Where(r => r.CourseId == course);
        }

        if (query.Status is { } status)
        {
            rounds = rounds.Where(r => r.Status == status);
        }

        var page = await rounds.OrderByDescending(r => r.KickOff).ThenBy(r => r.Id).ToPagedListAsync(query, cancellationToken);
        return new PagedList<RoundDto>(mapper.Map<List<RoundDto>>(page.Items), page.Page, page.PageSize, page.TotalCount);
    }
}
