using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Domain.Courses;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Courses.ListCourses;

public sealed record ListCoursesQuery(Guid? CountyId = null, CourseStatus? Status = null, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<PagedList<CourseDto>>, IPagedQuery;

internal sealed class ListCoursesQueryValidator : AbstractValidator<ListCoursesQuery>
{
    public ListCoursesQueryValidator()
    {
        Include(new PagingRules());
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class ListCoursesQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListCoursesQuery, PagedList<CourseDto>>
{
    public async ValueTask<PagedList<CourseDto>> Handle(ListCoursesQuery query, CancellationToken cancellationToken)
    {
        var courses = db.Courses.AsNoTracking();
        if (query.CountyId is { } countyId)
        {
            courses = courses.Where(c => c.CountyId == countyId);
        }

        if (query.Status is { } status)
        {
            courses = courses.Where(c => c.Status == status);
        }

        var page = await courses.OrderBy(c => c.Title).ThenBy(c => c.Id).ToPagedListAsync(query, cancellationToken);
        return new PagedList<CourseDto>(mapper.Map<List<CourseDto>>(page.Items), page.Page, page.PageSize, page.TotalCount);
    }
}
