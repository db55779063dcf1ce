using Microsoft.JSInterop;

namespace EnSakITaget.Web.Identity;

/// <summary>
/// The sign-in form that index.html shows at <c>/logga-in</c> before the app has started
/// (js/before-app.js): the app waits for a sign-in it sent to finish, and its own sign-in page
/// takes over what was typed there, where the focus was, and what the server said.
/// </summary>
public static class EarlySignIn
{
    /// <summary>Waits until no sign-in of the early form is under way, so that the session cookie it set is there to restore.</summary>
    public static async Task<Outcome> SettledAsync(IJSRuntime js) => await js.InvokeAsync<Outcome>("enSakITaget.earlySignIn.settled");

    /// <summary>
    /// What the early form held, once, as the app's sign-in page draws; null when the page did not show it.
    /// In process and synchronous, so that no key pressed in the form between the reading and the app's first frame is lost.
    /// </summary>
    public static State? Take(IJSRuntime js) =>
        js is IJSInProcessRuntime inProcess ? inProcess.Invoke<State?>("enSakITaget.earlySignIn.take") : null;

    /// <summary>After the app's first frame: the focus back in the field the reader was in.</summary>
    public static ValueTask RestoreFocusAsync(IJSRuntime js, State state) =>
        js.InvokeVoidAsync("enSakITaget.earlySignIn.restoreFocus", state.Focus, state.SelectionStart);

    /// <summary>
    /// What was typed, the id of the element with the focus, the text key of the server's refusal (SignInRefused,
    /// TooManyAttempts, GenericError), whether it signed in, and whether a sign-in it sent is still under way.
    /// </summary>
    public sealed record State(string? Email, string? Password, string? Focus, int? SelectionStart, string? Refusal, bool SignedIn, bool Pending = false);

    /// <summary>How the early form's sign-in ended: signed in (the cookie is set), or the text key of the refusal.</summary>
    public sealed record Outcome(bool SignedIn, string? Refusal);
}
