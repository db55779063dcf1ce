using EnSakITaget.Application.Common;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EnSakITaget.Infrastructure.Persistence;

public sealed class PostgreSqlAppDbContext(
    DbContextOptions<PostgreSqlAppDbContext> options, CurrentUser caller, TimeProvider time, CourseCalendar calendar)
    : AppDbContext(options, caller, time, calendar)
{
    protected override bool IsConstraintViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation };
}
