using AutoMapper;
using EnSakITaget.Application.Common;
using EnSakITaget.Application.Courses.CreateRound;
using EnSakITaget.Application.Courses.SetSchedule;
using EnSakITaget.Domain.Courses;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Courses.PreviewRoundPlan;

/// <summary>A round as it would be created, with the release plan it would be given: nothing is saved.</summary>
public record PreviewRoundPlanInput : CreateRoundInput, IScheduleInput
{
    /// <summary><c>Cadence</c> or <c>Dates</c>.</summary>
    public ScheduleMode? Mode { get; init; }

    /// <summary>With Cadence: one thing every so many weeks.</summary>
    public int? EveryWeeks { get; init; }

    /// <summary>With Cadence: stretches without releases, e.g. the summer.</summary>
    public IReadOnlyList<DateRange>? Pauses { get; init; }

    /// <summary>With Dates: the release date of every thing.</summary>
    public IReadOnlyList<PlannedThingInput>? Dates { get; init; }
}

public sealed record PreviewRoundPlanQuery : PreviewRoundPlanInput, IQuery<ScheduleDto>
{
    public PreviewRoundPlanQuery(PreviewRoundPlanInput input)
        : base(input)
    {
    }
}

internal sealed class PreviewRoundPlanQueryValidator : RoundInputValidator<PreviewRoundPlanQuery>
{
    public PreviewRoundPlanQueryValidator()
    {
        RuleFor(r => r.CourseId).NotEmpty();
        RuleFor(r => r.HomeLibraryId).NotEmpty();
        this.ScheduleRules();
    }
}

/// <summary>The same checks and the same plan as creating the round and then setting its schedule, so the web app never computes a plan itself.</summary>
internal sealed class PreviewRoundPlanQueryHandler(RoundPlanning planning, CourseCalendar calendar, IMapper mapper)
    : IQueryHandler<PreviewRoundPlanQuery, ScheduleDto>
{
    public async ValueTask<ScheduleDto> Handle(PreviewRoundPlanQuery query, CancellationToken cancellationToken)
    {
        var round = await planning.PlanAsync(query, cancellationToken);
        if (query.Mode == ScheduleMode.Cadence)
        {
            round.PlanCadence(query.EveryWeeks!.Value, query.Pauses ?? [], calendar.Today);
        }
        else
        {
            round.PlanDates(query.Dates!.ToDictionary(d => d.ThingId, d => d.Date), calendar.Today);
        }

        return mapper.Map<ScheduleDto>(round);
    }
}
