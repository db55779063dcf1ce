using EnSakITaget.Infrastructure.Identity;
using EnSakITaget.Infrastructure.Persistence;
using EnSakITaget.Infrastructure.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EnSakITaget.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton<TimeProvider>(new MicrosecondTimeProvider(TimeProvider.System));
        services.AddPersistence(configuration);
        services.AddIdentityAndAccess(configuration, environment);
        return services;
    }
}
