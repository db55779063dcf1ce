using AutoMapper;
using AutoMapper.QueryableExtensions;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Libraries.GetLibrary;

public sealed record GetLibraryQuery(Guid Id) : IQuery<LibraryDto>;

internal sealed class GetLibraryQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetLibraryQuery, LibraryDto>
{
    public async ValueTask<LibraryDto> Handle(GetLibraryQuery query, CancellationToken cancellationToken) =>
        await db.Libraries.AsNoTracking()
            .Where(n => n.Id == query.Id)
            .ProjectTo<LibraryDto>(mapper.ConfigurationProvider)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Library", query.Id);
}
