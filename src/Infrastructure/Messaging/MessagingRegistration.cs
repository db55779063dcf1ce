using EnSakITaget.Application.Messaging;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Messaging;

internal static class MessagingRegistration
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Email:From must be an address, e.g. \"En sak i taget <noreply@example.se>\".")
            .Validate(o => o.Smtp.Port is >= 1 and <= 65_535, "Email:Smtp:Port must be 1 to 65535.")
            .Validate(o => o.FirstRetrySeconds <= o.LongestRetrySeconds, "Email:FirstRetrySeconds must not exceed Email:LongestRetrySeconds.")
            .ValidateOnStart();
        services.AddOptions<PublicAppOptions>()
            .Bind(configuration.GetSection(PublicAppOptions.SectionName))
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "App:PublicUrl must be an absolute http or https address.")
            .ValidateOnStart();

        services.AddSingleton<SenderStatus>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var email = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            return email.UsesSmtp
                ? ActivatorUtilities.CreateInstance<SmtpTransport>(sp)
                : new PickupFolderTransport(PickupFolder(sp, email), sp.GetRequiredService<ILogger<PickupFolderTransport>>());
        });
        services.AddHostedService<OutboxSender>();
        services.AddHealthChecks().AddCheck<SenderHealthCheck>("email", tags: [PersistenceRegistration.ReadyTag]);
        return services;
    }

    /// <summary>The configured folder, or <c>mail</c> beside the embedded database; relative paths start at the content root.</summary>
    private static string PickupFolder(IServiceProvider services, EmailOptions email)
    {
        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var folder = string.IsNullOrWhiteSpace(email.PickupFolder)
            ? Path.Combine(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataFolder, "mail")
            : email.PickupFolder;
        return Path.GetFullPath(Path.Combine(contentRoot, folder));
    }
}
