using Mediator;

namespace EnSakITaget.Application.Statistics;

/// <summary>The entity tag a statistics answer would have, worked out without computing it.</summary>
/// <param name="Request">What is asked, in which representation.</param>
public sealed record GetStatisticsTagQuery(string Request) : IQuery<string>;

internal sealed class GetStatisticsTagQueryHandler(StatisticsVersion version) : IQueryHandler<GetStatisticsTagQuery, string>
{
    public async ValueTask<string> Handle(GetStatisticsTagQuery query, CancellationToken cancellationToken) =>
        await version.ETagAsync(query.Request, cancellationToken);
}
