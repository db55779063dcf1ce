using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Domain.Courses;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Courses;

internal static class CourseLoading
{
    public static async Task<Course> LoadCourseAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Courses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Course", id);

    public static async Task<Round> LoadRoundAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Rounds.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Round", id);
}
