using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.AddThing;

public sealed record AddThingCommand : ThingInput, ICommand<ThingDto>
{
    public AddThingCommand(Guid courseId, ThingInput input)
        : base(input)
    {
        CourseId = courseId;
    }

    public Guid CourseId { get; }
}

internal sealed class AddThingCommandValidator : ThingInputValidator<AddThingCommand>;

/// <summary>Answers with the new thing, whose id the client needs next; the course is a GET away.</summary>
internal sealed class AddThingCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time) : ICommandHandler<AddThingCommand, ThingDto>
{
    public async ValueTask<ThingDto> Handle(AddThingCommand command, CancellationToken cancellationToken)
    {
        var course = await db.LoadCourseAsync(command.CourseId, cancellationToken);
        var thing = course.AddThing(command.ToContent(), command.Position, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CourseDto>(course).Things.Single(t => t.Id == thing.Id);
    }
}
