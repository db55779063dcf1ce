using EnSakITaget.Domain.Libraries;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Common.Abstractions;

public interface IApplicationDbContext
{
    DbSet<LibraryNode> Libraries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
