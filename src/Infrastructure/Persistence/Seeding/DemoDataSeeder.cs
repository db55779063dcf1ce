using EnSakITaget.Domain.Courses;
using EnSakITaget.Domain.Libraries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EnSakITaget.Infrastructure.Persistence.Seeding;

/// <summary>
/// Opt-in demo data from the report: Jönköping county with its thirteen municipalities,
/// Värnamo's city library, five branches and bookmobile, the course "Sociala medier" with its
/// eight things, and Värnamo's round of spring 2010. Running it twice adds nothing.
/// </summary>
public sealed partial class DemoDataSeeder(AppDbContext db, TimeProvider time, ILogger<DemoDataSeeder> logger)
{
    public const string CountyCode = "06";

    private static readonly (string Name, string Code)[] Municipalities =
    [
        ("Aneby", "0604"), ("Gnosjö", "0617"), ("Mullsjö", "0642"), ("Habo", "0643"), ("Gislaved", "0662"),
        ("Vaggeryd", "0665"), ("Jönköping", "0680"), ("Nässjö", "0682"), ("Värnamo", "0683"), ("Sävsjö", "0684"),
        ("Vetlanda", "0685"), ("Eksjö", "0686"), ("Tranås", "0687"),
    ];

    private static readonly (LibraryNodeType Type, string Name, int Staff)[] VarnamoUnits =
    [
        (LibraryNodeType.MainLibrary, "Värnamo stadsbibliotek", 11),
        (LibraryNodeType.Branch, "Bors bibliotek", 2),
        (LibraryNodeType.Branch, "Bredaryds bibliotek", 1),
        (LibraryNodeType.Branch, "Forsheda bibliotek", 2),
        (LibraryNodeType.Branch, "Rydaholms bibliotek", 1),
        (LibraryNodeType.Branch, "Horda bibliotek", 1),
        (LibraryNodeType.Bookmobile, "Bokbussen", 2),
    ];

    /// <summary>The report's round: kick-off 23 February 2010, a thing every three weeks, nothing over the summer, done by the end of August.</summary>
    public static readonly DateOnly KickOff = new(2010, 2, 23);
    public static readonly DateOnly Deadline = new(2010, 8, 31);
    public static readonly DateRange SummerPause = new(new DateOnly(2010, 6, 21), new DateOnly(2010, 8, 8));

    private static readonly ThingContent[] SocialMediaThings =
    [
        Thing("Lärplattformen", "Logga in på kursens plattform, fyll i din profil och skriv en första rad om vem du är.", 30,
            "Berätta i ett blogginlägg hur det gick att komma igång."),
        Thing("Bloggar", "Starta en egen blogg, läs några biblioteksbloggar och kommentera ett inlägg.", 60,
            "Skriv ditt första riktiga blogginlägg: vad kan en blogg ge biblioteket?", "https://sv.wikipedia.org/wiki/Blogg"),
        Thing("Facebook", "Skapa ett konto eller titta på hur andra bibliotek använder sina sidor.", 45,
            "Vad skulle vårt bibliotek kunna göra på Facebook?", "https://www.facebook.com"),
        Thing("Google", "Prova Googles tjänster utöver sökningen: kalender, dokument, kartor.", 45,
            "Vilken tjänst kan du ha nytta av i arbetet?", "https://www.google.se"),
        Thing("Wikipedia", "Läs om hur Wikipedia skrivs, och förbättra eller skapa en artikel om något lokalt.", 60,
            "Vad tänker du nu om Wikipedia som källa?", "https://sv.wikipedia.org"),
        Thing("Biblioteket", "Titta på hur andra bibliotek syns i sociala medier.", 45,
            "Ge ett förslag på hur vårt bibliotek kan synas mer."),
        Thing("Bild & film", "Lägg upp en bild eller en kort film och prova att bädda in den i din blogg.", 60,
            "Visa och berätta om det du har lagt upp.", "https://www.youtube.com"),
        Thing("Musik", "Lyssna på musik på nätet och skapa en spellista.", 30,
            "Dela din spellista och berätta vad du valde."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Libraries.AnyAsync(n => n.Type == LibraryNodeType.County && n.Code == CountyCode, cancellationToken))
        {
            LogAlreadySeeded();
            return;
        }

        var now = time.GetUtcNow();
        var county = LibraryNode.Create(new(LibraryNodeType.County, "Jönköpings län", CountyCode), parent: null, now);
        db.Libraries.Add(county);
        foreach (var (name, code) in Municipalities)
        {
            var municipality = LibraryNode.Create(new(LibraryNodeType.Municipality, $"{name} kommuns bibliotek", code), county, now);
            db.Libraries.Add(municipality);
            if (code == "0683")
            {
                db.Libraries.AddRange(VarnamoUnits.Select(unit =>
                    LibraryNode.Create(new(unit.Type, unit.Name, StaffCount: unit.Staff), municipality, now)));
            }
        }

        var course = Course.Create(county.Id, "Sociala medier",
            "Lär dig sociala medier en sak i taget, i din egen takt, tillsammans med dina kolleger.", "sv", now);
        foreach (var thing in SocialMediaThings)
        {
            course.AddThing(thing, position: null, now);
        }

        var version = course.Publish(now);
        db.Courses.Add(course);
        db.CourseVersions.Add(version);

        var varnamo = db.Libraries.Local.Single(n => n.Code == "0683");
        var round = Round.Plan(version, varnamo.Id, "Sociala medier – Värnamo 2010", [], KickOff, Deadline, workAheadAllowed: true, now);
        round.PlanCadence(everyWeeks: 3, [SummerPause], today: KickOff);
        round.Open(KickOff, now);
        db.Rounds.Add(round);

        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(Municipalities.Length, VarnamoUnits.Length);
    }

    private static ThingContent Thing(string title, string instructions, int minutes, string reportPrompt, params string[] links) =>
        new(title, instructions, links, minutes, reportPrompt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is already there; nothing added")]
    private partial void LogAlreadySeeded();

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo data: Jönköpings län, {MunicipalityCount} municipalities, {UnitCount} Värnamo units, the course Sociala medier and Värnamo's round of 2010")]
    private partial void LogSeeded(int municipalityCount, int unitCount);
}
