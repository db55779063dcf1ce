using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.GetSchedule;

public sealed record GetScheduleQuery(Guid RoundId) : IQuery<ScheduleDto>;

internal sealed class GetScheduleQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetScheduleQuery, ScheduleDto>
{
    public async ValueTask<ScheduleDto> Handle(GetScheduleQuery query, CancellationToken cancellationToken) =>
        mapper.Map<ScheduleDto>(await db.LoadRoundAsync(query.RoundId, cancellationToken));
}
