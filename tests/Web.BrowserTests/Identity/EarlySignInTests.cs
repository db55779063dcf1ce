using EnSakITaget.Web.BrowserTests.Common;
using Microsoft.Playwright;

namespace EnSakITaget.Web.BrowserTests.Identity;

/// <summary>
/// The sign-in form of index.html, there before the app has started (js/before-app.js): the app's
/// runtime is held back here until the test lets it through, as a slow municipal PC would.
/// </summary>
public sealed class EarlySignInTests(WebAppServer server, Browser browser) : WebAppTest(server, browser)
{
    private readonly TaskCompletionSource runtime = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task The_sign_in_form_signs_in_before_the_app_has_started_and_the_app_then_opens_my_rounds()
    {
        await HoldBackTheAppAsync();
        await GoToAsync("logga-in");
        await Assertions.Expect(Heading("Logga in")).ToBeVisibleAsync();
        await CheckPageAsync("sign-in-before-the-app", whenQuiet: false);

        await SignInAsync(Johan);

        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Loggar in …" })).ToBeDisabledAsync();
        await WaitForSessionCookieAsync();
        runtime.SetResult();
        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Inloggad som")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task What_is_typed_before_the_app_has_started_stays_with_the_focus_in_its_field_when_the_app_takes_over()
    {
        await HoldBackTheAppAsync();
        await GoToAsync("logga-in");
        await Page.GetByLabel("E-post").FillAsync(Johan);
        await Page.GetByLabel("Lösenord").FocusAsync();
        await Page.Keyboard.TypeAsync(DemoPassword[..6]);

        runtime.SetResult();
        await WaitForTheAppAsync();

        await Assertions.Expect(Page.GetByLabel("E-post")).ToHaveValueAsync(Johan);
        await Assertions.Expect(Page.GetByLabel("Lösenord")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(DemoPassword[6..]);
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Heading("Mina omgångar")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task No_key_pressed_while_the_app_takes_over_the_form_is_lost()
    {
        var typed = string.Concat(Enumerable.Range(0, 12).Select(i => $"ord{i}.")) + "@varnamo.example.se";
        await HoldBackTheAppAsync();
        await GoToAsync("logga-in");
        await Page.GetByLabel("E-post").FocusAsync();
        await Page.Keyboard.TypeAsync(typed[..10]);

        runtime.SetResult();
        // Typing on, a key every 40 ms, through the moment the app replaces the form with its own.
        await Page.Keyboard.TypeAsync(typed[10..], new() { Delay = 40 });

        await WaitForTheAppAsync();
        await Assertions.Expect(Page.GetByLabel("E-post")).ToHaveValueAsync(typed);
        await Assertions.Expect(Page.GetByLabel("E-post")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_refusal_before_the_app_has_started_is_said_in_swedish_and_still_said_when_the_app_takes_over()
    {
        await HoldBackTheAppAsync();
        await GoToAsync("logga-in");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Fyll i e-post.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByLabel("Lösenord")).ToHaveAttributeAsync("aria-invalid", "true");

        await SignInAsync(Johan, "Fel-losenord-1");

        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-postadressen eller lösenordet stämmer inte");
        await CheckPageAsync("sign-in-before-the-app-refused", whenQuiet: false);
        runtime.SetResult();
        await WaitForTheAppAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-postadressen eller lösenordet stämmer inte");
        await Assertions.Expect(Page.GetByLabel("E-post")).ToHaveValueAsync(Johan);
    }

    [Fact]
    public async Task The_skip_link_before_the_app_has_started_moves_the_focus_to_the_form_without_leaving_the_page()
    {
        await HoldBackTheAppAsync();
        await GoToAsync("logga-in");

        await TabToAsync("Hoppa till innehållet");
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.Locator("main#content")).ToBeFocusedAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Uri(Server.BaseAddress, "logga-in").ToString());
        await TabToAsync("email");
        runtime.SetResult();
    }

    [Fact]
    public async Task English_chosen_before_the_app_has_started_is_kept_when_the_app_takes_over()
    {
        await HoldBackTheAppAsync();
        await GoToAsync("logga-in");

        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(Heading("Sign in")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(Page.GetByLabel("E-mail")).ToBeVisibleAsync();
        runtime.SetResult();
        await WaitForTheAppAsync();
        await Assertions.Expect(Heading("Sign in")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Svenska" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(375, 800)]
    [InlineData(640, 450)]
    public async Task The_sign_in_form_before_the_app_fits_a_phone_and_200_percent_zoom_without_sideways_scrolling(int width, int height)
    {
        await HoldBackTheAppAsync();
        await Page.SetViewportSizeAsync(width, height);
        await GoToAsync("logga-in");

        await ReflowTests.ShouldFitAsync(Page, "sign-in-before-the-app", Page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }));
        await ReflowTests.ShouldFitAsync(Page, "sign-in-before-the-app", Page.GetByRole(AriaRole.Link, new() { Name = "Glömt lösenordet?" }));
        runtime.SetResult();
    }

    /// <summary>The .NET runtime of the page (dotnet.native.*) waits until the test lets it through.</summary>
    private Task HoldBackTheAppAsync() =>
        Page.RouteAsync("**/_framework/dotnet.native*", async route =>
        {
            await runtime.Task;
            await route.ContinueAsync();
        });

    private async Task WaitForSessionCookieAsync()
    {
        for (var tries = 0; tries < 100; tries++)
        {
            if ((await Context.CookiesAsync()).Any(c => c.Name == "ensakitaget_session"))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException("the early form's sign-in set no session cookie");
    }
}
