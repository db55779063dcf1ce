using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Identity.Contracts;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EnSakITaget.Infrastructure.Identity;

internal static class IdentityRegistration
{
    public static IServiceCollection AddIdentityAndAccess(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.SigningKey.Length >= 32, "Auth:SigningKey must be set to a secret of at least 32 characters.")
            .Validate(o => environment.IsDevelopment() || o.SigningKey != DevelopmentDefaults.SigningKey,
                "Auth:SigningKey is the development key: set a secret of your own outside Development.")
            .ValidateOnStart();
        services.AddOptions<BootstrapAdminOptions>()
            .Bind(configuration.GetSection(BootstrapAdminOptions.SectionName))
            .Validate(o => string.IsNullOrWhiteSpace(o.Email) || !string.IsNullOrWhiteSpace(o.Password),
                "Auth:BootstrapAdmin:Password must be set when Auth:BootstrapAdmin:Email is.")
            .Validate(o => environment.IsDevelopment() || string.IsNullOrWhiteSpace(o.Email) || o.Password != DevelopmentDefaults.AdminPassword,
                "Auth:BootstrapAdmin:Password is the documented development password: choose another outside Development.")
            .ValidateOnStart();

        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<ILibraryScope>(sp => sp.GetRequiredService<CurrentUser>());
        // Who the caller is is known from memory on most requests: these two are made only when it is not.
        services.AddScoped(sp => new Lazy<AppDbContext>(sp.GetRequiredService<AppDbContext>));
        services.AddScoped(sp => new Lazy<ILibraryDirectory>(sp.GetRequiredService<ILibraryDirectory>));
        services.AddScoped<CallerLoader>();
        services.AddSingleton<CallerLoader.KnownAccounts>();
        services.AddSingleton<ApiKeyAuthenticationHandler.KnownKeys>();
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddScoped<AccountService>();
        services.AddScoped<IAccountService>(sp => sp.GetRequiredService<AccountService>());
        services.AddScoped<IAccountInvitations>(sp => sp.GetRequiredService<AccountService>());
        services.AddSingleton<TokenIssuer>();

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedLogins;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.Value.LockoutMinutes);
        });

        // One authentication per request, by the middleware: the endpoint is routed by then, so the scheme is
        // chosen from its metadata, and no policy needs to authenticate again (a second pass cost a 304 a tenth).
        services.AddAuthentication(ApiKeyAuthenticationHandler.BearerOrApiKeyScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { })
            .AddPolicyScheme(ApiKeyAuthenticationHandler.BearerOrApiKeyScheme, "Bearer token or API key", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    && context.GetEndpoint()?.Metadata.GetMetadata<AcceptsApiKeys>() is not null
                        ? ApiKeyAuthenticationHandler.SchemeName
                        : JwtBearerDefaults.AuthenticationScheme);
        // An exception while the token is validated (the caller's account read from a database that is
        // down) goes on to the one exception mapper, which logs it once: a warning and 503 for an
        // outage, an error and 500 for a fault. The handler's own error entry for it is a duplicate.
        services.AddLogging(logging => logging.AddFilter(
            typeof(JwtBearerHandler).FullName, level => level >= LogLevel.Warning && level != LogLevel.Error));
        services.AddSingleton<RememberingTokenHandler>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>, TimeProvider, RememberingTokenHandler>((jwt, auth, time, tokens) =>
        {
            jwt.MapInboundClaims = false;
            // Nothing reads the raw token back from the authentication properties.
            jwt.SaveToken = false;
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(tokens);
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Value.Issuer,
                ValidAudience = auth.Value.Audience,
                IssuerSigningKey = TokenIssuer.SigningKeyFrom(auth.Value),
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = "email",

                // The same clock that issued the token judges its lifetime. A validator of our own
                // replaces the library's, RequireExpirationTime included: a token without exp would
                // never expire, so it is refused here.
                RequireExpirationTime = true,
                LifetimeValidator = (notBefore, expires, _, parameters) =>
                {
                    var now = time.GetUtcNow().UtcDateTime;
                    return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
                        && expires is { } end && end > now - parameters.ClockSkew;
                },
            };
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = async context =>
                {
                    var loader = context.HttpContext.RequestServices.GetRequiredService<CallerLoader>();
                    if (!await loader.SignInAsync(context.Principal!, context.HttpContext.RequestAborted))
                    {
                        context.Fail("The account no longer exists or its password has changed.");
                    }
                },
            };
        });
        return services;
    }
}
