namespace EnSakITaget.Web.Identity;

/// <summary>
/// The texts of the e-mail choices on the settings page, Swedish first; each language is a full
/// constructor call, so a text added to one and not the other does not compile.
/// </summary>
/// <param name="Kinds">A label and a hint for each kind of e-mail the API lets a person choose about (LetterKinds.Optional).</param>
public sealed record NotificationTexts(
    string Intro,
    string AtOnce,
    string Weekly,
    string Off,
    string Save,
    string Saved,
    IReadOnlyDictionary<string, string> Kinds)
{
    public static readonly NotificationTexts Swedish = new(
        Intro: "Välj för varje sorts mejl om du vill få det genast, samlat i ett mejl på måndagsmorgonen, eller inte alls. Inbjudningar och länkar för nytt lösenord kommer alltid.",
        AtOnce: "Genast",
        Weekly: "En gång i veckan",
        Off: "Av",
        Save: "Spara valen",
        Saved: "Dina val för mejl är sparade.",
        Kinds: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ThingReleased"] = "När en ny sak släpps",
            ["DeadlineApproaching"] = "När sista dagen närmar sig",
            ["Nudge"] = "Påminnelser från samordnaren",
            ["SurveyOpen"] = "När enkäten öppnar",
            ["SurveyReminder"] = "Påminnelser om enkäten",
            ["ReflectionAcknowledged"] = "När samordnaren har läst min reflektion",
            ["CoordinatorDigest"] = "Veckobrevet till samordnare",
            ["BlogDuty"] = "När min vecka som ansvarig för bloggen börjar",
            ["RoundBlogWeek"] = "Veckans nya inlägg och kommentarer på omgångens blogg",
        });

    public static readonly NotificationTexts English = new(
        Intro: "For each kind of e-mail, choose whether you want it at once, gathered into one e-mail on Monday morning, or not at all. Invitations and new-password links always come.",
        AtOnce: "At once",
        Weekly: "Once a week",
        Off: "Off",
        Save: "Save the choices",
        Saved: "Your e-mail choices are saved.",
        Kinds: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ThingReleased"] = "When a new thing is out",
            ["DeadlineApproaching"] = "When the last day draws near",
            ["Nudge"] = "Reminders from the coordinator",
            ["SurveyOpen"] = "When the survey opens",
            ["SurveyReminder"] = "Reminders about the survey",
            ["ReflectionAcknowledged"] = "When the coordinator has read my reflection",
            ["CoordinatorDigest"] = "The coordinators' weekly letter",
            ["BlogDuty"] = "When my week responsible for the blog begins",
            ["RoundBlogWeek"] = "The week's new posts and comments on the round's blog",
        });

    public static NotificationTexts For(string languageCode) => languageCode == "en" ? English : Swedish;

    /// <summary>A kind the API adds before the web app knows it still shows, by its name.</summary>
    public string Label(string kind) => Kinds.TryGetValue(kind, out var label) ? label : kind;
}
