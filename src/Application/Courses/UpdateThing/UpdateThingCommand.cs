using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.UpdateThing;

/// <summary>Changes a thing, and moves it when a position is given.</summary>
public sealed record UpdateThingCommand : ThingInput, ICommand<CourseDto>
{
    public UpdateThingCommand(Guid courseId, Guid thingId, ThingInput input)
        : base(input)
    {
        CourseId = courseId;
        ThingId = thingId;
    }

    public Guid CourseId { get; }
    public Guid ThingId { get; }
}

internal sealed class UpdateThingCommandValidator : ThingInputValidator<UpdateThingCommand>;

internal sealed class UpdateThingCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time)
    : ICommandHandler<UpdateThingCommand, CourseDto>
{
    public async ValueTask<CourseDto> Handle(UpdateThingCommand command, CancellationToken cancellationToken)
    {
        var course = await db.LoadCourseAsync(command.CourseId, cancellationToken);
        course.ChangeThing(command.ThingId, command.ToContent(), command.Position, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CourseDto>(course);
    }
}
