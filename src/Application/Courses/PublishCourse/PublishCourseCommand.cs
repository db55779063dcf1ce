using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.PublishCourse;

public sealed record PublishCourseCommand(Guid Id) : ICommand<CourseDto>;

internal sealed class PublishCourseCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time)
    : ICommandHandler<PublishCourseCommand, CourseDto>
{
    public async ValueTask<CourseDto> Handle(PublishCourseCommand command, CancellationToken cancellationToken)
    {
        var course = await db.LoadCourseAsync(command.Id, cancellationToken);
        db.CourseVersions.Add(course.Publish(time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CourseDto>(course);
    }
}
