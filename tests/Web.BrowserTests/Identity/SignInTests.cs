using System.Net;
using System.Text.RegularExpressions;
using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Identity;

public sealed class SignInTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    [Fact]
    public async Task Signing_in_with_the_swedish_labels_opens_my_rounds()
    {
        await GoToAsync("");

        await Assertions.Expect(Heading("Logga in")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await CheckPageAsync("sign-in");
        await SignInAsync(Johan);

        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Inloggad som")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText(new Regex(@"^\d+ av 8 saker redovisade$")).First).ToBeVisibleAsync();
        await CheckPageAsync("my-rounds");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_in_swedish()
    {
        await GoToAsync("logga-in");

        await SignInAsync(Johan, "Fel-losenord-1");

        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-postadressen eller lösenordet stämmer inte");
        await CheckPageAsync("sign-in-refused");
    }

    [Fact]
    public async Task Reloading_the_page_keeps_the_participant_signed_in_with_no_token_in_the_browsers_storage()
    {
        await GoToAsync("logga-in");
        await SignInAsync(Johan);
        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();

        await Page.ReloadAsync();

        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Inloggad som")).ToBeVisibleAsync();
        var storage = await Page.EvaluateAsync<string>("() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })");
        storage.ShouldNotContain("eyJ");
        storage.ShouldNotContain("token", Case.Insensitive);
        var cookie = (await Context.CookiesAsync()).ShouldHaveSingleItem();
        cookie.HttpOnly.ShouldBeTrue();
        cookie.SameSite.ShouldBe(SameSiteAttribute.Strict);
        cookie.Path.ShouldBe("/api/v1/auth/browser");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server()
    {
        await GoToAsync("logga-in");
        await SignInAsync(Johan);
        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();
        var cookie = (await Context.CookiesAsync()).ShouldHaveSingleItem();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();

        await Assertions.Expect(Heading("Logga in")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Du är utloggad.");
        (await Context.CookiesAsync()).ShouldBeEmpty();
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        using var refresh = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/browser/refresh");
        refresh.Headers.Add("X-EnSakITaget-Request", "1");
        refresh.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        (await http.SendAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await Page.ReloadAsync();
        await Assertions.Expect(Heading("Logga in")).ToBeVisibleAsync();
        await CheckPageAsync("signed-out");
    }

    [Fact]
    public async Task The_reader_can_choose_english_and_the_choice_is_remembered()
    {
        await GoToAsync("logga-in");

        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(Heading("Sign in")).ToBeVisibleAsync();
        await Page.ReloadAsync();

        await Assertions.Expect(Heading("Sign in")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(Page.GetByLabel("E-mail")).ToBeVisibleAsync();
        await CheckPageAsync("sign-in-english");
    }
}
