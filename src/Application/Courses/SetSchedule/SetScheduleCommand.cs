using EnSakITaget.Application.Common;
using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Application.Common.Validation;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Courses.SetSchedule;

/// <summary>The fields of a release plan, wherever a plan is asked for (a round's schedule, a plan preview).</summary>
public interface IScheduleInput
{
    ScheduleMode? Mode { get; }

    int? EveryWeeks { get; }

    IReadOnlyList<DateRange>? Pauses { get; }

    IReadOnlyList<PlannedThingInput>? Dates { get; }
}

/// <summary>The release plan: a cadence from the kick-off with pauses, or a date for each thing.</summary>
public record ScheduleInput : IScheduleInput
{
    /// <summary><c>Cadence</c> or <c>Dates</c>.</summary>
    public ScheduleMode? Mode { get; init; }

    /// <summary>With Cadence: one thing every so many weeks.</summary>
    public int? EveryWeeks { get; init; }

    /// <summary>With Cadence: stretches without releases, e.g. the summer.</summary>
    public IReadOnlyList<DateRange>? Pauses { get; init; }

    /// <summary>With Dates: the release date of every thing not yet released.</summary>
    public IReadOnlyList<PlannedThingInput>? Dates { get; init; }
}

public sealed record PlannedThingInput(Guid ThingId, DateOnly Date);

public sealed record SetScheduleCommand : ScheduleInput, ICommand<ScheduleDto>
{
    public SetScheduleCommand(Guid roundId, ScheduleInput input)
        : base(input)
    {
        RoundId = roundId;
    }

    public Guid RoundId { get; }
}

internal sealed class SetScheduleCommandValidator : AbstractValidator<SetScheduleCommand>
{
    public SetScheduleCommandValidator()
    {
        this.ScheduleRules();
    }
}

internal static class ScheduleInputRules
{
    /// <summary>The shape of a release plan, checked alike wherever a plan is asked for.</summary>
    public static void ScheduleRules<T>(this AbstractValidator<T> validator)
        where T : IScheduleInput
    {
        validator.RuleFor(s => s.Mode).NotNull().IsInEnum()
            .Must(mode => mode != ScheduleMode.Manual).WithMessage("Choose Cadence or Dates.");
        validator.RuleFor(s => s.EveryWeeks).InclusiveBetween(1, CourseLimits.MaxEveryWeeks);
        validator.RuleFor(s => s.Pauses).MaxItems(CourseLimits.MaxPauses).WithMessage($"At most {CourseLimits.MaxPauses} pauses.");
        validator.RuleFor(s => s.Dates).MaxItems(CourseLimits.MaxThings).WithMessage($"At most {CourseLimits.MaxThings} dates, one for each thing.");
        validator.When(s => s.Mode == ScheduleMode.Cadence, () =>
        {
            validator.RuleFor(s => s.EveryWeeks).NotNull();
            validator.RuleForEach(s => s.Pauses).Must(p => p.From <= p.To).WithMessage("A pause ends on or after its first day.")
                .When(s => s.Pauses.IsWithin(CourseLimits.MaxPauses));
            validator.RuleFor(s => s.Dates).Null().WithMessage("Dates go with the Dates mode.");
        });
        validator.When(s => s.Mode == ScheduleMode.Dates, () =>
        {
            validator.RuleFor(s => s.Dates).NotEmpty()
                .Must(dates => dates is null || dates.Count > CourseLimits.MaxThings || dates.DistinctBy(d => d.ThingId).Count() == dates.Count)
                .WithMessage("A thing is listed twice.");
            validator.RuleFor(s => s.EveryWeeks).Null().WithMessage("A cadence goes with the Cadence mode.");
        });
    }
}

internal sealed class SetScheduleCommandHandler(IApplicationDbContext db, CourseCalendar calendar, IMapper mapper) : ICommandHandler<SetScheduleCommand, ScheduleDto>
{
    public async ValueTask<ScheduleDto> Handle(SetScheduleCommand command, CancellationToken cancellationToken)
    {
        var round = await db.LoadRoundAsync(command.RoundId, cancellationToken);
        if (command.Mode == ScheduleMode.Cadence)
        {
            round.PlanCadence(command.EveryWeeks!.Value, command.Pauses ?? [], calendar.Today);
        }
        else
        {
            round.PlanDates(command.Dates!.ToDictionary(d => d.ThingId, d => d.Date), calendar.Today);
        }

        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<ScheduleDto>(round);
    }
}
