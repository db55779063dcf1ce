using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using Mediator;

namespace EnSakITaget.Application.Courses.GetThing;

/// <summary>One thing of a course's current content: where a new thing's <c>Location</c> leads.</summary>
public sealed record GetThingQuery(Guid CourseId, Guid ThingId) : IQuery<ThingDto>;

internal sealed class GetThingQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetThingQuery, ThingDto>
{
    public async ValueTask<ThingDto> Handle(GetThingQuery query, CancellationToken cancellationToken) =>
        mapper.Map<CourseDto>(await db.LoadCourseAsync(query.CourseId, cancellationToken)).Things.SingleOrDefault(t => t.Id == query.ThingId)
            ?? throw new NotFoundException("Thing", query.ThingId);
}
