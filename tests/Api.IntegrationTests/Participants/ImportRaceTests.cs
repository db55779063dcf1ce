using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Libraries;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.ImportStaff;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Participants;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Api.IntegrationTests.Participants;

/// <summary>
/// Someone saves a member of staff just before an import's save does: the API with a hook that
/// lets a test do it at exactly that moment, between the import's read and its write.
/// </summary>
public sealed class RaceApiFactory : ApiFactory
{
    public BeforeSavingStaff Hook { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<PostgreSqlAppDbContext>(options => options.AddInterceptors(Hook)));
    }
}

/// <summary>Runs an action once, the first time a save is about to add a member of staff with the given e-mail.</summary>
public sealed class BeforeSavingStaff : SaveChangesInterceptor
{
    private Func<Task>? action;
    private string? email;

    public void Once(string forEmail, Func<Task> run) => (email, action) = (forEmail, run);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var adding = eventData.Context!.ChangeTracker.Entries<StaffMember>().Any(e => e.State == EntityState.Added && e.Entity.Email == email);
        if (adding && Interlocked.Exchange(ref action, null) is { } run)
        {
            await run();
        }

        return result;
    }
}

public sealed class ImportRaceTests(RaceApiFactory factory) : ApiTest(factory), IClassFixture<RaceApiFactory>
{
    private const int Rows = 400;
    private const int ConflictingLine = 200;

    [Fact]
    public async Task An_e_mail_registered_elsewhere_while_a_large_roster_is_imported_rejects_that_row_with_its_line_and_saves_the_rest()
    {
        var (county, varnamo, bor) = await Client.CreateSmallTreeAsync();
        var gislaved = await Client.CreateMunicipalityAsync(county.Id, "Gislaveds kommuns bibliotek", "0662");
        var anderstorp = await Client.CreateUnitAsync(gislaved.Id, "Branch", "Anderstorps bibliotek");
        var coordinator = await Factory.ClientAsAsync("samordnare@varnamo.example.se", (Role.Coordinator, varnamo.Id));
        var lines = Enumerable.Range(2, Rows).Select(line => $"Person {line};person{line}@bibliotek.example.se;Bors bibliotek;Bibliotekarie;nej");
        var roster = string.Join('\n', ["Namn;E-post;Enhet;Titel;Chef", .. lines]);
        var conflicting = $"person{ConflictingLine}@bibliotek.example.se";
        var logged = Factory.Logs.Lines.Count;
        ((RaceApiFactory)Factory).Hook.Once(conflicting, async () =>
            (await Client.PostJsonAsync("/api/v1/participants", new { name = "Samma e-post i Gislaved", email = conflicting, unitId = anderstorp.Id }))
                .StatusCode.ShouldBe(HttpStatusCode.Created));

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(roster));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var report = await (await coordinator.PostAsync("/api/v1/participants/import", content)).ShouldBeAsync<StaffImportReport>(HttpStatusCode.OK);

        report.Created.ShouldBe(Rows - 1);
        var rejected = report.Rejected.ShouldHaveSingleItem();
        rejected.Line.ShouldBe(ConflictingLine);
        rejected.Email.ShouldBe(conflicting);
        var staff = await (await coordinator.GetAsync("/api/v1/participants?pageSize=200")).ShouldBeAsync<PagedList<StaffMemberDto>>(HttpStatusCode.OK);
        staff.TotalCount.ShouldBe(Rows - 1);
        staff.Items.ShouldAllBe(s => s.UnitId == bor.Id);
        Factory.Logs.Lines.Skip(logged).ShouldNotContain(line => line.StartsWith("Error ", StringComparison.Ordinal));
    }
}
