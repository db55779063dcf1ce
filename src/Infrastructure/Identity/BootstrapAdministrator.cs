using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Identity;

/// <summary>Creates the first administrator from configuration, once; outside Development the API will not start without one.</summary>
internal sealed partial class BootstrapAdministrator(
    AppDbContext db, UserManager<AppUser> users, IOptions<BootstrapAdminOptions> options, IHostEnvironment environment,
    TimeProvider time, ILogger<BootstrapAdministrator> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var anyAdministrator = await db.AnyAdministratorAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(settings.Email))
        {
            if (!anyAdministrator && environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "No administrator exists. Set Auth:BootstrapAdmin:Email and Auth:BootstrapAdmin:Password (e.g. as Auth__BootstrapAdmin__Email) for the first start.");
            }

            return;
        }

        if (await users.FindByEmailAsync(settings.Email) is not null)
        {
            return;
        }

        var admin = new AppUser
        {
            Id = Guid.CreateVersion7(),
            Email = settings.Email,
            UserName = settings.Email,
            DisplayName = settings.DisplayName,
            CreatedAt = time.GetUtcNow(),
        };
        db.RoleAssignments.Add(RoleAssignment.Grant(admin.Id, Role.Administrator, library: null));
        var result = await users.CreateAsync(admin, settings.Password!);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The bootstrap administrator could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        LogCreated(settings.Email);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap administrator {Email}; change its password after the first sign-in")]
    private partial void LogCreated(string email);
}
