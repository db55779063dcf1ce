using System.Globalization;
using Microsoft.JSInterop;

namespace EnSakITaget.Web.Common;

/// <summary>The reader's language, Swedish unless they chose English; the choice is kept in the browser (js/before-app.js).</summary>
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

    // The thread's culture stays the one js/start.js started with (sv-SE): Blazor refuses a culture
    // changed before it runs unless every ICU shard is downloaded. Every text and date is formatted
    // with Culture, explicitly.
    private void Use(Texts texts)
    {
        T = texts;
        Culture = CultureInfo.GetCultureInfo(texts.CultureName);
    }

    /// <summary>"23 feb. 2010" in Swedish, "23 Feb 2010" in English.</summary>
    public string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public string Date(DateOnly? date) => date is { } day ? Date(day) : string.Empty;

    public string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(moment.ToLocalTime().DateTime));

    /// <summary>"23 feb. 2010 14:05".</summary>
    public string DateAndTime(DateTimeOffset moment) => $"{Date(moment)} {moment.ToLocalTime().ToString("HH:mm", Culture)}";

    public string Format(string text, params object?[] values) => string.Format(Culture, text, values);
}
