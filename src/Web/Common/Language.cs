using System.Globalization;
using Microsoft.JSInterop;

namespace EnSakITaget.Web.Common;

/// <summary>The reader's language, Swedish unless they chose English; the choice is kept in the browser (js/start.js).</summary>
public sealed class Language(IJSRuntime js)
{
    public Texts T { get; private set; } = Texts.Swedish;

    public CultureInfo Culture { get; private set; } = CultureInfo.GetCultureInfo(Texts.Swedish.CultureName);

    public event Action? Changed;

    public async Task LoadAsync()
    {
        var code = await js.InvokeAsync<string>("enSakITaget.language");
        Use(code == Texts.English.LanguageCode ? Texts.English : Texts.Swedish);
    }

    public async Task ChooseAsync(string code)
    {
        var texts = code == Texts.English.LanguageCode ? Texts.English : Texts.Swedish;
        await js.InvokeVoidAsync("enSakITaget.setLanguage", texts.LanguageCode);
        Use(texts);
        Changed?.Invoke();
    }

    private void Use(Texts texts)
    {
        T = texts;
        Culture = CultureInfo.GetCultureInfo(texts.CultureName);
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = Culture;
    }

    /// <summary>"23 feb. 2010" in Swedish, "23 Feb 2010" in English.</summary>
    public string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public string Date(DateOnly? date) => date is { } day ? Date(day) : string.Empty;

    public string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(moment.ToLocalTime().DateTime));

    /// <summary>"23 feb. 2010 14:05".</summary>
    public string DateAndTime(DateTimeOffset moment) => $"{Date(moment)} {moment.ToLocalTime().ToString("HH:mm", Culture)}";

    public string Format(string text, params object?[] values) => string.Format(Culture, text, values);
}
