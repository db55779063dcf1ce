using System.Net;
using System.Net.Http.Headers;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Messaging;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.GetMe;
using EnSakITaget.Application.Participants;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Identity;

public sealed partial class AccountsByEmailTests(MailApiFactory factory) : MailTest(factory)
{
    private const string NewPassword = "Mitt-eget-2010";

    [Fact]
    public async Task Enrolling_staff_without_an_account_mails_an_invitation_whose_link_makes_the_account_and_signs_in()
    {
        var (roundId, staffId, title) = await EnrolledStaffAsync("asa.oberg@varnamo.example.se", "Åsa Öberg");

        var invitation = await Smtp.WaitForOneToAsync("asa.oberg@varnamo.example.se");

        invitation.Subject.ShouldBe($"Välkommen till {title} – Värnamo kommuns bibliotek");
        invitation.To.Mailboxes.Single().Name.ShouldBe("Åsa Öberg");
        invitation.TextBody!.ShouldContain("Startmötet är 23 februari 2027.");
        var tokens = await (await Factory.CreateClient().PostJsonAsync("/api/v1/auth/activate", new { token = MailLinks.TokenIn(invitation, "aktivera"), password = NewPassword }))
            .ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
        var me = await MeAsync(tokens.AccessToken);
        me.Email.ShouldBe("asa.oberg@varnamo.example.se");
        me.DisplayName.ShouldBe("Åsa Öberg");
        me.ParticipantId.ShouldBe(staffId);
        me.Roles.ShouldHaveSingleItem().Role.ShouldBe(Role.Participant);
        (await LoginAsync("asa.oberg@varnamo.example.se", NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await (await Client.PostJsonAsync($"/api/v1/rounds/{roundId}/invitations", new { })).ShouldBeAsync<InvitationReport>(HttpStatusCode.OK);
        again.ShouldBe(new InvitationReport(0, 1, 0));
    }

    [Fact]
    public async Task The_web_apps_invitation_page_makes_the_account_and_keeps_the_session_in_its_http_only_cookie()
    {
        await EnrolledStaffAsync("asa.oberg@varnamo.example.se", "Åsa Öberg");
        var token = MailLinks.TokenIn(await Smtp.WaitForOneToAsync("asa.oberg@varnamo.example.se"), "aktivera");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/browser/activate")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { token, password = NewPassword }),
        };
        request.Headers.Add(Api.Identity.BrowserSessionEndpoints.RequestHeader, "1");

        var response = await Factory.CreateClient().SendAsync(request);

        var session = await response.ShouldBeAsync<Api.Identity.BrowserSessionDto>(HttpStatusCode.OK);
        (await MeAsync(session.AccessToken)).Email.ShouldBe("asa.oberg@varnamo.example.se");
        var cookie = response.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem().ToLowerInvariant();
        cookie.ShouldStartWith($"{Api.Identity.BrowserSessionEndpoints.CookieName}=");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
    }

    [Fact]
    public async Task The_web_apps_invitation_page_without_its_header_is_refused_as_cross_site()
    {
        var response = await Factory.CreateClient().PostJsonAsync("/api/v1/auth/browser/activate", new { token = "x", password = NewPassword });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_invitation_link_used_once_is_refused_the_second_time_with_a_400_naming_the_token()
    {
        await EnrolledStaffAsync("asa.oberg@varnamo.example.se", "Åsa Öberg");
        var token = MailLinks.TokenIn(await Smtp.WaitForOneToAsync("asa.oberg@varnamo.example.se"), "aktivera");
        (await Factory.CreateClient().PostJsonAsync("/api/v1/auth/activate", new { token, password = NewPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await Factory.CreateClient().PostJsonAsync("/api/v1/auth/activate", new { token, password = "Ett-annat-2011" });

        (await again.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token")).GetRawText().ShouldContain("used already");
    }

    [Fact]
    public async Task A_wrong_or_expired_invitation_token_is_a_400_naming_the_token()
    {
        await EnrolledStaffAsync("asa.oberg@varnamo.example.se", "Åsa Öberg");
        var token = MailLinks.TokenIn(await Smtp.WaitForOneToAsync("asa.oberg@varnamo.example.se"), "aktivera");

        await (await Factory.CreateClient().PostJsonAsync("/api/v1/auth/activate", new { token = "fel" + token, password = NewPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token");
        Factory.Clock.Advance(TimeSpan.FromDays(15));
        var expired = await Factory.CreateClient().PostJsonAsync("/api/v1/auth/activate", new { token, password = NewPassword });
        (await expired.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token")).GetRawText().ShouldContain("expired");
    }

    [Fact]
    public async Task Enrolling_the_same_person_again_sends_no_second_invitation_but_inviting_them_explicitly_resends_a_new_link()
    {
        var (roundId, staffId, _) = await EnrolledStaffAsync("asa.oberg@varnamo.example.se", "Åsa Öberg");
        var first = await Smtp.WaitForOneToAsync("asa.oberg@varnamo.example.se");
        (await Client.PostJsonAsync($"/api/v1/rounds/{roundId}/enrolments", new { participantIds = new[] { staffId } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var report = await (await Client.PostJsonAsync($"/api/v1/rounds/{roundId}/invitations", new { participantIds = new[] { staffId } }))
            .ShouldBeAsync<InvitationReport>(HttpStatusCode.OK);

        report.ShouldBe(new InvitationReport(1, 0, 0));
        var both = await Smtp.WaitForAsync(2);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Smtp.Received.Count.ShouldBe(2);
        MailLinks.TokenIn(both[1], "aktivera").ShouldNotBe(MailLinks.TokenIn(first, "aktivera"));
    }

    [Fact]
    public async Task Inviting_everyone_of_a_round_leaves_out_those_whose_invitation_is_still_open_unless_asked_to_resend()
    {
        var (roundId, _, _) = await EnrolledStaffAsync("asa.oberg@varnamo.example.se", "Åsa Öberg");
        var first = await Smtp.WaitForOneToAsync("asa.oberg@varnamo.example.se");

        var everyone = await (await Client.PostJsonAsync($"/api/v1/rounds/{roundId}/invitations", new { }))
            .ShouldBeAsync<InvitationReport>(HttpStatusCode.OK);
        var resent = await (await Client.PostJsonAsync($"/api/v1/rounds/{roundId}/invitations", new { resend = true }))
            .ShouldBeAsync<InvitationReport>(HttpStatusCode.OK);

        everyone.ShouldBe(new InvitationReport(0, 0, 1));
        resent.ShouldBe(new InvitationReport(1, 0, 0));
        var both = await Smtp.WaitForAsync(2);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Smtp.Received.Count.ShouldBe(2);
        MailLinks.TokenIn(both[1], "aktivera").ShouldNotBe(MailLinks.TokenIn(first, "aktivera"));
    }

    [Fact]
    public async Task Inviting_everyone_of_a_round_invites_again_those_whose_invitation_expired()
    {
        var (roundId, _, _) = await EnrolledStaffAsync("asa.oberg@varnamo.example.se", "Åsa Öberg");
        await Smtp.WaitForOneToAsync("asa.oberg@varnamo.example.se");
        Factory.Clock.Advance(TimeSpan.FromDays(15));

        var everyone = await (await Client.PostJsonAsync($"/api/v1/rounds/{roundId}/invitations", new { }))
            .ShouldBeAsync<InvitationReport>(HttpStatusCode.OK);

        everyone.ShouldBe(new InvitationReport(1, 0, 0));
        await Smtp.WaitForAsync(2);
    }

    [Fact]
    public async Task A_password_reset_mails_a_link_that_sets_a_new_password_and_the_old_one_stops_working()
    {
        var user = await Factory.CreateUserAsync("malin.ekdahl@varnamo.example.se", (Role.Administrator, null));

        var requested = await Factory.CreateClient().PostJsonAsync("/api/v1/auth/password-reset", new { email = user.Email });

        requested.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var mail = await Smtp.WaitForOneToAsync(user.Email);
        mail.Subject.ShouldBe("Återställ ditt lösenord till En sak i taget");
        var confirm = await Factory.CreateClient().PostJsonAsync("/api/v1/auth/password-reset/confirm", new { token = MailLinks.TokenIn(mail, "aterstall-losenord"), password = NewPassword });
        confirm.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await LoginAsync(user.Email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LoginAsync(user.Email, TestUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_reset_for_an_unknown_email_answers_202_all_the_same_and_mails_nobody()
    {
        var requested = await Factory.CreateClient().PostJsonAsync("/api/v1/auth/password-reset", new { email = "ingen@varnamo.example.se" });

        requested.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Smtp.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_password_reset_link_past_its_time_is_a_400_naming_the_token()
    {
        var user = await Factory.CreateUserAsync("malin.ekdahl@varnamo.example.se", (Role.Administrator, null));
        (await Factory.CreateClient().PostJsonAsync("/api/v1/auth/password-reset", new { email = user.Email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var token = MailLinks.TokenIn(await Smtp.WaitForOneToAsync(user.Email), "aterstall-losenord");
        Factory.Clock.Advance(TimeSpan.FromHours(3));

        var confirm = await Factory.CreateClient().PostJsonAsync("/api/v1/auth/password-reset/confirm", new { token, password = NewPassword });

        await confirm.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token");
        (await LoginAsync(user.Email, TestUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signed_in_user_changes_their_own_password_given_the_current_one()
    {
        var user = await Factory.CreateUserAsync("karin.sjoberg@varnamo.example.se", (Role.Administrator, null));
        var client = await Factory.ClientForAsync(user);

        await (await client.PutJsonAsync("/api/v1/me/password", new { currentPassword = "Fel-losen-2010", newPassword = NewPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "currentPassword");
        await (await client.PutJsonAsync("/api/v1/me/password", new { currentPassword = TestUsers.Password, newPassword = "kort" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "newPassword");
        (await client.PutJsonAsync("/api/v1/me/password", new { currentPassword = TestUsers.Password, newPassword = NewPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await LoginAsync(user.Email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LoginAsync(user.Email, TestUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<(Guid RoundId, Guid StaffId, string Title)> EnrolledStaffAsync(string email, string name)
    {
        var world = await Client.CreateTwoCountiesAsync();
        var course = await Client.CreatePublishedCourseAsync(world.Jonkoping, "Lärplattformen", "Bloggar");
        var round = await Client.CreateRoundAsync(course.Id, world.Varnamo, new DateOnly(2027, 2, 23), new DateOnly(2027, 8, 31));
        var staff = await (await Client.PostJsonAsync("/api/v1/participants", new { name, email, unitId = world.Bor, title = "Bibliotekarie" }))
            .ShouldBeAsync<StaffMemberDto>(HttpStatusCode.Created);
        (await Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/enrolments", new { participantIds = new[] { staff.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (round.Id, staff.Id, round.Title);
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        Factory.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password });

    private async Task<MeDto> MeAsync(string accessToken)
    {
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await (await client.GetAsync("/api/v1/me")).ShouldBeAsync<MeDto>(HttpStatusCode.OK);
    }
}
