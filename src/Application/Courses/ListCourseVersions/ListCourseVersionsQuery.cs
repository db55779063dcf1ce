using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Courses.ListCourseVersions;

/// <param name="RoundCount">Rounds that run this version, as frozen when it was published.</param>
public sealed record CourseVersionDto(int Version, string Title, string Language, int ThingCount, DateTimeOffset PublishedAt, int RoundCount);

public sealed record ListCourseVersionsQuery(Guid CourseId) : IQuery<IReadOnlyList<CourseVersionDto>>;

internal sealed class ListCourseVersionsQueryHandler(IApplicationDbContext db) : IQueryHandler<ListCourseVersionsQuery, IReadOnlyList<CourseVersionDto>>
{
    public async ValueTask<IReadOnlyList<CourseVersionDto>> Handle(ListCourseVersionsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Courses.AnyAsync(c => c.Id == query.CourseId, cancellationToken))
        {
            throw new NotFoundException("Course", query.CourseId);
        }

        var versions = await db.CourseVersions.AsNoTracking().Where(v => v.CourseId == query.CourseId).OrderByDescending(v => v.Version)
            .ToListAsync(cancellationToken);
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.CourseId == query.CourseId)
            .GroupBy(r => r.CourseVersion).Select(g => new { Version = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Version, g => g.Count, cancellationToken);
        return [.. versions.Select(v => new CourseVersionDto(v.Version, v.Title, v.Language, v.Things.Count, v.PublishedAt, rounds.GetValueOrDefault(v.Version)))];
    }
}
