using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.AddThing;

public sealed record AddThingCommand : ThingInput, ICommand<CourseDto>
{
    public AddThingCommand(Guid courseId, ThingInput input)
        : base(input)
    {
        CourseId = courseId;
    }

    public Guid CourseId { get; }
}

public sealed class AddThingCommandValidator : ThingInputValidator<AddThingCommand>;

internal sealed class AddThingCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time) : ICommandHandler<AddThingCommand, CourseDto>
{
    public async ValueTask<CourseDto> Handle(AddThingCommand command, CancellationToken cancellationToken)
    {
        var course = await db.LoadCourseAsync(command.CourseId, cancellationToken);
        course.AddThing(command.ToContent(), command.Position, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CourseDto>(course);
    }
}
