using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Participants;
using EnSakITaget.Application.Community;
using EnSakITaget.Application.Community.GetRoundBlogDuty;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Infrastructure.Notices;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EnSakITaget.Api.IntegrationTests.Community;

/// <summary>The library's blog duty: a rota from volunteers and a start date, swaps, the Monday letter, and erasure.</summary>
public sealed class BlogDutyTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>The Monday of the report round's kick-off (a Tuesday).</summary>
    private static readonly DateOnly FirstMonday = ReportRound.KickOff.AddDays(-1);

    [Fact]
    public async Task The_volunteers_take_turns_week_by_week_from_the_monday_of_the_start_skipping_pause_weeks_and_two_weeks_swap()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var (anna, bo, cecilia) = (await round.EnrolAsync("Anna Ek"), await round.EnrolAsync("Bo Ström"), await round.EnrolAsync("Cecilia Berg"));

        var rota = await (await Client.PutJsonAsync(UrlOf(round), new
        {
            volunteers = new[] { anna.Id, bo.Id, cecilia.Id },
            start = ReportRound.KickOff,
            weeks = 4,
            pauses = new[] { FirstMonday.AddDays(7 + 3) },
        })).ShouldBeAsync<BlogDutyDto>(HttpStatusCode.OK);

        rota.Weeks.Select(w => (w.WeekOf, w.Name)).ShouldBe(
        [
            (FirstMonday, "Anna Ek"), (FirstMonday.AddDays(14), "Bo Ström"), (FirstMonday.AddDays(21), "Cecilia Berg"), (FirstMonday.AddDays(28), "Anna Ek"),
        ]);
        rota.OnDutyThisWeek!.Name.ShouldBe("Anna Ek");

        var swapped = await (await Client.PostJsonAsync($"{UrlOf(round)}/swaps", new { weekA = FirstMonday, weekB = FirstMonday.AddDays(16) }))
            .ShouldBeAsync<BlogDutyDto>(HttpStatusCode.OK);
        var read = await (await Client.GetAsync(UrlOf(round))).ShouldBeAsync<BlogDutyDto>(HttpStatusCode.OK);

        swapped.Weeks.Select(w => w.Name).ShouldBe(["Bo Ström", "Anna Ek", "Cecilia Berg", "Anna Ek"]);
        read.Weeks.ShouldBe(swapped.Weeks);
        read.OnDutyThisWeek!.StaffMemberId.ShouldBe(bo.Id);
    }

    [Fact]
    public async Task The_rounds_participants_see_who_writes_this_week_but_not_the_rota_itself()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var (anna, bo) = (await round.EnrolAsync("Anna Ek"), await round.EnrolAsync("Bo Ström"));
        Factory.Clock.SetLocal(FirstMonday.AddDays(9));

        var withoutRota = await (await bo.Client.GetAsync($"{round.Url}/blog-duty")).ShouldBeAsync<ThisWeeksBlogDutyDto>(HttpStatusCode.OK);
        (await Client.PutJsonAsync(UrlOf(round), new { volunteers = new[] { anna.Id, bo.Id }, start = FirstMonday, weeks = 2 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var seenByBo = await (await bo.Client.GetAsync($"{round.Url}/blog-duty")).ShouldBeAsync<ThisWeeksBlogDutyDto>(HttpStatusCode.OK);
        var seenByCoordinator = await (await Client.GetAsync($"{round.Url}/blog-duty")).ShouldBeAsync<ThisWeeksBlogDutyDto>(HttpStatusCode.OK);
        var rotaByBo = await bo.Client.GetAsync(UrlOf(round));

        withoutRota.ShouldBe(new ThisWeeksBlogDutyDto(FirstMonday.AddDays(7), null));
        seenByBo.ShouldBe(new ThisWeeksBlogDutyDto(FirstMonday.AddDays(7), "Bo Ström"));
        seenByCoordinator.ShouldBe(seenByBo);
        await rotaByBo.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_volunteer_who_is_not_staff_of_the_library_is_named_and_a_swap_with_a_week_outside_the_rota_is_refused()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var anna = await round.EnrolAsync("Anna Ek");

        var unknown = await Client.PutJsonAsync(UrlOf(round), new { volunteers = new[] { anna.Id, Guid.NewGuid() }, start = ReportRound.KickOff, weeks = 2 });
        var noWeeks = await Client.PutJsonAsync(UrlOf(round), new { volunteers = new[] { anna.Id }, start = ReportRound.KickOff, weeks = 0 });
        (await Client.PutJsonAsync(UrlOf(round), new { volunteers = new[] { anna.Id }, start = ReportRound.KickOff, weeks = 2 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var outside = await Client.PostJsonAsync($"{UrlOf(round)}/swaps", new { weekA = FirstMonday, weekB = FirstMonday.AddDays(70) });
        var ofAUnit = await Client.GetAsync($"/api/v1/libraries/{round.Bor}/blog-duty");

        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "volunteers[1]");
        await noWeeks.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "weeks");
        await outside.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await ofAUnit.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Whoever_is_on_duty_gets_one_letter_on_the_monday_of_their_week_and_no_second_that_week()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var (anna, bo) = (await round.EnrolAsync("Anna Ek"), await round.EnrolAsync("Bo Ström"));
        Factory.Clock.SetLocal(FirstMonday.AddDays(-3));
        (await Client.PutJsonAsync(UrlOf(round), new { volunteers = new[] { anna.Id, bo.Id }, start = FirstMonday, weeks = 2 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await QueueNoticesAsync();
        (await DutyLettersAsync()).ShouldBeEmpty("the rota starts on Monday");

        Factory.Clock.SetLocal(FirstMonday);
        await QueueNoticesAsync();
        Factory.Clock.SetLocal(FirstMonday.AddDays(2));
        await QueueNoticesAsync();
        var first = await DutyLettersAsync();

        Factory.Clock.SetLocal(FirstMonday.AddDays(7));
        await QueueNoticesAsync();
        var second = await DutyLettersAsync();

        first.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            l => l.RecipientEmail.ShouldBe(anna.Staff.Email),
            l => l.Subject.ShouldBe("Din bloggvecka för Värnamo kommuns bibliotek börjar 22 februari 2010"),
            l => l.TextBody.ShouldStartWith("Hej Anna Ek!"));
        second.Select(l => l.RecipientEmail).ShouldBe([anna.Staff.Email, bo.Staff.Email]);
    }

    [Fact]
    public async Task An_erased_person_leaves_the_rota_and_their_weeks_stay_with_nobody_on_duty()
    {
        var round = await RunningRound.StartAsync(Factory, Client);
        var (anna, bo) = (await round.EnrolAsync("Anna Ek"), await round.EnrolAsync("Bo Ström"));
        (await Client.PutJsonAsync(UrlOf(round), new { volunteers = new[] { anna.Id, bo.Id }, start = FirstMonday, weeks = 3 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var export = await Client.GetAsync($"/api/v1/participants/{anna.Id}/export");
        (await export.Content.ReadAsStringAsync()).ShouldContain("blogDutyWeeks");
        (await Client.PostJsonAsync($"/api/v1/participants/{anna.Id}/erasure", new { reason = "Begäran om radering." })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var rota = await (await Client.GetAsync(UrlOf(round))).ShouldBeAsync<BlogDutyDto>(HttpStatusCode.OK);

        rota.Weeks.Select(w => (w.StaffMemberId, w.Name)).ShouldBe([(null, null), (bo.Id, "Bo Ström"), (null, null)]);
    }

    private static string UrlOf(RunningRound round) => $"/api/v1/libraries/{round.Varnamo}/blog-duty";

    private Task<int> QueueNoticesAsync() =>
        Factory.Services.GetServices<IHostedService>().OfType<NoticeService>().Single().QueueDueNoticesAsync(CancellationToken.None);

    private Task<List<(string RecipientEmail, string Subject, string TextBody)>> DutyLettersAsync() =>
        Factory.WithSystemScopeAsync(async sp => (await sp.GetRequiredService<AppDbContext>().OutboxMessages
            .Where(m => m.Kind == LetterKinds.BlogDuty).OrderBy(m => m.CreatedAt).ThenBy(m => m.RecipientEmail)
            .Select(m => new { m.RecipientEmail, m.Subject, m.TextBody }).ToListAsync())
            .Select(m => (m.RecipientEmail, m.Subject, m.TextBody)).ToList());
}
