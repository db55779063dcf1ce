using AutoMapper;
using EnSakITaget.Domain.Courses;

namespace EnSakITaget.Application.Courses;

internal sealed class CourseMappingProfile : Profile
{
    public CourseMappingProfile()
    {
        // DTOs are positional records: computed members are constructor parameters.
        CreateMap<Course, CourseDto>()
            .ForCtorParam(nameof(CourseDto.Things), o => o.MapFrom(s => s.Things.Select((t, i) =>
                new ThingDto(t.Id, i + 1, t.Title, t.Instructions, t.Links, t.EstimatedMinutes, t.ReportPrompt))));

        CreateMap<Round, RoundDto>()
            .ForCtorParam(nameof(RoundDto.ThingCount), o => o.MapFrom(s => s.Things.Count))
            .ForCtorParam(nameof(RoundDto.ReleasedCount), o => o.MapFrom(s => s.Things.Count(t => t.ReleasedAt != null)));

        CreateMap<Round, ScheduleDto>()
            .ForCtorParam(nameof(ScheduleDto.RoundId), o => o.MapFrom(s => s.Id))
            .ForCtorParam(nameof(ScheduleDto.Mode), o => o.MapFrom(s => s.ScheduleMode))
            .ForCtorParam(nameof(ScheduleDto.EveryWeeks), o => o.MapFrom(s => s.CadenceWeeks))
            .ForCtorParam(nameof(ScheduleDto.NextThingId), o => o.MapFrom(s => s.NextThing == null ? (Guid?)null : s.NextThing.Id))
            .ForCtorParam(nameof(ScheduleDto.ReleasedCount), o => o.MapFrom(s => s.Things.Count(t => t.ReleasedAt != null)))
            .ForCtorParam(nameof(ScheduleDto.Things), o => o.MapFrom(s => s.Things.Select(t =>
                new ScheduledThingDto(t.Id, t.Position, t.Title, t.PlannedDate, t.ReleasedAt))));
    }
}
