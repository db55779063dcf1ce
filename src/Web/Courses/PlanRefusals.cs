using System.Text.RegularExpressions;

namespace EnSakITaget.Web.Courses;

/// <summary>
/// The API's refusals of a round's plan, which it words in English, said in Swedish with the same
/// numbers and dates; a refusal not known here gets a Swedish sentence about its field instead, never
/// the raw English.
/// </summary>
public static partial class PlanRefusals
{
    private static readonly (Regex Pattern, string Swedish)[] Known =
    [
        (DeadlineBeforeKickOff(), "Sista dagen {1} ligger före kick-off {2}."),
        (ReleasedOutside(), "Sak {1} skulle komma ut {2}, utanför tiden från kick-off {3} till sista dagen {4}."),
        (ReleasedInThePast(), "Sak {1} skulle komma ut {2}, en dag som redan har varit."),
        (ReleasedOutOfOrder(), "Sak {1} skulle komma ut före sak {2}: en sak i taget."),
        (PlannedOutside(), "Sak {1} är planerad till {2}, utanför {3}–{4}: ändra planen först."),
        (NoDate(), "Sak {1} ({2}) har inget datum."),
        (NoSuchThing(), "Omgången har ingen sak {1}."),
        (CadenceTooShort(), "Det ska gå minst en vecka mellan sakerna."),
        (NothingBeforeKickOff(), "Inget kommer ut före kick-off {1}."),
        (DeadlinePassedOpen(), "Sista dagen {1} har redan varit: en öppen omgång skulle stängas direkt. Stäng den i stället."),
        (DeadlinePassedCannotOpen(), "Sista dagen {1} har redan varit: omgången kan inte öppnas efter den."),
        (KickOffCannotMove(), "Kick-off för en omgång som redan är öppen kan inte flyttas."),
    ];

    private static readonly Dictionary<string, string> ByField = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deadline"] = "Kontrollera sista dagen: den ska ligga efter kick-off och efter den sista saken.",
        ["kickOff"] = "Kontrollera dagen för kick-off.",
        ["everyWeeks"] = "Ange hur många veckor det ska gå mellan sakerna, minst en.",
        ["dates"] = "Kontrollera datumen för sakerna: varje sak behöver ett datum, i ordning.",
        ["title"] = "Skriv ett namn på omgången.",
        ["courseId"] = "Välj en publicerad kurs.",
        ["homeLibraryId"] = "Välj det bibliotek omgången hör till.",
        ["coordinatorIds"] = "Välj samordnare som arbetar vid biblioteket.",
        ["pauses"] = "Kontrollera uppehållen: de ska ligga mellan kick-off och sista dagen.",
    };

    /// <summary>The refusal in Swedish: translated when it is one the API is known to give, otherwise what is wrong with the field.</summary>
    public static string InSwedish(string field, string apiMessage) =>
        Translate(apiMessage) ?? ByField.GetValueOrDefault(FieldOf(field)) ?? "Kontrollera uppgiften: tjänsten godtog den inte.";

    /// <returns>The Swedish sentence, or null when the message is not one of the known refusals.</returns>
    public static string? Translate(string apiMessage)
    {
        foreach (var (pattern, swedish) in Known)
        {
            if (pattern.Match(apiMessage) is { Success: true } match)
            {
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, swedish, [.. match.Groups.Cast<Group>().Select(g => (object)g.Value)]);
            }
        }

        return null;
    }

    /// <summary>"dates[2]" and "pauses[0].from" are about "dates" and "pauses".</summary>
    private static string FieldOf(string field) => field.Split('[', '.')[0];

    [GeneratedRegex(@"^The deadline (\S+) is before the kick-off (\S+?)\.$")]
    private static partial Regex DeadlineBeforeKickOff();

    [GeneratedRegex(@"^Thing (\d+) would be released on (\S+), outside (\S+) to the deadline (\S+?)\.$")]
    private static partial Regex ReleasedOutside();

    [GeneratedRegex(@"^Thing (\d+) would be released on (\S+), a day already past\.$")]
    private static partial Regex ReleasedInThePast();

    [GeneratedRegex(@"^Thing (\d+) would be released before thing (\d+): one thing at a time\.$")]
    private static partial Regex ReleasedOutOfOrder();

    [GeneratedRegex(@"^Thing (\d+) is planned for (\S+), outside (\S+) to (\S+): change the schedule first\.$")]
    private static partial Regex PlannedOutside();

    [GeneratedRegex(@"^Thing (\d+) \((.*)\) has no date\.$")]
    private static partial Regex NoDate();

    [GeneratedRegex(@"^The round has no thing (\d+)\.$")]
    private static partial Regex NoSuchThing();

    [GeneratedRegex(@"^A cadence is at least one week\.$")]
    private static partial Regex CadenceTooShort();

    [GeneratedRegex(@"^Nothing is released before the kick-off on (\S+?)\.$")]
    private static partial Regex NothingBeforeKickOff();

    [GeneratedRegex(@"^The deadline (\S+) has passed: an open round would close at once\. Close it instead\.$")]
    private static partial Regex DeadlinePassedOpen();

    [GeneratedRegex(@"^The deadline (\S+) has passed; a round cannot open after it\.$")]
    private static partial Regex DeadlinePassedCannotOpen();

    [GeneratedRegex(@"^The kick-off of an open round cannot move\.$")]
    private static partial Regex KickOffCannotMove();
}
