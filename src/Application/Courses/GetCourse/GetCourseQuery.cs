using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.GetCourse;

public sealed record GetCourseQuery(Guid Id) : IQuery<CourseDto>;

internal sealed class GetCourseQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetCourseQuery, CourseDto>
{
    public async ValueTask<CourseDto> Handle(GetCourseQuery query, CancellationToken cancellationToken) =>
        mapper.Map<CourseDto>(await db.LoadCourseAsync(query.Id, cancellationToken));
}
