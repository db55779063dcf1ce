using EnSakITaget.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without starting the API.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options, CurrentUser.System());
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlAppDbContext>();
        PersistenceRegistration.ConfigurePostgreSql(options, "Host=localhost;Database=ensakitaget");
        return new(options.Options, CurrentUser.System());
    }
}
