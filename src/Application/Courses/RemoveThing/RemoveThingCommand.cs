using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.RemoveThing;

public sealed record RemoveThingCommand(Guid CourseId, Guid ThingId) : ICommand;

internal sealed class RemoveThingCommandHandler(IApplicationDbContext db, TimeProvider time) : ICommandHandler<RemoveThingCommand>
{
    public async ValueTask<Unit> Handle(RemoveThingCommand command, CancellationToken cancellationToken)
    {
        var course = await db.LoadCourseAsync(command.CourseId, cancellationToken);
        course.RemoveThing(command.ThingId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
