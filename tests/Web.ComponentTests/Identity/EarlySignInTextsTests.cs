using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using EnSakITaget.Web.Common;

namespace EnSakITaget.Web.ComponentTests.Identity;

/// <summary>
/// The sign-in form that index.html shows before the app has started (js/before-app.js) carries a copy
/// of the app's texts for it, as the app's own are in its assemblies, not yet loaded: the copy says
/// what src/Web/Common/Texts.cs says, in both languages, and covers every text the form's markup names.
/// </summary>
public sealed partial class EarlySignInTextsTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "early-sign-in");

    public static TheoryData<string> Languages => new() { "sv", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_of_the_early_sign_in_form_is_the_app_s_own(string language)
    {
        var app = language == "sv" ? Texts.Swedish : Texts.English;

        foreach (var (key, text) in EarlyTexts()[language])
        {
            var property = typeof(Texts).GetProperty(key, BindingFlags.Public | BindingFlags.Instance);
            property.ShouldNotBeNull($"before-app.js has a text {key} that Texts does not");
            text.ShouldBe((string)property.GetValue(app)!, $"before-app.js's {language} {key}");
        }
    }

    [Fact]
    public void Every_text_the_early_form_s_markup_names_is_in_both_languages()
    {
        var page = File.ReadAllText(Path.Combine(Folder, "index.html"));
        var named = NamedText().Matches(page).Select(m => m.Groups["key"].Value).Distinct().ToList();
        named.ShouldNotBeEmpty();
        var texts = EarlyTexts();

        foreach (var key in named)
        {
            texts["sv"].ShouldContainKey(key);
            texts["en"].ShouldContainKey(key);
        }
    }

    private static Dictionary<string, Dictionary<string, string>> EarlyTexts()
    {
        var script = File.ReadAllText(Path.Combine(Folder, "before-app.js"));
        var json = TextsBlock().Match(script);
        json.Success.ShouldBeTrue("before-app.js has no /* texts */ … /* end texts */ block");
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json.Groups["json"].Value)!;
    }

    [GeneratedRegex(@"/\* texts \*/(?<json>.*?)/\* end texts \*/", RegexOptions.Singleline)]
    private static partial Regex TextsBlock();

    [GeneratedRegex("data-(?:text|label)=\"(?<key>[A-Za-z]+)\"")]
    private static partial Regex NamedText();
}
