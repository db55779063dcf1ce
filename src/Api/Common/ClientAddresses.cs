using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace EnSakITaget.Api.Common;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the reverse proxies whose <c>X-Forwarded-For</c> names the
/// client. Without any, the header is ignored and the connection's own address is the client's, so
/// nobody can choose the address their sign-in attempts count against.
/// </summary>
internal sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool TrustsAnyProxy => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

internal static class ClientAddresses
{
    public static IServiceCollection AddClientAddresses(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new();
        services.AddSingleton(settings);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback unless told otherwise; here only what is configured is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                    ? range
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/24)."));
            }

            // Walk back through every trusted proxy in the chain, and stop at the first address that is not one.
            options.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>First in the pipeline, so that every limit and log line sees the client's address.</summary>
    public static WebApplication UseClientAddresses(this WebApplication app)
    {
        // With no trusted proxy the middleware would trust every sender: leave it out instead.
        if (app.Services.GetRequiredService<ForwardedHeadersSettings>().TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
