using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Courses.CreateRound;
using EnSakITaget.Application.Identity.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Courses;
using Microsoft.EntityFrameworkCore;
using ValidationException = EnSakITaget.Application.Common.Exceptions.ValidationException;

namespace EnSakITaget.Application.Courses;

/// <summary>A new round from its request, checked against the course and the library, not yet saved: made for good, or only to show its plan.</summary>
internal sealed class RoundPlanning(IApplicationDbContext db, ILibraryDirectory libraries, ICoordinatorDirectory coordinators, TimeProvider time)
{
    public async Task<Round> PlanAsync(CreateRoundInput input, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.CourseId, cancellationToken)
            ?? throw new ValidationException("courseId", $"There is no course {input.CourseId}.");
        var home = await libraries.FindAsync(input.HomeLibraryId!.Value, cancellationToken);
        if (home?.Level != LibraryLevel.Municipality)
        {
            throw new ValidationException("homeLibraryId", $"There is no municipal library organisation {input.HomeLibraryId}.");
        }

        if (course.PublishedVersion is null)
        {
            throw new CourseRuleException("The course has no published version: publish it before planning a round.", "courseId");
        }

        if (await libraries.CountyOfAsync(home.Id, cancellationToken) != course.CountyId)
        {
            throw new ConflictException("The course belongs to another county than the round's library organisation.");
        }

        await coordinators.EnsureCoordinateAsync(input.CoordinatorIds, home.Id, cancellationToken);
        var version = await db.CourseVersions.AsNoTracking()
            .FirstAsync(v => v.CourseId == course.Id && v.Version == course.PublishedVersion, cancellationToken);

        return Round.Plan(version, home.Id, input.Title?.Trim(), input.CoordinatorIds ?? [],
            input.KickOff!.Value, input.Deadline!.Value, input.WorkAheadAllowed ?? false, time.GetUtcNow());
    }
}
