using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Common;
using EnSakITaget.Domain.Participants;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Api.IntegrationTests.Statistics;

/// <summary>The statistics' daily report counts are kept by the save that adds a report, whoever saves it.</summary>
public sealed class ReportCountingTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_first_report_saved_outside_a_command_is_counted_with_it_and_a_revised_reflection_is_not()
    {
        var round = await RunningRound.StartAsync(Factory, Client, workAheadAllowed: true);
        var anna = await round.EnrolAsync("Anna Ek");
        var thing = round.Things[0];

        var counted = await Factory.WithSystemScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var enrolment = await db.Enrolments.Include(e => e.Progress).SingleAsync(e => e.RoundId == round.Id && e.StaffMemberId == anna.Staff.Id);
            var terms = new RoundTerms(IsOpen: true, IsClosed: false, WorkAheadAllowed: true, round.Things.Count);
            var thingTerms = new ThingTerms(thing.ThingId, thing.Position, thing.Title, thing.ReleasedAt, thing.PlannedDate);
            var now = Factory.Clock.GetUtcNow();

            enrolment.Report(terms, thingTerms, new Reflection("Jag läste.", null), new Actor(null, "test"), now);
            await db.SaveChangesAsync();
            enrolment.Report(terms, thingTerms, new Reflection("Jag läste om.", null), new Actor(null, "test"), now);
            await db.SaveChangesAsync();

            db.Database.CurrentTransaction.ShouldBeNull();
            var today = services.GetRequiredService<CourseCalendar>().Today;
            return (today, await db.DailyReportCounts.AsNoTracking().Where(d => d.RoundId == round.Id)
                .Select(d => new { d.UnitId, d.Day, d.Reports }).ToListAsync());
        });

        var count = counted.Item2.ShouldHaveSingleItem();
        (count.UnitId, count.Day, count.Reports).ShouldBe((anna.Staff.UnitId, counted.today, 1));
    }
}
