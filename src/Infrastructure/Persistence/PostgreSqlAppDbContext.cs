using EnSakITaget.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Infrastructure.Persistence;

public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options, CurrentUser caller)
    : AppDbContext(options, caller);
