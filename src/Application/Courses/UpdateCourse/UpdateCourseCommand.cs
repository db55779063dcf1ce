using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.UpdateCourse;

/// <summary>Changes a course's title, description and language; on a published course this starts the next version.</summary>
public sealed record UpdateCourseCommand : CourseInput, ICommand<CourseDto>
{
    public UpdateCourseCommand(Guid id, CourseInput input)
        : base(input)
    {
        Id = id;
    }

    public Guid Id { get; }
}

internal sealed class UpdateCourseCommandValidator : CourseInputValidator<UpdateCourseCommand>;

internal sealed class UpdateCourseCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time)
    : ICommandHandler<UpdateCourseCommand, CourseDto>
{
    public async ValueTask<CourseDto> Handle(UpdateCourseCommand command, CancellationToken cancellationToken)
    {
        var course = await db.LoadCourseAsync(command.Id, cancellationToken);
        course.Describe(command.Title!.Trim(), command.Description ?? string.Empty, command.Language!, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CourseDto>(course);
    }
}
