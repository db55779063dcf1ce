using EnSakITaget.Application.Common;
using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Identity.Contracts;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Courses.UpdateRound;

/// <summary>Replaces a round's title, coordinators, dates and work-ahead policy.</summary>
public sealed record UpdateRoundCommand : RoundInput, ICommand<RoundDto>
{
    public UpdateRoundCommand(Guid id, RoundInput input)
        : base(input)
    {
        Id = id;
    }

    public Guid Id { get; }
}

internal sealed class UpdateRoundCommandValidator : RoundInputValidator<UpdateRoundCommand>
{
    public UpdateRoundCommandValidator() => RuleFor(r => r.Title).NotEmpty();
}

internal sealed class UpdateRoundCommandHandler(IApplicationDbContext db, ICoordinatorDirectory coordinators, CourseCalendar calendar, IMapper mapper)
    : ICommandHandler<UpdateRoundCommand, RoundDto>
{
    public async ValueTask<RoundDto> Handle(UpdateRoundCommand command, CancellationToken cancellationToken)
    {
        var round = await db.LoadRoundAsync(command.Id, cancellationToken);
        await coordinators.EnsureCoordinateAsync(command.CoordinatorIds, round.HomeLibraryId, cancellationToken);
        round.Change(command.Title!.Trim(), command.CoordinatorIds ?? [], command.KickOff!.Value, command.Deadline!.Value, command.WorkAheadAllowed ?? false, calendar.Today);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<RoundDto>(round);
    }
}
