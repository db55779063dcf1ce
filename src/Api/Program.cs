using EnSakITaget.Api.Audit;
using EnSakITaget.Api.Common;
using EnSakITaget.Api.Common.OpenApi;
using EnSakITaget.Api.Courses;
using EnSakITaget.Api.Feedback;
using EnSakITaget.Api.Identity;
using EnSakITaget.Api.Participants;
using EnSakITaget.Api.Privacy;
using EnSakITaget.Api.Statistics;
using EnSakITaget.Api.Libraries;
using EnSakITaget.Application;
using EnSakITaget.Infrastructure;
using EnSakITaget.Infrastructure.Persistence;

const string SeedDemoSwitch = "--seed-demo";

var builder = WebApplication.CreateBuilder(args.Where(a => a != SeedDemoSwitch).ToArray());
if (args.Contains(SeedDemoSwitch))
{
    builder.Configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedDemoData)}"] = "true";
}

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddApi(builder.Configuration);

var app = builder.Build();
app.UseApi();

var api = app.MapGroup("/api/v1");
api.MapAuthEndpoints();
api.MapUsersEndpoints();
api.MapApiKeysEndpoints();
api.MapAuditEndpoints();
api.MapLibrariesEndpoints();
api.MapCoursesEndpoints();
api.MapRoundsEndpoints();
api.MapParticipantsEndpoints();
api.MapEnrolmentsEndpoints();
api.MapProgressEndpoints();
api.MapFollowUpEndpoints();
api.MapFeedbackEndpoints();
api.MapStatisticsEndpoints();
api.MapPrivacyEndpoints();

await app.Services.InitialiseDatabaseAsync(app.Lifetime.ApplicationStopping);
if (ApiDocument.IsEnabled(app.Configuration))
{
    app.Lifetime.ApplicationStarted.Register(() =>
        StartupLog.SwaggerAt(app.Logger, string.Join(", ", app.Urls.Select(url => $"{url}/swagger"))));
}
await app.RunAsync();

/// <summary>Visible to <c>WebApplicationFactory</c> in the integration tests.</summary>
public partial class Program;
