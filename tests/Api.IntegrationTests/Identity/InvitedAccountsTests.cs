using System.Net;
using System.Net.Http.Headers;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Api.IntegrationTests.Courses;
using EnSakITaget.Api.IntegrationTests.Messaging;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Identity.GetMe;
using EnSakITaget.Domain.Identity;
using MimeKit;

namespace EnSakITaget.Api.IntegrationTests.Identity;

/// <summary>Issue 16: a county admin makes an account with its roles and no password; the person chooses it from the letter.</summary>
public sealed class InvitedAccountsTests(MailApiFactory factory) : MailTest(factory)
{
    private const string Url = "/api/v1/users";
    private const string Email = "maja.lind@gislaved.example.se";
    private const string NewPassword = "Mitt-eget-2010";

    [Fact]
    public async Task An_account_made_without_a_password_is_invited_by_email_and_the_link_sets_the_password_and_signs_in_with_its_roles()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var countyAdmin = await Factory.ClientAsAsync("lena.holm@jonkoping.example.se", (Role.CountyAdmin, world.Jonkoping));

        var created = await (await countyAdmin.PostJsonAsync(Url, Coordinator(world.Gislaved))).ShouldBeAsync<UserDto>(HttpStatusCode.Created);

        created.AwaitingActivation.ShouldBeTrue();
        var letter = await Smtp.WaitForOneToAsync(Email);
        letter.Subject.ShouldBe("Ditt konto i En sak i taget");
        letter.To.Mailboxes.Single().Name.ShouldBe("Maja Lind");
        letter.TextBody!.ShouldContain("lena.holm har gjort ett konto åt dig i En sak i taget.");
        (await LoginAsync(Email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var tokens = await (await Factory.CreateClient().PostJsonAsync("/api/v1/auth/activate", new { token = TokenIn(letter), password = NewPassword }))
            .ShouldBeAsync<AuthTokens>(HttpStatusCode.OK);
        var me = await MeAsync(tokens.AccessToken);
        me.Email.ShouldBe(Email);
        me.Roles.ShouldHaveSingleItem().Role.ShouldBe(Role.Coordinator);
        me.Roles.Single().LibraryId.ShouldBe(world.Gislaved);
        (await LoginAsync(Email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await countyAdmin.GetAsync($"{Url}/{created.Id}")).ShouldBeAsync<UserDto>(HttpStatusCode.OK)).AwaitingActivation.ShouldBeFalse();
    }

    [Fact]
    public async Task Sending_an_invitation_again_mails_a_new_link_and_once_the_password_is_chosen_every_link_and_resend_is_refused()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var created = await (await Client.PostJsonAsync(Url, Coordinator(world.Gislaved))).ShouldBeAsync<UserDto>(HttpStatusCode.Created);
        var first = TokenIn(await Smtp.WaitForOneToAsync(Email));
        Smtp.Clear();

        (await Client.PostAsync($"{Url}/{created.Id}/invitation", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var second = TokenIn(await Smtp.WaitForOneToAsync(Email));
        second.ShouldNotBe(first);
        (await Factory.CreateClient().PostJsonAsync("/api/v1/auth/activate", new { token = second, password = NewPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var old = await Factory.CreateClient().PostJsonAsync("/api/v1/auth/activate", new { token = first, password = "Ett-annat-2011" });
        (await old.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token")).GetRawText().ShouldContain("password already");
        await (await Client.PostAsync($"{Url}/{created.Id}/invitation", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await LoginAsync(Email, "Ett-annat-2011")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_county_admin_cannot_send_an_invitation_for_an_account_of_another_county()
    {
        var world = await Client.CreateTwoCountiesAsync();
        var countyAdmin = await Factory.ClientAsAsync("lena.holm@jonkoping.example.se", (Role.CountyAdmin, world.Jonkoping));
        var outsider = await (await Client.PostJsonAsync(Url, Coordinator(world.Vaxjo))).ShouldBeAsync<UserDto>(HttpStatusCode.Created);
        var before = await SnapshotDataAsync();

        await (await countyAdmin.PostAsync($"{Url}/{outsider.Id}/invitation", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await SnapshotDataAsync()).ShouldBe(before);
    }

    private static object Coordinator(Guid municipality) => new
    {
        email = Email, displayName = "Maja Lind", roles = new[] { new { role = "Coordinator", libraryId = municipality } },
    };

    private static string TokenIn(MimeMessage message) => MailLinks.TokenIn(message, "aktivera");

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        Factory.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password });

    private async Task<MeDto> MeAsync(string accessToken)
    {
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await (await client.GetAsync("/api/v1/me")).ShouldBeAsync<MeDto>(HttpStatusCode.OK);
    }
}
