using AutoMapper;
using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Courses.GetRound;

public sealed record GetRoundQuery(Guid Id) : IQuery<RoundDto>;

internal sealed class GetRoundQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetRoundQuery, RoundDto>
{
    public async ValueTask<RoundDto> Handle(GetRoundQuery query, CancellationToken cancellationToken) =>
        mapper.Map<RoundDto>(await db.LoadRoundAsync(query.Id, cancellationToken));
}
