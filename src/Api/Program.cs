using EnSakITaget.Api.Common;
using EnSakITaget.Api.Common.OpenApi;
using EnSakITaget.Api.Community;
using EnSakITaget.Application;
using EnSakITaget.Infrastructure;
using EnSakITaget.Infrastructure.Persistence;

const string SeedDemoSwitch = "--seed-demo";

var builder = WebApplication.CreateBuilder(args.Where(a => a != SeedDemoSwitch).ToArray());
// The web app's files from src/Web's build in every environment, not only Development; a
// published app has them in wwwroot, and then this does nothing.
builder.WebHost.UseStaticWebAssets();
if (args.Contains(SeedDemoSwitch))
{
    builder.Configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedDemoData)}"] = "true";
}

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddApi(builder.Configuration);

var app = builder.Build();
app.UseApi();

app.MapGroup("/api/v1").MapEndpointGroups();
app.MapPublicBlog();
app.MapWebApp();

try
{
    await app.Services.InitialiseDatabaseAsync(app.Lifetime.ApplicationStopping);
}
catch (DatabaseStartupException exception)
{
    // One clear line instead of a crash and a driver's stack trace.
    StartupLog.CannotStart(app.Logger, exception.Message);
    return 1;
}

if (ApiDocument.IsEnabled(app.Configuration))
{
    app.Lifetime.ApplicationStarted.Register(() =>
        StartupLog.SwaggerAt(app.Logger, string.Join(", ", app.Urls.Select(url => $"{url}/swagger"))));
}
await app.RunAsync();
return 0;

/// <summary>Visible to <c>WebApplicationFactory</c> in the integration tests.</summary>
public partial class Program;
