using Mediator;

namespace EnSakITaget.Application.Community.GetBlogDuty;

/// <summary>A library's blog-duty rota, and who is on duty this week.</summary>
public sealed record GetBlogDutyQuery(Guid LibraryId) : IQuery<BlogDutyDto>;

internal sealed class GetBlogDutyQueryHandler(BlogDutyAccess access) : IQueryHandler<GetBlogDutyQuery, BlogDutyDto>
{
    public async ValueTask<BlogDutyDto> Handle(GetBlogDutyQuery query, CancellationToken cancellationToken)
    {
        await access.EnsureManagesAsync(query.LibraryId, cancellationToken);
        return await access.ViewAsync(query.LibraryId, await access.RotaAsync(query.LibraryId, cancellationToken), cancellationToken);
    }
}
