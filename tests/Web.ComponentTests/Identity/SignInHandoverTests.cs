using EnSakITaget.Web.ComponentTests.Common;
using EnSakITaget.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Web.ComponentTests.Identity;

/// <summary>The app's sign-in page takes over the form index.html showed while the app started (js/before-app.js).</summary>
public sealed class SignInHandoverTests : ComponentTest
{
    private const string Take = "enSakITaget.earlySignIn.take";

    public SignInHandoverTests()
    {
        Services.AddSingleton<Session>();
    }

    [Fact]
    public void What_was_typed_in_the_early_form_stays_and_the_focus_goes_back_to_its_field()
    {
        JSInterop.Setup<EarlySignIn.State?>(Take).SetResult(new("karin.sjoberg@varnamo.example.se", "halvt-skri", "password", 10, null, false));
        var focus = JSInterop.SetupVoid("enSakITaget.earlySignIn.restoreFocus", _ => true);

        var page = Render<SignIn>();

        page.Find("#email").GetAttribute("value").ShouldBe("karin.sjoberg@varnamo.example.se");
        page.Find("#password").GetAttribute("value").ShouldBe("halvt-skri");
        var restored = focus.VerifyInvoke("enSakITaget.earlySignIn.restoreFocus");
        restored.Arguments.ShouldBe(["password", 10]);
    }

    [Fact]
    public void A_refusal_the_early_form_got_is_said_again_by_the_app_s_page()
    {
        JSInterop.Setup<EarlySignIn.State?>(Take).SetResult(new("karin.sjoberg@varnamo.example.se", "fel", null, null, "SignInRefused", false));

        var page = Render<SignIn>();

        page.Find("[role=alert]").TextContent.ShouldBe(Web.Common.Texts.Swedish.SignInRefused);
    }

    [Fact]
    public async Task A_sign_in_the_early_form_made_opens_the_page_the_reader_was_on_the_way_to()
    {
        AnswerKarinsSessionCookie();
        await Services.GetRequiredService<Session>().RestoreAsync();
        JSInterop.Setup<EarlySignIn.State?>(Take).SetResult(new("karin.sjoberg@varnamo.example.se", "ratt", null, null, null, true));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("logga-in?tillbaka=historik");

        Render<SignIn>();

        navigation.Uri.ShouldEndWith("/historik");
    }

    [Fact]
    public void A_sign_in_still_under_way_when_the_app_takes_over_is_waited_for_and_then_opens_my_rounds()
    {
        AnswerKarinsSessionCookie();
        JSInterop.Setup<EarlySignIn.State?>(Take).SetResult(new("karin.sjoberg@varnamo.example.se", "ratt", null, null, null, false, Pending: true));
        var settled = JSInterop.Setup<EarlySignIn.Outcome>("enSakITaget.earlySignIn.settled");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("logga-in");

        var page = Render<SignIn>();
        page.Find("button[type=submit]").TextContent.ShouldBe(Web.Common.Texts.Swedish.SigningIn);
        settled.SetResult(new(SignedIn: true, Refusal: null));

        page.WaitForAssertion(() => navigation.Uri.ShouldBe(navigation.BaseUri));
        Services.GetRequiredService<Session>().IsSignedIn.ShouldBeTrue();
    }

    [Fact]
    public void Without_the_early_form_the_page_starts_empty()
    {
        var page = Render<SignIn>();

        page.Find("#email").GetAttribute("value").ShouldBeNullOrEmpty();
        page.FindAll("[role=alert]").ShouldBeEmpty();
    }

    /// <summary>The server's side of a session cookie the early form set: a refresh gives a token, and /me is Karin.</summary>
    private void AnswerKarinsSessionCookie()
    {
        Http.Answer("POST", "/api/v1/auth/browser/refresh", """{"tokenType":"Bearer","accessToken":"a","expiresIn":900}""");
        Http.Answer("GET", "/api/v1/me", """{"id":"6f1c1b9e-2d6a-4c3e-9a39-3c1f0d0a7b11","email":"karin.sjoberg@varnamo.example.se","displayName":"Karin Sjöberg","roles":[]}""");
    }
}
