using Mediator;

namespace EnSakITaget.Application.Common.Versioning;

/// <summary>The entity tag an answer would have, worked out without computing it.</summary>
/// <param name="Request">What is asked, in which representation.</param>
public sealed record GetAnswerTagQuery(string Request) : IQuery<string>;

internal sealed class GetAnswerTagQueryHandler(AnswerVersion version) : IQueryHandler<GetAnswerTagQuery, string>
{
    public async ValueTask<string> Handle(GetAnswerTagQuery query, CancellationToken cancellationToken) =>
        await version.ETagAsync(query.Request, cancellationToken);
}
